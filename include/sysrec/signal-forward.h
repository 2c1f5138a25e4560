/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <signal.h>
#include <stdbool.h>
#include <sys/types.h>

/* SIGINT, SIGTERM and SIGHUP, which sysrec passes on to the command it runs, less
 * those it was started with ignored (nohup): the command inherited that too, and a
 * blocked signal would be queued, not dropped. */
void signal_forward_mask(sigset_t *ret);

/* Whether a signal sent to sysrec (its si_code) should be passed on. One from the
 * terminal (SI_KERNEL) reached the command's process group, which is ours, already:
 * forwarding it would deliver it twice. */
bool signal_forward_wanted(int si_code);

/* Blocks signal_forward_mask() and SIGCHLD (reset to SIG_DFL, since an ignored one
 * would reap a child unseen) and returns a non-blocking signalfd for them. */
int signal_forward_signalfd(void);

/* signal_forward_signalfd() for verbs with no command to pass signals on to (attach,
 * audit without one): SIGINT and SIGTERM end the recording even when sysrec was
 * started with them ignored, as a script's background job is; an ignored SIGHUP
 * (nohup) stays ignored. */
int signal_stop_signalfd(void);

/* Empties that signalfd; 1 when SIGINT, SIGTERM or SIGHUP was in it, which end an
 * attached recording (SIGCHLD, a tracee's stop, only wakes the loop), 0 otherwise. */
int signal_forward_read_stop(int sigfd);

/* Reads what that signalfd holds: on SIGCHLD reaps target if it has exited (sets
 * *exited and *status); passes the others on to target while it runs, and then to
 * orphans(userdata, signo) when not NULL, which passes it on to what the target
 * left running (each backend knows that set its own way), so that a supervisor's
 * SIGTERM still ends a recording whose command left daemons behind. */
void signal_forward_dispatch(int sigfd, pid_t target, bool *exited, int *status,
                             void (*orphans)(void *userdata, int signo), void *userdata);
