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

struct process_stat {
        char state;
        pid_t ppid;
        unsigned long long start_time; /* clock ticks after boot */
};

/* Fields 3, 4 and 22 of /proc/PID/stat, found after the last ')' since comm may
 * hold any character. -ESRCH when pid is gone. */
static int process_stat_read(pid_t pid, struct process_stat *ret) {
        _cleanup_fclose_ FILE *f = NULL;
        char path[64], buf[1024], *p;
        size_t n;

        snprintf(path, sizeof(path), "/proc/%d/stat", pid);
        f = fopen(path, "re");
        if (!f)
                return -ESRCH;
        n = fread(buf, 1, sizeof(buf) - 1, f);
        buf[n] = '\0';
        p = strrchr(buf, ')');
        if (!p || sscanf(p + 1, " %c %d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %*d %*d %llu",
                         &ret->state, &ret->ppid, &ret->start_time) != 3)
                return -EBADMSG;
        return 0;
}

static pid_t process_ppid(pid_t pid) {
        struct process_stat st;

        return process_stat_read(pid, &st) < 0 ? 0 : st.ppid;
}

bool process_task_exited(pid_t tid) {
        struct process_stat st;
        int r = process_stat_read(tid, &st);

        return r == -ESRCH || (r >= 0 && (st.state == 'Z' || st.state == 'X'));
}

int process_start_time(pid_t pid, uint64_t *ret) {
        struct process_stat st;
        int r = process_stat_read(pid, &st);

        if (r < 0)
                return r;
        *ret = st.start_time;
        return 0;
}

int process_tree_add_children(pid_t root, struct pid_set *set) {
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

        while ((r = process_tree_add_children(root, set)) > 0)
                total += r;
        return r < 0 ? r : total;
}

/* A leader that exited before its other threads has no namespaces left: those of
 * a thread still running are the process's. */
static int task_mnt_namespace(pid_t pid, struct stat *ret) {
        _cleanup_closedir_ DIR *d = NULL;
        char path[96];
        struct dirent *de;

        snprintf(path, sizeof(path), "/proc/%d/task", pid);
        d = opendir(path);
        if (!d)
                return -ESRCH;
        while ((de = readdir(d))) {
                if (de->d_name[0] == '.')
                        continue;
                snprintf(path, sizeof(path), "/proc/%d/task/%.16s/ns/mnt", pid, de->d_name);
                if (stat(path, ret) == 0)
                        return 0;
        }
        return -ESRCH;
}

int process_mnt_namespace(pid_t pid, uint32_t *ret) {
        char path[64];
        struct stat st;
        int r = 0;

        snprintf(path, sizeof(path), "/proc/%d/ns/mnt", pid);
        if (stat(path, &st) < 0)
                r = errno == ENOENT ? task_mnt_namespace(pid, &st) : -errno;
        if (r < 0)
                return r;
        *ret = (uint32_t) st.st_ino;
        return 0;
}

bool process_descends_from(pid_t pid, pid_t ancestor) {
        struct process_stat st;

        /* a chain longer than any real one ends the walk, should /proc change under it */
        for (int depth = 0; depth < 4096 && pid > 1; depth++) {
                if (process_stat_read(pid, &st) < 0)
                        return false;
                if (st.ppid == ancestor)
                        return true;
                pid = st.ppid;
        }
        return false;
}
