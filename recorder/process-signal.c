/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Signals to processes known only by pid, which may have been reused since. */
#include <errno.h>
#include <sys/pidfd.h>

#include "sysrec/macro.h"
#include "sysrec/process-signal.h"

int process_signal_pinned(pid_t pid, int signo, bool (*is_ours)(void *userdata, pid_t pid), void *userdata) {
        _cleanup_close_ int pidfd = pidfd_open(pid, 0);

        if (pidfd < 0)
                return negative_errno();
        if (!is_ours(userdata, pid))
                return -ESRCH;
        return pidfd_send_signal(pidfd, signo, NULL, 0) < 0 ? negative_errno() : 0;
}
