/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "sysrec/profile-build.h"
#include "sysrec/recording.h"

/* Option parsing and output writing shared by the verbs that produce profiles. Each
 * function logs its own error, naming the file, and returns a negative errno. */

/* The options that shape a profile, shared by every verb that writes one: put
 * OUTPUT_PROFILE_LONG_OPTIONS in the getopt table, OUTPUT_PROFILE_OPTIONS_HELP in
 * help(), and pass unknown option codes to output_parse_profile_option(). */
enum {
        ARG_PROFILE_DEFAULT_ACTION = 0x200,
        ARG_PROFILE_ERRNO,
};
// clang-format off
#define OUTPUT_PROFILE_LONG_OPTIONS                                                     \
        { "default-action", required_argument, NULL, ARG_PROFILE_DEFAULT_ACTION },      \
        { "errno", required_argument, NULL, ARG_PROFILE_ERRNO }
// clang-format on
#define OUTPUT_PROFILE_OPTIONS_HELP                                                \
        "     --default-action=ACT  what the profile does with other syscalls:\n"  \
        "                           errno (default), kill_process, kill_thread,\n" \
        "                           trap or log. There is no plain 'kill':\n"      \
        "                           SCMP_ACT_KILL ends only the calling thread.\n" \
        "     --errno=NAME|NUMBER   errno returned with --default-action=errno\n"  \
        "                           (default EPERM)\n"

/* 1 when c was one of those options and its value was good, 0 when c is not one of
 * them, a negative errno (logged) for a bad value. */
int output_parse_profile_option(int c, const char *arg, struct profile_build_options *o);

/* --default-action errno|kill_process|kill_thread|trap|log. Plain "kill" is refused
 * with the reason: SCMP_ACT_KILL ends only the calling thread. */
int output_parse_default_action(const char *s, enum profile_action *ret);
/* --errno NAME|NUMBER: EPERM, eperm, 1. */
int output_parse_errno(const char *s, int *ret);

/* Builds the profile for the recording's syscalls and warns about numbers that have
 * no name (a profile cannot list them), or about an empty recording; logs a failure. */
int output_build_profile(const struct recording *rec, const struct profile_build_options *o, struct profile **ret);
/* That, written atomically ("-" is stdout). */
int output_write_profile(const struct recording *rec, const struct profile_build_options *o, const char *path);
int output_write_recording(const struct recording *rec, const char *path);
/* A profile as JSON, written atomically to path ("-" is stdout). */
int output_write_profile_json(const struct profile *p, const char *path);
/* The profile at base with the recording's syscalls allowed too (see
 * profile_allow_syscalls), written atomically to path. */
int output_write_profile_onto(const struct recording *rec, const char *base, const char *path);

/* Logs why reading path failed: "FILE:LINE:COL: FIELD: message" when a parser
 * filled err, "Failed to read FILE: error" otherwise. Returns r. */
int output_log_load_error(int r, const char *path, const struct parse_error *err);
