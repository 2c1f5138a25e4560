/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <sys/types.h>

/* The init pid of the container id that crun or runc runs, from the state they keep:
 * /run/crun/ID/status ("pid") and /run/runc/ID/state.json ("init_process_pid"). The
 * directories can be changed with SYSREC_CRUN_ROOT and SYSREC_RUNC_ROOT (their --root).
 * -ENOENT when neither knows the id; -EBADMSG when a state file is unreadable;
 * -ESRCH when the container is not running. */
int container_init_pid(const char *id, pid_t *ret);
