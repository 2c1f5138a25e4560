/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* What the tracer does at each ptrace stop: record a syscall, follow a new task,
 * deliver a signal, or leave a group-stop alone; then resume. */
#include <errno.h>
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "sysrec/process.h"
#include "tracer.h"

static int tracer_resume(struct tracer *t, pid_t pid, int sig) {
        int request = t->seccomp_stop ? PTRACE_CONT : PTRACE_SYSCALL;

        /* ESRCH: the tracee was killed (SIGKILL) while stopped; its exit comes next. */
        if (ptrace(request, pid, 0L, (long) sig) < 0 && errno != ESRCH)
                return -errno;
        return 0;
}

static void tracer_record(struct tracer *t, pid_t pid, int arch, uint32_t nr) {
        struct syscall_entry *e;
        bool created;

        if (arch < 0 || syscall_set_get(t->set, arch, nr, &e, &created) < 0) {
                t->stats->lost++;
                return;
        }
        e->count++;
        t->stats->events++;
        if (created)
                process_origin_read(pid, &e->first);
}

static void tracer_handle_syscall(struct tracer *t, pid_t pid) {
        struct __ptrace_syscall_info info;
        uint64_t nr;

        if (ptrace(PTRACE_GET_SYSCALL_INFO, pid, (void *) sizeof(info), &info) <= 0) {
                if (errno != ESRCH)
                        t->stats->lost++;
                return;
        }
        if (info.op == PTRACE_SYSCALL_INFO_SECCOMP)
                nr = info.seccomp.nr;
        else if (info.op == PTRACE_SYSCALL_INFO_ENTRY)
                nr = info.entry.nr;
        else
                return; /* a syscall-exit stop (PTRACE_SYSCALL mode) */

        if (!t->started) {
                if (pid != t->target || nr != SYS_execve)
                        return;
                t->started = true;
        }
        /* seccomp sees the number as an int; so does a profile. */
        tracer_record(t, pid, sysrec_arch_from_audit(info.arch, (uint32_t) nr), (uint32_t) nr);
}

static void tracer_handle_new_task(struct tracer *t, pid_t parent, unsigned event) {
        unsigned long msg;
        pid_t child;

        if (ptrace(PTRACE_GETEVENTMSG, parent, 0L, &msg) < 0)
                return;
        child = (pid_t) msg;
        if (t->threads && pid_set_add(t->threads, child) < 0)
                t->stats->lost++;
        /* PTRACE_EVENT_CLONE is a thread unless the clone made a new thread group. */
        if (event == PTRACE_EVENT_CLONE && process_tgid(child) != child)
                return;
        t->stats->processes++;
        pthread_mutex_lock(&t->lock);
        if (pid_set_add(&t->live, child) < 0)
                t->stats->lost++;
        pthread_mutex_unlock(&t->lock);
}

static bool is_group_stop_signal(int sig) {
        return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

int tracer_handle_stop(struct tracer *t, pid_t pid, int status) {
        unsigned event = (unsigned) status >> 16;
        int sig = WSTOPSIG(status);

        switch (event) {
        case 0:
                if (sig == (SIGTRAP | 0x80)) {
                        tracer_handle_syscall(t, pid);
                        return tracer_resume(t, pid, 0);
                }
                /* A signal for the tracee: deliver it. */
                return tracer_resume(t, pid, sig);
        case PTRACE_EVENT_SECCOMP:
                tracer_handle_syscall(t, pid);
                return tracer_resume(t, pid, 0);
        case PTRACE_EVENT_FORK:
        case PTRACE_EVENT_VFORK:
        case PTRACE_EVENT_CLONE:
                tracer_handle_new_task(t, pid, event);
                return tracer_resume(t, pid, 0);
        case PTRACE_EVENT_STOP:
                /* A group-stop (SIGSTOP and friends): stay stopped, as without us, but
                 * let the kernel wake the tracee on SIGCONT. Otherwise the first stop
                 * of a new task, or our PTRACE_INTERRUPT. */
                if (is_group_stop_signal(sig)) {
                        if (ptrace(PTRACE_LISTEN, pid, 0L, 0L) < 0 && errno != ESRCH)
                                return -errno;
                        return 0;
                }
                return tracer_resume(t, pid, 0);
        default:
                return tracer_resume(t, pid, 0);
        }
}

void tracer_handle_exit(struct tracer *t, pid_t pid, int status) {
        pthread_mutex_lock(&t->lock);
        pid_set_remove(&t->live, pid);
        if (t->threads)
                pid_set_remove(t->threads, pid);
        if (pid == t->target) {
                t->target_exited = true;
                t->target_status = status;
        }
        pthread_mutex_unlock(&t->lock);
}
