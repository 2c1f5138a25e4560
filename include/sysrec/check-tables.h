/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stdbool.h>
#include <stdint.h>

/* Facts sysrec check compares a profile with, each a table in its own file under
 * generator/, sorted by name (the unit test checks order and uniqueness). */

/* Syscalls that let a container reach past its isolation (mounts, namespaces,
 * other processes' memory, the kernel itself); see generator/risky-syscalls.c. */
struct risky_syscall {
        const char *name;
        const char *why;
};
extern const struct risky_syscall risky_syscall_table[];
extern const unsigned risky_syscall_table_size;
const struct risky_syscall *risky_syscall_find(const char *name);

/* The container runtimes' default allowlist; see generator/runtime-default.c. */
struct runtime_default_syscall {
        const char *name;
        bool conditional; /* allowed there only for some argument values */
};
extern const struct runtime_default_syscall runtime_default_table[];
extern const unsigned runtime_default_table_size;
extern const char runtime_default_source[];
const struct runtime_default_syscall *runtime_default_find(const char *name);

/* The seccomp architectures both runc and crun accept; see generator/runtime-arches.c. */
extern const char *const runtime_arch_table[];
extern const unsigned runtime_arch_table_size;
bool runtime_arch_accepted(uint32_t scmp_token);
