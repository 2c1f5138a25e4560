/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Attaching to a process that already runs: PTRACE_SEIZE each of its threads, stop
 * at every syscall entry with PTRACE_SYSCALL (a filter cannot be added to a running
 * process from outside), and detach cleanly at the end. No PTRACE_O_EXITKILL: if
 * sysrec dies, the kernel detaches and the target runs on. */
#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sysrec/macro.h"
#include "sysrec/process-tree.h"
#include "sysrec/parse-number.h"
#include "sysrec/recorder.h"
#include "sysrec/signal-forward.h"
#include "sysrec/spin-wait.h"
#include "tracer.h"

#define ATTACH_OPTIONS (PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE | PTRACE_O_TRACESYSGOOD)

static int seize_thread(struct tracer *t, pid_t tid) {
        if (ptrace(PTRACE_SEIZE, tid, 0L, (long) ATTACH_OPTIONS) < 0)
                return -errno;
        /* PTRACE_SYSCALL needs a stopped tracee to start from */
        if (ptrace(PTRACE_INTERRUPT, tid, 0L, 0L) < 0 && errno != ESRCH)
                return -errno;
        return pid_set_add(t->threads, tid);
}

/* One pass over /proc/PID/task: seizes the threads not yet followed. Returns how
 * many were new. A thread that exits between the listing and the seize is skipped,
 * and so is a leader that exited before its threads (a zombie: EPERM); so is one a
 * seized thread started meanwhile (TRACECLONE made it ours: EPERM). */
static int seize_task_dir(struct tracer *t, pid_t pid) {
        _cleanup_closedir_ DIR *d = NULL;
        char path[64];
        struct dirent *de;
        int added = 0, r;

        snprintf(path, sizeof(path), "/proc/%d/task", pid);
        d = opendir(path);
        if (!d)
                return errno == ENOENT ? -ESRCH : -errno;
        while ((de = readdir(d))) {
                pid_t tid;

                if (parse_pid(de->d_name, &tid) < 0 || pid_set_contains(t->threads, tid))
                        continue;
                r = seize_thread(t, tid);
                if (r == -ESRCH || (r == -EPERM && tid != pid && t->threads->n > 0) ||
                    (r < 0 && process_task_exited(tid)))
                        continue;
                if (r < 0)
                        return r;
                added++;
        }
        return added;
}

static int seize_all(struct tracer *t, pid_t pid) {
        int r;

        /* a thread may start another between our reading the directory and the seize */
        while ((r = seize_task_dir(t, pid)) > 0)
                ;
        if (r < 0)
                return r;
        t->stats->processes = 1;
        return 0;
}

/* The signal (if any) the tracee was about to receive: delivered at detach. */
static int stop_signal(int status) {
        int sig = WSTOPSIG(status);

        if ((unsigned) status >> 16 != 0 || sig == (SIGTRAP | 0x80))
                return 0;
        return sig;
}

static void detach_new_task(struct tracer *t, pid_t pid) {
        unsigned long msg;

        /* It starts traced, and its first stop may have come and been resumed before
         * this event: interrupt it, so that it stops again, and detach it there. */
        if (ptrace(PTRACE_GETEVENTMSG, pid, 0L, &msg) == 0 && pid_set_add(t->threads, (pid_t) msg) >= 0)
                (void) ptrace(PTRACE_INTERRUPT, (pid_t) msg, 0L, 0L);
}

/* Interrupts every task and detaches each at its next stop, which may be another
 * event already on its way; tasks forked meanwhile are detached at their first.
 * ESRCH: the task has exited. A thread-group leader that exited before its other
 * threads is such a zombie, whose exit the kernel reports only with the last
 * thread's: waiting for it would wait for the whole process. */
