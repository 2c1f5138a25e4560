/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* A cgroup v2 directory as a target: its id, and whether anything still runs in it. */
#include <errno.h>
#include <linux/magic.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>

#include "sysrec/cgroup.h"
#include "sysrec/macro.h"

int cgroup_id_of(const char *path, uint64_t *ret) {
        struct statfs sfs;
        struct stat st;

        if (statfs(path, &sfs) < 0 || stat(path, &st) < 0)
                return -errno;
        if (sfs.f_type != CGROUP2_SUPER_MAGIC)
                return -EMEDIUMTYPE;
        if (!S_ISDIR(st.st_mode))
                return -ENOTDIR;
        *ret = (uint64_t) st.st_ino;
        return 0;
}

int cgroup_populated(const char *path) {
        _cleanup_fclose_ FILE *f = NULL;
        char file[4096], key[32];
        int value;

        if ((size_t) snprintf(file, sizeof(file), "%s/cgroup.events", path) >= sizeof(file))
                return -ENAMETOOLONG;
        f = fopen(file, "re");
        if (!f)
                return -errno;
        while (fscanf(f, "%31s %d", key, &value) == 2)
                if (strcmp(key, "populated") == 0)
                        return value != 0;
        return -EBADMSG;
}
