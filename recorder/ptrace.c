/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The ptrace backend. The child installs a filter returning SECCOMP_RET_TRACE for
 * every syscall before its exec, so each syscall stops once (PTRACE_EVENT_SECCOMP)
 * instead of twice as with PTRACE_SYSCALL; the kernel tells architecture and number
 * through PTRACE_GET_SYSCALL_INFO, so nothing is guessed from registers. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sysrec/macro.h"
#include "sysrec/pid-set.h"
#include "sysrec/process.h"
#include "sysrec/recorder.h"
#include "sysrec/signal-forward.h"
#include "sysrec/spin-wait.h"

#include "tracer.h"

/* A signal sent to us by someone (kill, a supervisor) goes to the target, or once it
 * has exited to whatever it left running. From the terminal (SI_KERNEL) the target's
 * process group, which is ours, got it already: forwarding would deliver it twice. */
/* Not inlined into forwarder_main, which never returns (pthread_cancel ends it):
 * ASan poisons this function's locals as their scope ends and unpoisons the frame
 * only when a function returns, so the poison would stay on the thread's stack and
 * trip ASan's own clean-up of the thread. */
static _noinline_ void tracer_forward_signal(struct tracer *t, const siginfo_t *si) {
        siginfo_t exit_info = {};
        bool exited;

        if (!signal_forward_wanted(si->si_code))
                return;
        pthread_mutex_lock(&t->lock);
        /* The tracer thread may be behind: a target that has exited is a zombie, which
         * would swallow the signal (peek, leaving it to the tracer), or reaped already
         * (ECHILD), its pid free for another process. */
        exited = t->target_exited ||
                 (t->target > 0 && (waitid(P_PID, t->target, &exit_info, WEXITED | WNOHANG | WNOWAIT) < 0 ||
                                    exit_info.si_pid == t->target));
        if (!exited && t->target > 0)
                kill(t->target, si->si_signo);
        else
                for (size_t i = 0; i < t->live.n; i++)
                        if (t->live.pids[i] != t->target)
                                kill(t->live.pids[i], si->si_signo);
        pthread_mutex_unlock(&t->lock);
}

/* The tracer blocks in waitpid(), which only tracee events end; signals for the
 * target are taken by this thread instead. A blocking waitpid is about a tenth
 * faster per syscall than waking on SIGCHLD through a signalfd, and this way no
 * signal can slip in between a check and the wait. */
static void *forwarder_main(void *userdata) {
        struct tracer *t = userdata;
        sigset_t mask;

        signal_forward_mask(&mask);
        for (;;) {
                siginfo_t si;
                if (sigwaitinfo(&mask, &si) > 0) /* a cancellation point: how we end */
                        tracer_forward_signal(t, &si);
        }
        return NULL;
}

/* The next tracee event, polled for SPIN_WAIT_NSEC before sleeping. */
static pid_t tracer_wait(int *status) {
        uint64_t deadline = 0;

        for (unsigned i = 0;; i++) {
                pid_t pid = waitpid(-1, status, __WALL | WNOHANG);

                if (pid != 0)
                        return pid;
                if (i % 16 != 0)
                        continue;
                if (deadline == 0)
                        deadline = now_nsec() + SPIN_WAIT_NSEC;
                else if (now_nsec() >= deadline)
                        return waitpid(-1, status, __WALL);
        }
}

static int tracer_loop(struct tracer *t) {
        for (;;) {
                int status, r;
                pid_t pid = tracer_wait(&status);

                if (pid < 0) {
                        if (errno == EINTR)
                                continue;
                        if (errno == ECHILD)
                                return 0; /* every tracee is gone */
                        return -errno;
                }
                if (WIFSTOPPED(status)) {
                        r = tracer_handle_stop(t, pid, status);
                        if (r < 0)
                                return r;
                } else if (WIFEXITED(status) || WIFSIGNALED(status))
                        tracer_handle_exit(t, pid, status);
        }
}

