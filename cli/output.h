/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "sysrec/profile-build.h"
#include "sysrec/recording.h"

/* Option parsing and output writing shared by the verbs that produce profiles. Each
 * function logs its own error, naming the file, and returns a negative errno. */

/* --default-action errno|kill_process|kill_thread|trap|log. Plain "kill" is refused
 * with the reason: SCMP_ACT_KILL ends only the calling thread. */
int output_parse_default_action(const char *s, enum profile_action *ret);
/* --errno NAME|NUMBER: EPERM, eperm, 1. */
int output_parse_errno(const char *s, int *ret);

/* Builds the profile for the recording's syscalls, warns about numbers that have no
 * name (a profile cannot list them), and writes it atomically ("-" is stdout). */
int output_write_profile(const struct recording *rec, const struct profile_build_options *o, const char *path);
int output_write_recording(const struct recording *rec, const char *path);
