/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stdint.h>

/* The id the kernel gives the cgroup v2 directory at path (what
 * bpf_get_current_cgroup_id() returns for its tasks): its inode number on cgroup2.
 * -EMEDIUMTYPE when path is not on a cgroup2 file system. */
int cgroup_id_of(const char *path, uint64_t *ret);

/* 1 when the cgroup at path or one below it has a process, 0 when not
 * ("populated" in cgroup.events). */
int cgroup_populated(const char *path);
