/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "sysrec/syscall-set.h"

/* What a recording backend reports besides the syscalls themselves. */
struct record_stats {
        uint64_t events;         /* syscalls recorded */
        uint64_t processes;      /* thread groups followed, the target included */
        uint64_t lost;           /* syscalls seen but not recorded (out of memory, out of range) */
        uint64_t lost_first;     /* bpf: first sightings whose process was not reported */
        uint64_t lost_processes; /* bpf: children not followed (map full) */
        /* ptrace: why the SECCOMP_RET_TRACE filter could not be used (negative errno),
         * 0 when it was used or not asked for. */
        int seccomp_stop_error;
        /* The command could not be executed (negative errno): nothing was recorded. */
        int exec_error;
};

struct ptrace_options {
        char *const *argv; /* the command; argv[0] is searched in PATH */
        bool seccomp_stop; /* one stop per syscall through SECCOMP_RET_TRACE (default) */
};

/* Runs argv under ptrace, following every thread and child, until all of them have
 * exited; adds what they call to set. SIGINT, SIGTERM and SIGHUP sent to us with
 * kill() are forwarded to the target (from the terminal it gets them itself).
 * *ret_wait_status is the target's wait status. When the command cannot be executed,
 * returns that error and sets stats->exec_error. Leaves SIGINT, SIGTERM and SIGHUP
 * blocked, so that one arriving after the target's exit cannot kill sysrec before it
 * has written what it recorded. */
int ptrace_record(const struct ptrace_options *o, struct syscall_set *set, struct record_stats *stats,
                  int *ret_wait_status);

/* What to attach to, and for how long. */
struct attach_options {
        pid_t pid;
        const char *cgroup;     /* bpf: a cgroup v2 directory instead of a pid */
        uint64_t duration_nsec; /* 0: until SIGINT, SIGTERM or SIGHUP, or every exit */
        bool descendants;       /* bpf: PID's running descendants too; new ones are always followed */
        /* bpf: PID is held by an OCI runtime; record from its execve of the entrypoint,
         * since what the runtime does before is not the container's. */
        bool from_exec;
        /* Called once the target is followed, before waiting (the OCI hook lets the
         * runtime go on only then); may be NULL. */
        void (*on_followed)(void *userdata);
        void *userdata;
};

/* Seizes every thread of o->pid (rescanning /proc/PID/task until no new one shows)
 * and follows the children they start; records until a SIGINT, SIGTERM or SIGHUP
 * to sysrec (not passed on: they end the recording), the duration, or the exit of
 * everything followed; then interrupts and detaches each task, handing back any
 * signal it was about to receive. Never kills: if sysrec dies, the kernel detaches.
 * *ret_exited tells whether everything followed had exited. -EPERM when the kernel
 * refuses the seize (another tracer, Yama's ptrace_scope, no privilege). */
int ptrace_attach_record(const struct attach_options *o, struct syscall_set *set, struct record_stats *stats,
                         bool *ret_exited);
