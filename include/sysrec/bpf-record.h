/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stdint.h>

#include "sysrec/recorder.h"

/* The eBPF backend (bpf/sysrec.bpf.c). Built with -Dbpf=enabled; otherwise
 * bpf_recorder_new() fails with -EOPNOTSUPP. */
struct bpf_recorder;

/* Opens, loads and attaches the programs: needs root (CAP_BPF and CAP_PERFMON) and
 * kernel BTF. Negative errno when that fails, so that --backend=auto can fall back;
 * -EXDEV outside the initial PID namespace (e.g. in a container), where the pids
 * we see are not the ones the kernel side keys on. */
struct bpf_recorder_config {
        /* Not 0: the kernel side follows every task in the mount namespace with this
         * inode (a container, with what is exec'd into it later), not a tree. */
        uint32_t mntns;
        /* Not 0: every task in the cgroup (v2) with this id, exactly (not its children). */
        uint64_t cgroup_id;
};
int bpf_recorder_new(const struct bpf_recorder_config *config, struct bpf_recorder **ret);
void bpf_recorder_free(struct bpf_recorder *b);

/* Same contract as ptrace_record(): runs argv, records it and everything it starts
 * until all have exited. One run per recorder. */
int bpf_recorder_run(struct bpf_recorder *b, char *const *argv, struct syscall_set *set, struct record_stats *stats,
                     int *ret_wait_status);

/* Same contract as ptrace_attach_record(), without stopping anything: follows
 * o->pid (and with o->descendants what it has started, found in /proc), or with a
 * mount namespace configured every task there until o->pid exits. */
int bpf_recorder_attach(struct bpf_recorder *b, const struct attach_options *o, struct syscall_set *set,
                        struct record_stats *stats, bool *ret_exited);