static void detach_all(struct tracer *t) {
        for (size_t i = 0; i < t->threads->n;) {
                pid_t tid = t->threads->pids[i];

                if ((ptrace(PTRACE_INTERRUPT, tid, 0L, 0L) < 0 && errno == ESRCH) || process_task_exited(tid))
                        pid_set_remove(t->threads, tid);
                else
                        i++;
        }
        while (t->threads->n > 0) {
                int status;
                pid_t pid = waitpid(-1, &status, __WALL);
                unsigned event;

                if (pid < 0) {
                        if (errno == EINTR)
                                continue;
                        break; /* ECHILD: none left */
                }
                if (!WIFSTOPPED(status)) {
                        tracer_handle_exit(t, pid, status);
                        continue;
                }
                event = (unsigned) status >> 16;
                if (event == PTRACE_EVENT_FORK || event == PTRACE_EVENT_VFORK || event == PTRACE_EVENT_CLONE)
                        detach_new_task(t, pid);
                (void) ptrace(PTRACE_DETACH, pid, 0L, (long) stop_signal(status));
                pid_set_remove(t->threads, pid);
        }
}

/* Handles every pending stop; 1 when none is left to follow (ECHILD). */
static int drain_events(struct tracer *t, bool *ret_any) {
        for (;;) {
                int status, r;
                pid_t pid = waitpid(-1, &status, __WALL | WNOHANG);

                if (pid == 0)
                        return 0;
                if (pid < 0)
                        return errno == ECHILD ? 1 : (errno == EINTR ? 0 : -errno);
                *ret_any = true;
                if (!WIFSTOPPED(status))
                        tracer_handle_exit(t, pid, status);
                else if ((r = tracer_handle_stop(t, pid, status)) < 0)
                        return r;
        }
}

static int poll_timeout_ms(uint64_t deadline) {
        uint64_t now;

        if (deadline == 0)
                return -1;
        now = now_nsec();
        return now >= deadline ? 0 : (int) ((deadline - now + 999999) / 1000000);
}

/* Until a signal, the deadline, or no tracee left (returns 1 then). Polls the next
 * event for SPIN_WAIT_NSEC before sleeping in poll(), which SIGCHLD wakes: each
 * tracee stop sends the tracer one. */
static int attach_loop(struct tracer *t, int sigfd, uint64_t deadline) {
        uint64_t spin_until = 0, now;

        for (unsigned i = 0;; i++) {
                struct pollfd pfd = { .fd = sigfd, .events = POLLIN };
                bool check = i % 16 == 0, any = false;
                int r;

                /* A pass per tracee stop: the signalfd and the clock only every 16th.
                 * Read before the drain, so that a SIGCHLD it takes cannot hide a stop
                 * from the poll() below, which only such a pass reaches. */
                if (check && signal_forward_read_stop(sigfd))
                        return 0;
                if ((r = drain_events(t, &any)) != 0)
                        return r;
                if (!check)
                        continue;
                now = now_nsec();
                if (deadline != 0 && now >= deadline)
                        return 0;
                if (any || spin_until == 0) {
                        spin_until = now + SPIN_WAIT_NSEC;
                        continue;
                }
                if (now < spin_until)
                        continue;
                spin_until = 0;
                if (poll(&pfd, 1, poll_timeout_ms(deadline)) < 0 && errno != EINTR)
                        return -errno;
        }
}

int ptrace_attach_record(const struct attach_options *o, struct syscall_set *set, struct record_stats *stats,
                         bool *ret_exited) {
        struct pid_set threads = {};
        struct tracer t = { .set = set,
                            .stats = stats,
                            .started = true,
                            .target = o->pid,
                            .threads = &threads,
                            .lock = PTHREAD_MUTEX_INITIALIZER };
        uint64_t deadline = o->duration_nsec ? now_nsec() + o->duration_nsec : 0;
        _cleanup_close_ int sigfd = signal_stop_signalfd();
        int r;

        if (sigfd < 0)
                return sigfd;
        r = seize_all(&t, o->pid);
        if (r >= 0 && o->on_followed)
                o->on_followed(o->userdata);
        if (r >= 0)
                r = attach_loop(&t, sigfd, deadline);
        *ret_exited = r == 1;
        /* on every path, errors included: what we seized runs on */
        detach_all(&t);
        pid_set_done(&threads);
        pid_set_done(&t.live);
        return r < 0 ? r : 0;
}
