/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "sysrec/profile.h"

/* One syscall under one rule on one architecture, as text that compares equal when
 * the profiles treat it the same: "SCMP_ARCH_X86_64 mkdir SCMP_ACT_ERRNO(13)", with
 * " [0 SCMP_CMP_EQ 1 0]" per argument condition. */
struct profile_entry {
        char *arch, *name, *action, *args; /* args "" when unconditional */
        bool allows;                       /* ALLOW or LOG */
};

/* What a profile does besides its rules: defaultAction(+errno) and flags. */
struct profile_diff {
        struct profile_entry *added, *removed; /* in B not A, in A not B; sorted */
        size_t n_added, n_removed;
        char *default_a, *default_b; /* set only when they differ */
        char *flags_a, *flags_b;     /* likewise */
};

/* Compares a with b. A profile with no architectures applies to the native one. */
int profile_diff(const struct profile *a, const struct profile *b, struct profile_diff *ret);
bool profile_diff_is_empty(const struct profile_diff *d);
void profile_diff_done(struct profile_diff *d);

/* Whether a allows everything b allows: each syscall b lets through (on each of
 * its architectures, under its conditions) a lets through unconditionally, or
 * under the same conditions. Lists what a lacks in *ret_missing (n in *ret_n). */
int profile_covers(const struct profile *a, const struct profile *b, struct profile_entry **ret_missing, size_t *ret_n);
void profile_entries_free(struct profile_entry *e, size_t n);
