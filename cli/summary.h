/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "output.h"
#include "runtime-option.h"
#include "sysrec/profile-build.h"
#include "sysrec/recorder.h"
#include "sysrec/recording.h"

/* On stderr, since stdout may carry the profile. One paragraph: distinct syscalls per
 * architecture, events, processes, duration, and anything lost. */
void summary_print(const struct recording *rec);
/* A table like strace -c: name, calls, first process, most called first. */
void summary_print_table(const struct recording *rec);

/* What a backend counted besides the syscalls: events, processes, and each loss. */
void summary_add_stats(struct recording *rec, const struct record_stats *stats);

/* The options of the verbs that record (record, attach, hook): put
 * RECORDING_OUTPUT_LONG_OPTIONS in the getopt table ("o:cq" in the short ones),
 * RECORDING_OUTPUT_OPTIONS_HELP in help(), and pass unknown option codes to
 * summary_parse_output_option(). */
enum {
        ARG_OUTPUT_SAVE_RECORDING = 0x2e0, /* clear of ARG_RUNTIME and ARG_PROFILE_* */
};
// clang-format off
#define RECORDING_OUTPUT_LONG_OPTIONS                                                   \
        { "output", required_argument, NULL, 'o' },                                     \
        { "save-recording", required_argument, NULL, ARG_OUTPUT_SAVE_RECORDING },       \
        { "summary-table", no_argument, NULL, 'c' },                                    \
        { "quiet", no_argument, NULL, 'q' },                                            \
        RUNTIME_LONG_OPTION,                                                            \
        OUTPUT_PROFILE_LONG_OPTIONS
// clang-format on
#define RECORDING_OUTPUT_OPTIONS_HELP                                               \
        "  -o --output=FILE         write the profile to FILE (- for stdout)\n"     \
        "     --save-recording=FILE write the recording (syscalls, counts, first\n" \
        "                           process) to FILE, for 'sysrec generate'\n"      \
        "  -c --summary-table       print a table of calls per syscall on stderr\n" \
        "  -q --quiet               no summary on stderr\n" RUNTIME_OPTION_HELP OUTPUT_PROFILE_OPTIONS_HELP

/* Where the recording verbs put what they recorded. */
struct recording_outputs {
        const char *profile;   /* -o */
        const char *recording; /* --save-recording */
        bool table, quiet;
        struct profile_build_options build;
        const char *runtime; /* --runtime: its baseline goes to the profile, not the recording */
        const char *base;    /* a profile to add the recorded syscalls to, or NULL */
};
/* 1 when c was one of RECORDING_OUTPUT_LONG_OPTIONS and its value was good, 0 when
 * c is not one of them, a negative errno (logged) for a bad value. */
int summary_parse_output_option(int c, const char *arg, struct recording_outputs *o);

/* The recording's header: the command, the kernel and the backend; logs a failure. */
int summary_start_recording(struct recording *rec, char *const *command, const char *backend);

/* A usage error (logged) when nothing would be written. */
int summary_check_outputs(const struct recording_outputs *o);

/* The profile of the recording's syscalls, or o->base with them added, written to
 * o->profile; logs a failure. */
int summary_write_profile(const struct recording *rec, const struct recording_outputs *o);

/* The summary (unless quiet), the table, the recording and the profile; -EIO when
 * a file could not be written (logged). */
int summary_write_outputs(struct recording *rec, const struct recording_outputs *o);
