/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stdbool.h>
#include <sys/types.h>

/* A child forked to become the target, held before its exec until the tracer is ready,
 * so that nothing of sysrec's own is recorded and nothing of the target's is missed. */
struct held_child {
        pid_t pid;
        int release_fd; /* write end: one byte lets the child go on */
        int report_fd;  /* read end: a struct child_report if it failed before running */
};

enum child_stage {
        CHILD_STAGE_FILTER = 1, /* installing the SECCOMP_RET_TRACE filter */
        CHILD_STAGE_EXEC,       /* executing the command */
};

struct child_report {
        int stage; /* enum child_stage */
        int error; /* positive errno */
};

/* Searches PATH for argv[0] as execvp would; returns a newly allocated path. */
int process_find_executable(const char *name, char **ret);

/* Forks a child that waits to be released, then (with trace_filter) installs a filter
 * returning SECCOMP_RET_TRACE for every syscall, then executes path with argv. The
 * child's signal mask is emptied, since the tracer blocks the signals it waits on. */
int process_spawn_held(const char *path, char *const *argv, bool trace_filter, struct held_child *ret);

int process_release(struct held_child *c);

/* After the child has exited or executed: 1 and the report if it failed before the
 * command ran, 0 if it ran. */
int process_read_report(struct held_child *c, struct child_report *ret);

void held_child_done(struct held_child *c);
