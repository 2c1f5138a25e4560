/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <linux/audit.h>
#include <stdbool.h>
#include <stdint.h>

#include "summary.h"
#include "sysrec/audit-collect.h"
#include "sysrec/audit-source.h"

/* sysrec audit, split by concern: audit.c parses the options and reads the sources,
 * audit-time.c parses --since/--until, audit-report.c says what was read and lost and
 * writes the outputs. */

/* --since/--until: seconds since the epoch ("1700000000.5", "@1700000000"), or an ISO
 * 8601 date and time, in UTC with a final 'Z', local time without. */
int audit_time_parse(const char *s, uint64_t *ret_ms);

/* What the kernel said before reading (kmsg, netlink): warns when auditd holds the
 * records away from the kernel log, or audit is disabled. has_status false when the
 * status could not be read. */
void audit_report_status(enum audit_source_kind kind, const struct audit_status *st, bool has_status, bool quiet);

/* The summary (unless quiet), every loss with its count and what it means for the
 * profile, and the first unparseable line. */
void audit_report_stats(const struct audit_collector *c, enum audit_source_kind kind, bool marker_missed,
                        const struct audit_status *st, bool has_status, bool quiet);

/* Writes the recording, then the profile (merged into --base when given). */
int audit_write_outputs(const struct recording *rec, const struct recording_outputs *o);
