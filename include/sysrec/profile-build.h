/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stdbool.h>

#include "sysrec/profile.h"
#include "sysrec/syscall-set.h"

struct profile_build_options {
        enum profile_action default_action; /* ERRNO unless asked otherwise */
        int errno_ret;                      /* with ERRNO: defaultErrnoRet (EPERM) */
        bool no_clone3;                     /* leave clone3 out, for a caller that decides later */
};

#define PROFILE_BUILD_OPTIONS_DEFAULT \
        ((struct profile_build_options){ .default_action = PROFILE_ACTION_ERRNO, .errno_ret = 1 })

/* The allowlist profile for what set holds: architectures exactly those with
 * syscalls; one SCMP_ACT_ALLOW rule with the sorted, unique names of every
 * architecture; clone3 denied with ENOSYS when it was not seen (unless no_clone3),
 * because glibc falls back to clone only on ENOSYS. Numbers with no name cannot be
 * listed in a profile: the caller finds them with syscall_name() and reports them. */
int profile_build(const struct syscall_set *set, const struct profile_build_options *o, struct profile **ret);
