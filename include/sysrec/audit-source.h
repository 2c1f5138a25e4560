/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <linux/audit.h>
#include <stdbool.h>
#include <stdint.h>

#include "sysrec/audit-collect.h"
#include "sysrec/macro.h"

/* Where audit records come from: a text file (or stdin), the kernel log
 * (/dev/kmsg), or the audit netlink multicast group, which needs no auditd and is
 * not rate-limited. Each feeds an audit_collector and counts what it lost. */

enum audit_source_kind {
        AUDIT_SOURCE_FILE,
        AUDIT_SOURCE_KMSG,
        AUDIT_SOURCE_NETLINK,
};

struct audit_source {
        enum audit_source_kind kind;
        int fd;
        const char *name;
        bool pollable; /* epoll works on it (not a regular file) */
        char *buf;     /* files: a partial line waits here for the rest */
        size_t size, used;
        unsigned lineno;
        uint64_t kmsg_next_seq; /* kmsg: the sequence number expected next; 0: none read yet */
};

#define AUDIT_SOURCE_NULL ((struct audit_source){ .fd = -1 })

/* "-" is stdin. */
int audit_source_open_file(const char *path, struct audit_source *ret);
/* The same, for --follow: a FIFO is read on after its writers close. */
int audit_source_open_follow(const char *path, struct audit_source *ret);
/* Opens /dev/kmsg at its end: only messages from now on are read. */
int audit_source_open_kmsg(struct audit_source *ret);
/* Joins AUDIT_NLGRP_READLOG (CAP_AUDIT_READ) with a large receive buffer. */
int audit_source_open_netlink(struct audit_source *ret);

/* Reads what is there now and feeds it to c; files are read to their end. Returns 0
 * when nothing more is to be read now (end of file, or EAGAIN), 1 when the source is
 * a file that may grow (call again later with follow). Losses of the source itself
 * (kmsg messages overwritten before they were read, netlink overruns) go straight into
 * c's recording. */
int audit_source_read(struct audit_source *s, struct audit_collector *c);
/* Feeds a last line that has no newline. */
int audit_source_flush(struct audit_source *s, struct audit_collector *c);
void audit_source_done(struct audit_source *s);

/* The kernel's audit status (enabled, auditd's pid, lost), through AUDIT_GET. */
int audit_status_get(struct audit_status *ret);

/* Makes the kernel log one seccomp record from a short-lived child and waits for it:
 * kauditd delivers records in order, so once the child's record is read, every record
 * made before the call has been read too. Returns the child's pid. */
int audit_marker_fire(pid_t *ret_pid);

/* Starts a new audit session for sysrec and what it starts, by writing its loginuid
 * (the current one, or the real uid when unset), and returns its id: records of the
 * command sysrec runs are then told from everyone else's by ses=. -EPERM when
 * loginuid is immutable. */
int audit_session_new(uint32_t *ret_session);
