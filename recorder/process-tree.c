/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Who descends from whom, and which mount namespace a process runs in, from /proc. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "sysrec/macro.h"
#include "sysrec/parse-number.h"
#include "sysrec/process-tree.h"

/* The parent pid: the field after the state, which follows the last ')' since comm
 * may hold any character. */
static pid_t process_ppid(pid_t pid) {
        _cleanup_fclose_ FILE *f = NULL;
        char path[64], buf[512], *p;
        size_t n;
        int ppid;

        snprintf(path, sizeof(path), "/proc/%d/stat", pid);
        f = fopen(path, "re");
        if (!f)
                return 0;
        n = fread(buf, 1, sizeof(buf) - 1, f);
        buf[n] = '\0';
        p = strrchr(buf, ')');
        if (!p || sscanf(p + 1, " %*c %d", &ppid) != 1)
                return 0;
        return ppid;
}

/* One pass: adds every process whose parent is root or already in set. Parents come
 * before children in /proc only by pid order, so the caller repeats until stable. */
static int add_children_pass(pid_t root, struct pid_set *set) {
        _cleanup_closedir_ DIR *d = opendir("/proc");
        struct dirent *de;
        int added = 0, r;

        if (!d)
                return -errno;
        while ((de = readdir(d))) {
                pid_t pid, ppid;

                if (parse_pid(de->d_name, &pid) < 0 || pid == root || pid_set_contains(set, pid))
                        continue;
                ppid = process_ppid(pid);
                if (ppid <= 0 || (ppid != root && !pid_set_contains(set, ppid)))
                        continue;
                if ((r = pid_set_add(set, pid)) < 0)
                        return r;
                added++;
        }
        return added;
}

int process_tree_add_descendants(pid_t root, struct pid_set *set) {
        int total = 0, r;

        while ((r = add_children_pass(root, set)) > 0)
                total += r;
        return r < 0 ? r : total;
}

int process_mnt_namespace(pid_t pid, uint32_t *ret) {
        char path[64];
        struct stat st;

        snprintf(path, sizeof(path), "/proc/%d/ns/mnt", pid);
        if (stat(path, &st) < 0)
                return errno == ENOENT ? -ESRCH : -errno;
        *ret = (uint32_t) st.st_ino;
        return 0;
}
