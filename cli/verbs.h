/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* One function per verb, in cli/VERB.c. Each parses its own arguments with
 * getopt_long (leading '+', so a target command's options are left alone), handles
 * -h/--help itself, and returns the process exit status:
 * 0 success, 1 failure, 2 usage error; record and run return the target's status;
 * diff returns 0 same, 1 different, 2 error. */
int verb_record(int argc, char *argv[]);
int verb_attach(int argc, char *argv[]);
int verb_hook(int argc, char *argv[]);
int verb_run(int argc, char *argv[]);
int verb_generate(int argc, char *argv[]);
int verb_diff(int argc, char *argv[]);
/* merge: 0 written, 1 failure, 2 usage; check: 0 clean, 1 errors (with --strict,
 * warnings too), 2 usage. */
int verb_merge(int argc, char *argv[]);
int verb_check(int argc, char *argv[]);
/* audit: 0, 1 failure, 2 usage; with a COMMAND, its status. */
int verb_audit(int argc, char *argv[]);

#define EXIT_USAGE 2

/* Exit status of a child as a shell reports it: its code, or 128+N when killed by N. */
int exit_status_from_wait(int wait_status);
