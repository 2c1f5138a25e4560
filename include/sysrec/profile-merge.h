/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "sysrec/profile.h"
#include "sysrec/recording.h"

/* The same syscall (same argument conditions) under two actions in the inputs:
 * the least permissive is kept. name is "defaultAction" for the default. */
struct merge_conflict {
        char *name, *args; /* args "" when unconditional */
        char *kept, *dropped;
};

struct merge_options {
        /* Add clone3 denied with ENOSYS, as profile_build() does, when the merged
         * default denies and no input names clone3 (set when a recording is merged). */
        bool clone3_enosys;
};

/* The union of the inputs:
 * - architectures and flags united; listenerPath and listenerMetadata from the
 *   first input that has them;
 * - defaultAction, and each syscall under the same conditions, the least
 *   permissive of the inputs' (KILL_PROCESS, KILL, KILL_THREAD, TRAP, ERRNO, TRACE,
 *   NOTIFY, LOG, ALLOW; between two errnos, the lower), each disagreement listed;
 * - conditional rules stay separate rules, but one with the same action as an
 *   unconditional rule for the syscall is covered by it and left out;
 * - rules regrouped: one rule per action and condition set, names sorted,
 *   unconditional SCMP_ACT_ALLOW first, comments dropped.
 * Depends only on the set of inputs, not their order (but for listenerPath). */
int profile_merge(const struct profile *const *inputs, size_t n, const struct merge_options *o, struct profile **ret,
                  struct merge_conflict **ret_conflicts, size_t *ret_n_conflicts);
void merge_conflicts_free(struct merge_conflict *c, size_t n);

/* Coverage: a set in which each syscall counts the inputs that had it, recorded or
 * allowed (under any conditions) on one of our architectures. Add each input once. */
int merge_coverage_add_recording(struct syscall_set *coverage, const struct recording *rec);
int merge_coverage_add_profile(struct syscall_set *coverage, const struct profile *p);

/* An input is a recording when its "format" is "sysrec-recording", a profile
 * otherwise; exactly one of *ret_profile and *ret_recording is set. */
int merge_input_parse(const char *text, size_t size, struct profile **ret_profile, struct recording **ret_recording,
                      struct parse_error *err);
int merge_input_load(const char *path, struct profile **ret_profile, struct recording **ret_recording,
                     struct parse_error *err);
