/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stdint.h>

#include "sysrec/arch.h"

/* Syscalls the kernel has and Debian's libseccomp 2.5.4 does not (it stops at Linux
 * 6.7). Numbers per architecture, -1 where the syscall does not exist there; x32
 * numbers carry SYSREC_X32_SYSCALL_BIT. Sorted by name; see syscall-table-extra.c. */
struct syscall_extra {
        const char *name;
        int32_t nr[_SYSREC_ARCH_MAX];
};
extern const struct syscall_extra syscall_extra_table[];
extern const unsigned syscall_extra_table_size;

const struct syscall_extra *syscall_extra_find_name(const char *name);

/* The bsearch(3) comparator of our tables sorted by name, whose entries begin with
 * their name (const char *): key is the name looked for itself. */
int syscall_table_name_compare(const void *key, const void *entry);
const struct syscall_extra *syscall_extra_find_number(enum sysrec_arch arch, uint32_t nr);

/* Name of nr on arch: libseccomp first, then our table. Writes a static or internal
 * string pointer to *ret; -ENOENT when neither knows the number. */
int syscall_name(enum sysrec_arch arch, uint32_t nr, const char **ret);

/* For display: syscall_name(), or "#NR" written into buf when neither knows it. */
#define SYSCALL_NUMBER_MAX sizeof("#4294967295")
const char *syscall_name_or_number(enum sysrec_arch arch, uint32_t nr, char buf[static SYSCALL_NUMBER_MAX]);

/* Number of name on a libseccomp architecture token (any architecture libseccomp
 * knows, not just ours); our table is consulted for our architectures.
 * -ENOENT when the name does not exist there. */
int syscall_number(uint32_t scmp_arch, const char *name, int32_t *ret);
