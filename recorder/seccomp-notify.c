/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The seccomp user-notification backend. The held child installs a filter with
 * SECCOMP_FILTER_FLAG_NEW_LISTENER; we take the listener with pidfd_getfd() (see
 * process_take_listener()) and answer each notification with
 * SECCOMP_USER_NOTIF_FLAG_CONTINUE. No ptrace: it works without privilege and on a
 * target that a debugger already traces. One poll() loop serves the listener and a
 * signalfd (SIGCHLD and the signals passed on). */
#include <errno.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <seccomp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sysrec/macro.h"
#include "sysrec/pid-set.h"
#include "sysrec/process-signal.h"
#include "sysrec/process-tree.h"
#include "sysrec/seccomp-notify.h"
#include "sysrec/signal-forward.h"
#include "sysrec/spin-wait.h"

/* Linux 6.6; Debian 12's headers predate it. */
#ifndef SECCOMP_IOCTL_NOTIF_SET_FLAGS
#define SECCOMP_IOCTL_NOTIF_SET_FLAGS SECCOMP_IOW(4, __u64)
#endif
#ifndef SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP
#define SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP (1UL << 0)
#endif

struct notifier {
        int listener, sigfd;
        pid_t target;
        bool target_exited;
        int target_status;
        const struct notify_handler *handler;
        struct notify_stats *stats;
        struct seccomp_notif *req;
        struct seccomp_notif_resp *resp;
};

static int notifier_answer_one(struct notifier *n) {
        memset(n->req, 0, sizeof(*n->req)); /* the kernel wants it zeroed */
        if (seccomp_notify_receive(n->listener, n->req) < 0) {
                /* ENOENT: the caller was killed before we read it */
                if (errno != ENOENT && errno != EINTR)
                        n->stats->lost++;
                return 0;
        }
        n->handler->on_syscall(n->handler->userdata, (pid_t) n->req->pid, n->req->data.arch,
                               (uint32_t) n->req->data.nr);
        *n->resp = (struct seccomp_notif_resp){ .id = n->req->id, .flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE };
        /* ENOENT: the caller was killed meanwhile; nothing waits for the answer */
        if (seccomp_notify_respond(n->listener, n->resp) < 0 && errno != ENOENT)
                return -errno;
        return 0;
}

/* poll(), polling for SPIN_WAIT_NSEC before sleeping, as the ptrace tracer does. */
static int notifier_poll(struct pollfd *fds, size_t n) {
        uint64_t deadline = now_nsec() + SPIN_WAIT_NSEC;
        int r;

        do {
                r = poll(fds, n, 0);
                if (r != 0)
                        return r;
        } while (now_nsec() < deadline);
        return poll(fds, n, -1);
}

static bool descends_from_us(void *userdata, pid_t pid) {
        (void) userdata;
        return process_descends_from(pid, getpid());
}

/* The target has exited: what it left running was reparented to us (we are its
 * subreaper), so our descendants are exactly that, however many pids have been
 * used and reused meanwhile. Each gets the signal, as the ptrace backend does. */
static void notifier_signal_orphans(void *userdata, int signo) {
        struct pid_set left = {};

        (void) userdata;
        if (process_tree_add_descendants(getpid(), &left) >= 0)
                for (size_t i = 0; i < left.n; i++)
                        (void) process_signal_pinned(left.pids[i], signo, descends_from_us, NULL);
        pid_set_done(&left);
}

/* Signals, then every child that has exited: the target, and the orphans we were
 * given as subreaper, whose zombies would keep the listener open. */
static void notifier_read_signals(struct notifier *n) {
        int status;
        pid_t pid;

        signal_forward_dispatch(n->sigfd, n->target, &n->target_exited, &n->target_status, notifier_signal_orphans,
                                NULL);
        while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
                if (pid == n->target && !n->target_exited) {
                        n->target_status = status;
                        n->target_exited = true;
                }
}

/* Until the listener hangs up: every task using the filter has gone, our child
 * reaped (a zombie still holds it). */
static int notifier_loop(struct notifier *n) {
        for (;;) {
                struct pollfd fds[2] = {
                        { .fd = n->listener, .events = POLLIN },
                        { .fd = n->sigfd, .events = POLLIN },
                };
                int r = notifier_poll(fds, ELEMENTSOF(fds));

                if (r < 0) {
                        if (errno == EINTR)
                                continue;
                        return -errno;
                }
                if (fds[1].revents & POLLIN)
                        notifier_read_signals(n);
                if (fds[0].revents & POLLIN) {
                        if ((r = notifier_answer_one(n)) < 0)
                                return r;
                } else if (fds[0].revents & (POLLHUP | POLLERR)) {
                        if (!n->target_exited && waitpid(n->target, &n->target_status, 0) == n->target)
                                n->target_exited = true;
                        return 0;
                }
        }
}

