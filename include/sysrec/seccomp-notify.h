/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <linux/filter.h>
#include <stdint.h>
#include <sys/types.h>

#include "sysrec/process.h"
#include "sysrec/recorder.h"

/* Called for each syscall the filter sent to us (SECCOMP_RET_USER_NOTIF), before the
 * kernel lets it run (SECCOMP_USER_NOTIF_FLAG_CONTINUE). tid is the calling thread,
 * arch its AUDIT_ARCH_* value. */
struct notify_handler {
        void (*on_syscall)(void *userdata, pid_t tid, uint32_t audit_arch, uint32_t nr);
        void *userdata;
};

struct notify_stats {
        uint64_t lost; /* notifications we could not receive */
};

/* Runs path under filter, whose flags must include SECCOMP_FILTER_FLAG_NEW_LISTENER,
 * answering every notification with CONTINUE, until the target and everything it
 * started have exited. Signals as process_run(). Returns 0 and the target's wait
 * status, or the error that stopped the child before the command ran (stage in
 * *ret_stage). */
int notify_run(const char *path, char *const *argv, const struct sock_fprog *filter, unsigned filter_flags,
               const struct notify_handler *h, struct notify_stats *stats, int *ret_wait_status,
               enum child_stage *ret_stage);

/* The notify backend: records every syscall of argv and its descendants with a filter
 * returning SECCOMP_RET_USER_NOTIF for all of them. Works without privilege (it sets
 * no_new_privs then) and on a target that another tracer follows. Same contract as
 * ptrace_record(). */
int notify_record(char *const *argv, struct syscall_set *set, struct record_stats *stats, int *ret_wait_status);
