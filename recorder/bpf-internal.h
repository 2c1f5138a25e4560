/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once
/* What the bpf backend's recording of a command (bpf-record.c) and attaching to
 * running processes (bpf-attach.c) share. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "events.h"
#include "sysrec.skel.h"
#include "sysrec/bpf-record.h"

struct bpf_recorder {
        struct sysrec_bpf *skel;
};

struct bpf_run {
        struct bpf_recorder *b;
        struct syscall_set *set;
        struct record_stats *stats;
        pid_t target;
        uint64_t seeded; /* thread groups put in the map by us, not followed by fork */
        bool released;   /* from here the command runs: never kill it for our errors */
        bool target_exited;
        int target_status;
};

/* The ring buffer's callback: a first sighting, with the process that made it. */
int bpf_run_on_first(void *ctx, void *data, size_t size);
/* Adds the per-CPU counts and the loss counters to run->set and run->stats. */
int bpf_run_read_counts(struct bpf_run *run);
/* Puts a thread group in the followed map with state (SYSREC_TGID_*). */
int bpf_recorder_follow(struct bpf_recorder *b, pid_t pid, uint32_t state);
/* Takes it out again, and whether it is in. */
int bpf_recorder_unfollow(struct bpf_recorder *b, pid_t pid);
bool bpf_recorder_is_followed(struct bpf_recorder *b, pid_t pid);
/* Whether the kernel side follows no thread group any more. */
bool bpf_run_tgids_empty(struct bpf_run *run);