static int tracer_seize(struct tracer *t, struct held_child *child) {
        unsigned long options = PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE | PTRACE_O_EXITKILL;

        options |= t->seccomp_stop ? PTRACE_O_TRACESECCOMP : PTRACE_O_TRACESYSGOOD;
        if (ptrace(PTRACE_SEIZE, child->pid, 0L, options) < 0)
                return -errno;
        /* PTRACE_SYSCALL needs a stopped tracee to start from. */
        if (!t->seccomp_stop && ptrace(PTRACE_INTERRUPT, child->pid, 0L, 0L) < 0)
                return -errno;
        return process_release(child);
}

/* One run of the command. Returns 1 when the child could not install the filter,
 * so the caller runs it again with PTRACE_SYSCALL. */
static int ptrace_run(const char *path, const struct ptrace_options *o, struct tracer *t) {
        struct held_child child = { .release_fd = -1, .report_fd = -1 };
        struct child_report report;
        int r;

        r = process_spawn_held(path, o->argv, t->seccomp_stop ? &process_trace_all_filter : NULL, 0, &child);
        if (r < 0)
                return r;
        pthread_mutex_lock(&t->lock);
        t->target = child.pid;
        r = pid_set_add(&t->live, child.pid);
        pthread_mutex_unlock(&t->lock);
        t->stats->processes = 1;
        if (r >= 0)
                r = tracer_seize(t, &child);
        if (r < 0) {
                /* Never seized, or seized and held: it has run nothing of the target. */
                kill(child.pid, SIGKILL);
                waitpid(child.pid, NULL, __WALL);
                held_child_done(&child);
                return r;
        }
        r = tracer_loop(t);
        if (r >= 0 && process_read_report(&child, &report) > 0) {
                if (report.stage == CHILD_STAGE_FILTER) {
                        t->stats->seccomp_stop_error = -report.error;
                        r = 1;
                } else {
                        t->stats->exec_error = -report.error;
                        r = -report.error;
                }
        }
        held_child_done(&child);
        return r;
}

static void tracer_reset(struct tracer *t, struct syscall_set *set, struct record_stats *stats, bool seccomp_stop) {
        pthread_mutex_lock(&t->lock);
        pid_set_done(&t->live);
        t->set = set;
        t->stats = stats;
        t->seccomp_stop = seccomp_stop;
        t->target = 0;
        t->target_exited = false;
        t->target_status = 0;
        t->started = false;
        pthread_mutex_unlock(&t->lock);
}

int ptrace_record(const struct ptrace_options *o, struct syscall_set *set, struct record_stats *stats,
                  int *ret_wait_status) {
        _cleanup_free_ char *path = NULL;
        struct tracer t = { .lock = PTHREAD_MUTEX_INITIALIZER };
        pthread_t forwarder;
        sigset_t mask;
        int r;

        r = process_find_executable(o->argv[0], &path);
        if (r < 0) {
                stats->exec_error = r;
                return r;
        }
        /* An ignored SIGCHLD would reap the target before we saw its status. */
        signal(SIGCHLD, SIG_DFL);
        /* Blocked in this thread (and so inherited by the forwarder, which waits for
         * them); the child empties its mask before the exec. */
        signal_forward_mask(&mask);
        r = -pthread_sigmask(SIG_BLOCK, &mask, NULL);
        if (r < 0)
                return r;
        r = -pthread_create(&forwarder, NULL, forwarder_main, &t);
        if (r < 0)
                return r;

        tracer_reset(&t, set, stats, o->seccomp_stop);
        r = ptrace_run(path, o, &t);
        if (r == 1) {
                tracer_reset(&t, set, stats, false);
                r = ptrace_run(path, o, &t);
        }
        pthread_cancel(forwarder);
        pthread_join(forwarder, NULL);
        pid_set_done(&t.live);
        if (r < 0)
                return r;
        *ret_wait_status = t.target_status;
        return 0;
}
