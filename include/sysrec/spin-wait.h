/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stdint.h>
#include <time.h>

/* How long a recorder polls for the target's next event before it sleeps. The next
 * stop or notification usually comes within microseconds, and waking a CPU that went
 * idle costs tens of them on virtual machines (measured in docs/benchmarks.md: the
 * syscall-bound benchmark ran three times faster). A target that computes for longer
 * costs at most this much CPU per event. */
#define SPIN_WAIT_NSEC 100000U

static inline uint64_t now_nsec(void) {
        struct timespec ts;

        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (uint64_t) ts.tv_sec * 1000000000U + (uint64_t) ts.tv_nsec;
}
