/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Running a command without tracing it (sysrec run): a held child that installs the
 * filter and executes, and a parent that waits for SIGCHLD and the signals it passes
 * on in one sigwaitinfo(), so none can arrive between a check and the wait. */
#include <errno.h>
#include <signal.h>
#include <sys/wait.h>

#include "sysrec/process.h"
#include "sysrec/signal-forward.h"

static int wait_forwarding(pid_t pid, const sigset_t *mask, int *ret_status) {
        for (;;) {
                siginfo_t si;
                pid_t r = waitpid(pid, ret_status, WNOHANG);

                if (r == pid)
                        return 0;
                if (r < 0 && errno != EINTR)
                        return -errno;
                if (sigwaitinfo(mask, &si) < 0) {
                        if (errno == EINTR)
                                continue;
                        return -errno;
                }
                if (si.si_signo != SIGCHLD && signal_forward_wanted(&si))
                        kill(pid, si.si_signo);
        }
}

int process_run(const char *path, char *const *argv, const struct sock_fprog *filter, unsigned filter_flags,
                int *ret_wait_status, enum child_stage *ret_stage) {
        struct held_child child = { .release_fd = -1, .report_fd = -1 };
        struct child_report report;
        sigset_t mask;
        int r;

        /* An ignored SIGCHLD would reap the child before we saw its status. */
        signal(SIGCHLD, SIG_DFL);
        signal_forward_mask(&mask);
        sigaddset(&mask, SIGCHLD);
        if (sigprocmask(SIG_BLOCK, &mask, NULL) < 0)
                return -errno;
        if ((r = process_spawn_held(path, argv, filter, filter_flags, &child)) < 0)
                return r;
        r = process_release(&child);
        if (r >= 0)
                r = wait_forwarding(child.pid, &mask, ret_wait_status);
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
