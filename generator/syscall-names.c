/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <inttypes.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sysrec/syscall-names.h"

const struct syscall_extra *syscall_extra_find_name(const char *name) {
        unsigned lo = 0, hi = syscall_extra_table_size;

        while (lo < hi) {
                unsigned mid = lo + (hi - lo) / 2;
                int c = strcmp(syscall_extra_table[mid].name, name);
                if (c == 0)
                        return &syscall_extra_table[mid];
                if (c < 0)
                        lo = mid + 1;
                else
                        hi = mid;
        }
        return NULL;
}

const struct syscall_extra *syscall_extra_find_number(enum sysrec_arch arch, uint32_t nr) {
        if ((unsigned) arch >= _SYSREC_ARCH_MAX)
                return NULL;
        for (unsigned i = 0; i < syscall_extra_table_size; i++)
                if (syscall_extra_table[i].nr[arch] >= 0 && (uint32_t) syscall_extra_table[i].nr[arch] == nr)
                        return &syscall_extra_table[i];
        return NULL;
}

/* libseccomp returns a fresh string per call; names are asked for once per syscall per
 * output, so we intern them for the life of the process rather than make every
 * caller free them. Index: arch, then number below the cache size. */
#define NAME_CACHE_SIZE 1024
static const char *name_cache[_SYSREC_ARCH_MAX][NAME_CACHE_SIZE];

static const char *libseccomp_name(enum sysrec_arch arch, uint32_t nr) {
        uint32_t index = nr & ~SYSREC_X32_SYSCALL_BIT;
        const char **slot = index < NAME_CACHE_SIZE ? &name_cache[arch][index] : NULL;
        char *name;

        /* Every real number of our architectures is below the cache size. */
        if (!slot || nr > INT32_MAX)
                return NULL;
        if (*slot)
                return *slot;
        name = seccomp_syscall_resolve_num_arch(sysrec_arch_to_scmp(arch), (int) nr);
        *slot = name;
        return name;
}

int syscall_name(enum sysrec_arch arch, uint32_t nr, const char **ret) {
        const struct syscall_extra *e;
        const char *name;

        if ((unsigned) arch >= _SYSREC_ARCH_MAX)
                return -EINVAL;
        name = libseccomp_name(arch, nr);
        if (name) {
                *ret = name;
                return 0;
        }
        e = syscall_extra_find_number(arch, nr);
        if (!e)
                return -ENOENT;
        *ret = e->name;
        return 0;
}

int syscall_number(uint32_t scmp_arch, const char *name, int32_t *ret) {
        const struct syscall_extra *e;
        int arch, nr;

        nr = seccomp_syscall_resolve_name_arch(scmp_arch, name);
        if (nr >= 0) {
                *ret = nr;
                return 0;
        }
        arch = sysrec_arch_from_scmp(scmp_arch);
        e = syscall_extra_find_name(name);
        if (arch < 0 || !e || e->nr[arch] < 0)
                return -ENOENT;
        *ret = e->nr[arch];
        return 0;
}

const char *syscall_name_or_number(enum sysrec_arch arch, uint32_t nr, char buf[static SYSCALL_NUMBER_MAX]) {
        const char *name;

        if (syscall_name(arch, nr, &name) >= 0)
                return name;
        snprintf(buf, SYSCALL_NUMBER_MAX, "#%" PRIu32, nr);
        return buf;
}
