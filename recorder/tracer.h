/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once
/* The ptrace tracer's core, shared by recording a command we start (ptrace.c) and
 * attaching to one that runs (ptrace-attach.c): what to do at each stop. */
#include <pthread.h>
#include <stdbool.h>
#include <sys/types.h>

#include "sysrec/pid-set.h"
#include "sysrec/recorder.h"

struct tracer {
        struct syscall_set *set;
        struct record_stats *stats;
        bool seccomp_stop;
        pid_t target;
        bool target_exited;
        int target_status;
        /* Syscalls of the held child before its execve are sysrec's, not the target's:
         * with PTRACE_SYSCALL they would show, so recording starts at that execve. */
        bool started;
        /* Every task followed, threads too, when not NULL: attach detaches them all. */
        struct pid_set *threads;
        /* Shared with the signal forwarder thread, under lock. */
        pthread_mutex_t lock;
        struct pid_set live; /* thread groups still running */
};

/* Handles a ptrace stop and resumes the tracee (or leaves it in group-stop). */
int tracer_handle_stop(struct tracer *t, pid_t pid, int status);
/* A tracee has exited or was killed. */
void tracer_handle_exit(struct tracer *t, pid_t pid, int status);
