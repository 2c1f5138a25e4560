/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "sysrec/audit-parse.h"
#include "sysrec/pid-set.h"
#include "sysrec/recording.h"

/* Turns parsed audit lines into a recording: filters the seccomp records, keys them
 * by the architecture of their arch= (named later with that architecture's table),
 * and counts what was lost on the way. */

struct audit_filter {
        const struct pid_set *pids;  /* --pid, not owned; NULL or empty: every process */
        const char *comm, *exe;      /* exact, after hex decoding; NULL: any */
        uint64_t since_ms, until_ms; /* audit timestamps, inclusive; 0: unbounded */
        unsigned actions;            /* AUDIT_ACTION_* bits */
        bool by_session;             /* only records of audit session `session` */
        uint32_t session;
        pid_t marker_pid; /* sysrec's own end-of-stream marker process, never recorded */
};

#define AUDIT_FILTER_DEFAULT ((struct audit_filter){ .actions = AUDIT_ACTION_ALL })

struct audit_stats {
        uint64_t seccomp;            /* seccomp records read */
        uint64_t matched;            /* of which passed the filters */
        uint64_t unparseable;        /* seccomp records that could not be read */
        uint64_t foreign;            /* records of an architecture sysrec does not key */
        uint64_t suppressed;         /* kernel log lines the printk rate limit dropped */
        uint64_t lost_min, lost_max; /* the kernel's audit_lost= totals seen */
        bool lost_seen;
        uint64_t first_ms, last_ms; /* audit timestamps of the first and last match */
        bool marker_seen;
        char first_error[512]; /* "FILE:LINE:COL: FIELD: message" of the first unparseable */
};

struct audit_collector {
        struct recording *rec; /* not owned */
        struct audit_filter filter;
        struct audit_stats stats;
        struct pid_set pids; /* distinct pids matched: the recording's processes */
        const char *source;  /* file name for messages */
};

void audit_collector_init(struct audit_collector *c, struct recording *rec, const struct audit_filter *filter);
void audit_collector_done(struct audit_collector *c);

/* Parses one line of text (line is the 1-based number for messages). */
int audit_collector_feed_line(struct audit_collector *c, const char *line, size_t size, unsigned lineno);
/* One netlink message: its type and the text after the header. */
int audit_collector_feed_message(struct audit_collector *c, unsigned type, const char *body, size_t size);

/* Records the kernel's audit_lost lines say were lost: each printed the new total,
 * so the first line seen is itself one loss. 0 when none was seen. */
uint64_t audit_stats_lost(const struct audit_stats *s);

/* Moves the counts of what was lost into the recording's losses: "suppressed",
 * "audit-lost", "unparseable", "unknown-architecture". */
int audit_collector_finish(struct audit_collector *c);
