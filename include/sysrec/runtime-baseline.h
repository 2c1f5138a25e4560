/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "sysrec/syscall-set.h"

/* What an OCI runtime itself calls in the container's init process after it has
 * installed the container's seccomp filter and up to the entrypoint's execve: a
 * profile must allow these too, or the container never starts. Measured per runtime
 * and noNewPrivileges setting (scripts/measure-runtime-baseline.sh); see
 * generator/runtime-baseline.c for the data and how it was taken. */
struct runtime_baseline {
        const char *runtime;      /* "crun", "runc" */
        const char *version;      /* the version measured */
        bool no_new_privileges;   /* process.noNewPrivileges of the measured bundle */
        const char *const *names; /* sorted, unique, NULL-terminated */
};

extern const struct runtime_baseline runtime_baseline_table[];
extern const size_t runtime_baseline_table_size;

/* The entry for runtime and the noNewPrivileges setting, NULL when none. */
const struct runtime_baseline *runtime_baseline_find(const char *runtime, bool no_new_privileges);

/* Whether the table has data for runtime ("none" has none). */
bool runtime_baseline_known(const char *runtime);

/* Adds runtime's baseline, the union of its lists with and without noNewPrivileges
 * (so the profile works either way), to set as entries with count 0 and no origin.
 * They go to every architecture that set has syscalls of, and to x86_64 when set
 * has i386 or x32 ones (the runtime itself is native); to x86_64 alone when set is
 * empty. A name that an architecture lacks is skipped there. -ENOENT when the table
 * has no data for runtime. */
int runtime_baseline_add(const char *runtime, struct syscall_set *set);
