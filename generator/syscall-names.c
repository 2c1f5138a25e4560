/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <inttypes.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sysrec/syscall-names.h"

int syscall_table_name_compare(const void *key, const void *entry) {
        return strcmp(key, *(const char *const *) entry);
}

const struct syscall_extra *syscall_extra_find_name(const char *name) {
        return bsearch(name, syscall_extra_table, syscall_extra_table_size, sizeof(syscall_extra_table[0]),
                       syscall_table_name_compare);
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

/* arm's private calls (cacheflush, set_tls: 0xf0000 and up) lie past the cache:
 * the few that have names are kept in a list. */
struct name_overflow {
        enum sysrec_arch arch;
        uint32_t nr;
        char *name;
        struct name_overflow *next;
};
static struct name_overflow *name_overflow;

static const char *overflow_name(enum sysrec_arch arch, uint32_t nr) {
        struct name_overflow *o;
        char *name;

        for (o = name_overflow; o; o = o->next)
                if (o->arch == arch && o->nr == nr)
                        return o->name;
        name = seccomp_syscall_resolve_num_arch(sysrec_arch_to_scmp(arch), (int) nr);
        if (!name)
                return NULL;
        o = malloc(sizeof(*o));
        if (!o) {
                free(name);
                return NULL;
        }
        *o = (struct name_overflow){ .arch = arch, .nr = nr, .name = name, .next = name_overflow };
        name_overflow = o;
        return name;
}

static const char *libseccomp_name(enum sysrec_arch arch, uint32_t nr) {
        uint32_t index = nr & ~SYSREC_X32_SYSCALL_BIT;
        const char **slot;

        if (nr > INT32_MAX)
                return NULL;
        if (index >= NAME_CACHE_SIZE)
                return overflow_name(arch, nr);
        slot = &name_cache[arch][index];
        if (!*slot)
                *slot = seccomp_syscall_resolve_num_arch(sysrec_arch_to_scmp(arch), (int) nr);
        return *slot;
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
