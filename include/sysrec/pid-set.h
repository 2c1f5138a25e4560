/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* A small sorted set of pids: the live processes a tracer follows. */
struct pid_set {
        pid_t *pids;
        size_t n, allocated;
};

int pid_set_add(struct pid_set *s, pid_t pid);
bool pid_set_remove(struct pid_set *s, pid_t pid);
bool pid_set_contains(const struct pid_set *s, pid_t pid);
void pid_set_done(struct pid_set *s);
