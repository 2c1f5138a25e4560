/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "sysrec/pid-set.h"

/* One pass over /proc: adds to set every process whose parent is root or already in
 * set. Parents come before children only by pid order, so a pass can miss some;
 * returns how many it added. */
int process_tree_add_children(pid_t root, struct pid_set *set);

/* Adds to set the processes descending from root (root not included) that run now,
 * from the parent pids in /proc/PID/stat. Returns how many were added. */
int process_tree_add_descendants(pid_t root, struct pid_set *set);

/* Whether task tid has exited (a zombie, or gone), from /proc/TID/stat. */
bool process_task_exited(pid_t tid);

/* When pid started, in clock ticks after boot (field 22 of /proc/PID/stat), to
 * tell a process from a later one given the same pid. */
int process_start_time(pid_t pid, uint64_t *ret);

/* Whether ancestor is pid's parent, or its parent's, and so on up. */
bool process_descends_from(pid_t pid, pid_t ancestor);

/* The inode of the mount namespace pid runs in (/proc/PID/ns/mnt): what the kernel
 * calls ns.inum. -ESRCH when pid does not exist. */
int process_mnt_namespace(pid_t pid, uint32_t *ret);
