/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "sysrec/syscall-set.h"

/* --runtime=crun|runc|none for the verbs that write a profile: put
 * RUNTIME_LONG_OPTION in the getopt table and RUNTIME_OPTION_HELP in help(), call
 * runtime_option_parse() for ARG_RUNTIME, and runtime_option_apply() on the syscall
 * set that goes to output_write_profile() (after any --save-recording: the recording
 * keeps only what was seen). */
enum {
        ARG_RUNTIME = 0x2f0, /* clear of output.h's ARG_PROFILE_* */
};
#define RUNTIME_LONG_OPTION \
        { "runtime", required_argument, NULL, ARG_RUNTIME }
#define RUNTIME_OPTION_HELP                                                              \
        "     --runtime=NAME        also allow what the OCI runtime NAME (crun, runc)\n" \
        "                           calls after installing the filter, before the\n"     \
        "                           container's command starts (default: none)\n"

/* Checks a --runtime value: *ret is the runtime's name, or NULL for "none". Logs and
 * returns -EINVAL for a runtime the baseline table has no data for. */
int runtime_option_parse(const char *arg, const char **ret);

/* Adds runtime's baseline to set (nothing when runtime is NULL); logs failures. */
int runtime_option_apply(const char *runtime, struct syscall_set *set);