static int notifier_run_child(struct notifier *n, struct held_child *child) {
        int r;

        if ((r = process_release(child)) < 0)
                return r;
        r = process_take_listener(child, &n->listener);
        if (r == -ECHILD)
                return 0; /* it failed before its exec: the report says why */
        if (r < 0)
                return r;
        /* Wake the target on our CPU when we answer, where the kernel has it. */
        (void) ioctl(n->listener, SECCOMP_IOCTL_NOTIF_SET_FLAGS, SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP);
        return notifier_loop(n);
}

int notify_run(const char *path, char *const *argv, const struct sock_fprog *filter, unsigned filter_flags,
               const struct notify_handler *h, struct notify_stats *stats, int *ret_wait_status,
               enum child_stage *ret_stage) {
        struct held_child child = { .release_fd = -1, .report_fd = -1 };
        struct notifier n = { .listener = -1, .sigfd = -1, .handler = h, .stats = stats };
        struct child_report report;
        int r, was_subreaper = 1;

        if (!(filter_flags & SECCOMP_FILTER_FLAG_NEW_LISTENER))
                return -EINVAL;
        if (seccomp_notify_alloc(&n.req, &n.resp) < 0)
                return -ENOMEM;
        r = n.sigfd = signal_forward_signalfd();
        /* what the target leaves running becomes ours: see notifier_signal_orphans */
        if (r >= 0 && prctl(PR_GET_CHILD_SUBREAPER, &was_subreaper) == 0 && !was_subreaper)
                r = prctl(PR_SET_CHILD_SUBREAPER, 1) < 0 ? negative_errno() : 0;
        if (r >= 0)
                r = process_spawn_held(path, argv, filter, filter_flags, &child);
        if (r >= 0) {
                n.target = child.pid;
                r = notifier_run_child(&n, &child);
                /* never leave it waiting on a listener nobody reads; once reaped,
                 * its pid may be someone else's */
                if (r < 0 && !n.target_exited)
                        kill(child.pid, SIGKILL);
                if (!n.target_exited && waitpid(child.pid, &n.target_status, 0) == child.pid)
                        n.target_exited = true;
                if (process_read_report(&child, &report) > 0) {
                        *ret_stage = (enum child_stage) report.stage;
                        r = -report.error;
                }
                *ret_wait_status = n.target_status;
        }
        held_child_done(&child);
        if (!was_subreaper)
                (void) prctl(PR_SET_CHILD_SUBREAPER, 0);
        if (n.listener >= 0)
                close(n.listener);
        if (n.sigfd >= 0)
                close(n.sigfd);
        seccomp_notify_free(n.req, n.resp);
        return r;
}

/* Recording: what the target does from its first execve on, as the ptrace backend. */
struct notify_recorder {
        struct syscall_set *set;
        struct record_stats *stats;
        bool started;
        struct pid_set tasks, groups; /* threads seen, and their thread groups */
};

static void recorder_count_process(struct notify_recorder *rec, pid_t tid) {
        pid_t tgid;

        if (pid_set_contains(&rec->tasks, tid))
                return;
        (void) pid_set_add(&rec->tasks, tid);
        tgid = process_tgid(tid);
        if (tgid > 0 && !pid_set_contains(&rec->groups, tgid) && pid_set_add(&rec->groups, tgid) >= 0)
                rec->stats->processes++;
}

static void recorder_on_syscall(void *userdata, pid_t tid, uint32_t audit_arch, uint32_t nr) {
        struct notify_recorder *rec = userdata;
        struct syscall_entry *e;
        bool created;
        int arch;

        /* Between its filter and its exec the held child makes no syscall, so the
         * first notification is the target's execve. */
        if (!rec->started) {
                if (nr != SYS_execve)
                        return;
                rec->started = true;
        }
        recorder_count_process(rec, tid);
        arch = sysrec_arch_from_audit(audit_arch, nr);
        if (arch < 0 || syscall_set_get(rec->set, arch, nr, &e, &created) < 0) {
                rec->stats->lost++;
                return;
        }
        e->count++;
        rec->stats->events++;
        if (created)
                process_origin_read(tid, &e->first);
}

static struct sock_filter notify_all_code[] = {
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_USER_NOTIF),
};

int notify_record(char *const *argv, struct syscall_set *set, struct record_stats *stats, int *ret_wait_status) {
        const struct sock_fprog prog = { .len = ELEMENTSOF(notify_all_code), .filter = notify_all_code };
        _cleanup_free_ char *path = NULL;
        struct notify_recorder rec = { .set = set, .stats = stats };
        struct notify_handler h = { .on_syscall = recorder_on_syscall, .userdata = &rec };
        struct notify_stats nstats = {};
        enum child_stage stage = 0;
        int r;

        r = process_find_executable(argv[0], &path);
        if (r < 0) {
                stats->exec_error = r;
                return r;
        }
        r = notify_run(path, argv, &prog, SECCOMP_FILTER_FLAG_NEW_LISTENER, &h, &nstats, ret_wait_status, &stage);
        stats->lost += nstats.lost;
        pid_set_done(&rec.tasks);
        pid_set_done(&rec.groups);
        if (r < 0 && stage == CHILD_STAGE_EXEC)
                stats->exec_error = r;
        return r;
}
