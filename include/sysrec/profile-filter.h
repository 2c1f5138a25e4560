/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <linux/filter.h>

#include "sysrec/macro.h"
#include "sysrec/parse-error.h"
#include "sysrec/profile.h"

/* A profile compiled to the classic BPF program the kernel runs, as crun and runc
 * would build it with libseccomp: ready for seccomp(SECCOMP_SET_MODE_FILTER). */
struct profile_filter {
        struct sock_filter *insns;
        unsigned short len;
        unsigned flags; /* SECCOMP_FILTER_FLAG_* from the profile's "flags" */
};

/* Compiles every field of p. Syscalls newer than libseccomp get instructions of
 * our own in front of libseccomp's program (without argument conditions, which
 * are refused). Errors name the field, e.g. "syscalls[2].names[0]": an unknown
 * syscall name, or SCMP_ACT_NOTIFY, which needs an agent we are not. */
int profile_filter_compile(const struct profile *p, struct profile_filter **ret, struct parse_error *err);
/* The same, with libseccomp's binary-tree syscall lookup (SCMP_FLTATR_CTL_OPTIMIZE 2),
 * as runc builds large filters: fewer instructions run per syscall. */
int profile_filter_compile_tree(const struct profile *p, struct profile_filter **ret, struct parse_error *err);
/* For complain mode: every action that would stop a syscall (see
 * profile_action_denies()) becomes SCMP_ACT_NOTIFY, and the flags ask for a
 * listener, so a seccomp agent sees exactly what the profile lacks. */
int profile_filter_compile_complain(const struct profile *p, struct profile_filter **ret, struct parse_error *err);
void profile_filter_free(struct profile_filter *f);
DEFINE_TRIVIAL_CLEANUP_FUNC(struct profile_filter *, profile_filter_free);

static inline struct sock_fprog profile_filter_fprog(const struct profile_filter *f) {
        return (struct sock_fprog){ .len = f->len, .filter = f->insns };
}
