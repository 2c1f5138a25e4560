/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <linux/filter.h>
#include <stdbool.h>
#include <sys/types.h>

#include "sysrec/syscall-set.h"

/* A child forked to become the target, held before its exec until the tracer is ready,
 * so that nothing of sysrec's own is recorded and nothing of the target's is missed. */
struct held_child {
        pid_t pid;
        int release_fd;     /* write end: one byte lets the child go on */
        int report_fd;      /* read end: a struct child_report if it failed before running */
        int *listener_slot; /* with SECCOMP_FILTER_FLAG_NEW_LISTENER: [0] the child's listener
                             * fd, [1] set when we hold a copy; shared memory */
};

enum child_stage {
        CHILD_STAGE_FILTER = 1, /* installing the seccomp filter */
        CHILD_STAGE_EXEC,       /* executing the command */
};

struct child_report {
        int stage; /* enum child_stage */
        int error; /* positive errno */
};

/* Searches PATH for argv[0] as execvp would; returns a newly allocated path. */
int process_find_executable(const char *name, char **ret);

/* A one-instruction filter returning SECCOMP_RET_TRACE for every syscall. */
extern const struct sock_fprog process_trace_all_filter;

/* Forks a child that waits to be released, then (when filter is not NULL) installs
 * filter with seccomp(2) flags filter_flags, setting no_new_privs only if the kernel
 * asks for it, then executes path with argv. The child's signal mask is emptied,
 * since the parent blocks the signals it waits on. */
int process_spawn_held(const char *path, char *const *argv, const struct sock_fprog *filter, unsigned filter_flags,
                       struct held_child *ret);

int process_release(struct held_child *c);

/* With SECCOMP_FILTER_FLAG_NEW_LISTENER, after process_release(): a duplicate of the
 * child's seccomp listener, taken with pidfd_getfd(). The child stores the number in
 * shared memory and spins, making no syscall, until we hold it, so not one of its
 * syscalls goes unnotified. -ECHILD when it failed before (see process_read_report);
 * on any error the caller must kill the child, which would spin on. */
int process_take_listener(struct held_child *c, int *ret_fd);

/* After the child has exited or executed: 1 and the report if it failed before the
 * command ran, 0 if it ran. */
int process_read_report(struct held_child *c, struct child_report *ret);

void held_child_done(struct held_child *c);

/* Runs path under filter (see process_spawn_held) and waits for it, passing on the
 * signals of signal_forward_mask(), which stay blocked afterwards as with
 * ptrace_record(). Returns 0 and the wait status, or the error that stopped the
 * child before the command ran, with the stage in *ret_stage. */
int process_run(const char *path, char *const *argv, const struct sock_fprog *filter, unsigned filter_flags,
                int *ret_wait_status, enum child_stage *ret_stage);

/* The first process seen making a syscall: pid, comm and exe from /proc. */
void process_origin_read(pid_t pid, struct syscall_origin *o);
/* The executable of pid (readlink of /proc/PID/exe), newly allocated; NULL if gone. */
char *process_read_exe(pid_t pid);
/* Thread-group id of a task, from /proc; 0 when it cannot be read. */
pid_t process_tgid(pid_t tid);
