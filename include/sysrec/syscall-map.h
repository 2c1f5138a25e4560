/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stdbool.h>
#include <stdint.h>

/* x86_64 syscalls that newer architectures (aarch64, riscv64: the asm-generic table)
 * dropped, with what the C library calls there instead: open becomes openat, stat
 * newfstatat. A profile recorded on x86_64 names the old call; the same program on
 * aarch64 makes the new one. Sorted by name; see generator/syscall-map.c. */
#define SYSCALL_MAP_TO_MAX 3
struct syscall_map {
        const char *from;
        /* Replacements, NULL-terminated; none at all: no counterpart (x86-only, or
         * never implemented). On a target, those that exist there are used. */
        const char *to[SYSCALL_MAP_TO_MAX + 1];
};
extern const struct syscall_map syscall_map_table[];
extern const unsigned syscall_map_table_size;

const struct syscall_map *syscall_map_find(const char *from);

/* Whether name is a syscall on the libseccomp architecture token: libseccomp's
 * table, then ours of syscalls newer than libseccomp (see syscall_exists_anywhere). */
bool syscall_exists_on(uint32_t scmp_arch, const char *name);
/* Whether libseccomp or our table knows the name on some architecture. */
bool syscall_exists_anywhere(const char *name);
