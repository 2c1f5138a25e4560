/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Running a command without tracing it (sysrec run): a held child that installs the
 * filter and executes, and a parent that waits on a signalfd for SIGCHLD and the
 * signals it passes on, blocked before the fork so none can be missed. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>

#include "sysrec/macro.h"
#include "sysrec/process.h"
#include "sysrec/signal-forward.h"

static int wait_forwarding(int sigfd, pid_t pid, int *ret_status) {
        bool exited = false;

        while (!exited) {
                struct pollfd p = { .fd = sigfd, .events = POLLIN };

                if (poll(&p, 1, -1) < 0 && errno != EINTR)
                        return -errno;
                signal_forward_dispatch(sigfd, pid, &exited, ret_status, NULL, NULL);
        }
        return 0;
}

int process_run(const char *path, char *const *argv, const struct sock_fprog *filter, unsigned filter_flags,
                int *ret_wait_status, enum child_stage *ret_stage) {
        struct held_child child = { .release_fd = -1, .report_fd = -1 };
        _cleanup_close_ int sigfd = signal_forward_signalfd();
        struct child_report report;
        int r;

        if (sigfd < 0)
                return sigfd;
        if ((r = process_spawn_held(path, argv, filter, filter_flags, &child)) < 0)
                return r;
        r = process_release(&child);
        if (r >= 0)
                r = wait_forwarding(sigfd, child.pid, ret_wait_status);
        else {
                kill(child.pid, SIGKILL); /* still held: nothing of the command ran */
                waitpid(child.pid, NULL, 0);
        }
        if (r >= 0 && process_read_report(&child, &report) > 0) {
                *ret_stage = (enum child_stage) report.stage;
                r = -report.error;
        }
        held_child_done(&child);
        return r;
}
