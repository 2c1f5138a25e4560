/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stdbool.h>
#include <sys/types.h>

/* Sends signo to pid if is_ours(userdata, pid) holds once a pidfd pins the process:
 * should pid be reused between the check and the signal, the signal goes to the
 * pinned process, which has exited, and to nobody else. */
int process_signal_pinned(pid_t pid, int signo, bool (*is_ours)(void *userdata, pid_t pid), void *userdata);
