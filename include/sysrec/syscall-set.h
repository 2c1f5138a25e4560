/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "sysrec/arch.h"
#include "sysrec/macro.h"

/* The first process seen making a syscall. comm is the kernel's 15-character name. */
struct syscall_origin {
        pid_t pid;
        char comm[16];
        char *exe; /* owned; NULL when unknown (process gone, no permission) */
};

struct syscall_entry {
        uint32_t nr; /* as seccomp sees it: x32 numbers carry SYSREC_X32_SYSCALL_BIT */
        uint64_t count;
        struct syscall_origin first;
};

/* Syscalls keyed by (architecture, number), each list sorted by number. A few hundred
 * entries at most, so a sorted array with binary search beats a hash table here. */
struct syscall_set {
        struct syscall_list {
                struct syscall_entry *entries;
                size_t n, allocated;
        } arch[_SYSREC_ARCH_MAX];
};

int syscall_set_new(struct syscall_set **ret);
void syscall_set_free(struct syscall_set *set);
DEFINE_TRIVIAL_CLEANUP_FUNC(struct syscall_set *, syscall_set_free);

/* Finds or inserts (arch, nr). A new entry has count 0 and no origin (pid 0);
 * *ret_new tells which. The pointer is valid until the next insertion. */
int syscall_set_get(struct syscall_set *set, enum sysrec_arch arch, uint32_t nr, struct syscall_entry **ret,
                    bool *ret_new);

/* Adds count to (arch, nr); keeps the existing origin, or copies first if none. */
int syscall_set_add(struct syscall_set *set, enum sysrec_arch arch, uint32_t nr, uint64_t count,
                    const struct syscall_origin *first);

const struct syscall_entry *syscall_set_find(const struct syscall_set *set, enum sysrec_arch arch, uint32_t nr);

/* Adds every entry of src to dst (counts summed, dst's origins kept). */
int syscall_set_merge(struct syscall_set *dst, const struct syscall_set *src);

size_t syscall_set_count(const struct syscall_set *set, enum sysrec_arch arch);
size_t syscall_set_total(const struct syscall_set *set);

int syscall_origin_copy(struct syscall_origin *dst, const struct syscall_origin *src);
void syscall_origin_done(struct syscall_origin *o);
