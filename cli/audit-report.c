/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <inttypes.h>
#include <string.h>

#include "audit.h"
#include "sysrec/log.h"

void audit_report_status(enum audit_source_kind kind, const struct audit_status *st, bool has_status, bool quiet) {
        if (!has_status)
                return;
        if (kind == AUDIT_SOURCE_KMSG && st->pid != 0)
                log_warning("auditd (pid %u) receives the audit records: the kernel log does not show them. "
                            "Read its log (sysrec audit /var/log/audit/audit.log) or use --netlink.",
                            st->pid);
        if (st->enabled == 0 && !quiet)
                log_notice("Audit is disabled (auditctl -s: enabled 0). Linux 6.x still logs seccomp "
                           "SCMP_ACT_LOG records; if none arrive, enable it with 'auditctl -e 1'.");
}

/* Why each source's losses matter, by the loss counter's name. */
static const char *loss_meaning(const char *name) {
        static const struct {
                const char *name, *meaning;
        } table[] = {
                { "suppressed", "kernel log lines dropped by the printk rate limit" },
                { "audit-lost", "records the kernel's audit queue dropped (audit_lost)" },
                { "unparseable", "seccomp records that could not be read" },
                { "unknown-architecture", "records of an architecture sysrec does not know" },
                { "kmsg-overwritten", "kernel log messages overwritten before they were read" },
                { "netlink-overruns", "netlink receive-buffer overruns, each dropping records" },
        };

        for (size_t i = 0; i < ELEMENTSOF(table); i++)
                if (strcmp(table[i].name, name) == 0)
                        return table[i].meaning;
        return "lost";
}

static void report_losses(const struct audit_collector *c) {
        const struct recording *rec = c->rec;

        for (size_t i = 0; i < rec->n_losses; i++)
                log_warning("%" PRIu64 " %s.", rec->losses[i].count, loss_meaning(rec->losses[i].name));
        if (c->stats.first_error[0])
                log_warning("First unparseable record: %s", c->stats.first_error);
        if (!recording_is_complete(rec))
                log_warning("The source lost %" PRIu64 " records or more: the profile may lack syscalls.",
                            recording_total_lost(rec));
}

void audit_report_stats(const struct audit_collector *c, enum audit_source_kind kind, bool marker_missed,
                        const struct audit_status *st, bool has_status, bool quiet) {
        const struct audit_stats *s = &c->stats;

        if (!quiet)
                log_info("audit: %" PRIu64 " seccomp records read, %" PRIu64 " matched: %zu syscalls from %" PRIu64
                         " processes.",
                         s->seccomp, s->matched, syscall_set_total(c->rec->syscalls), c->rec->processes);
        report_losses(c);
        if (marker_missed && kind == AUDIT_SOURCE_KMSG)
                log_notice("The end marker did not come through the kernel log (rate limit?): stopped after "
                           "the drain period.");
        if (s->matched > 0)
                return;
        if (kind == AUDIT_SOURCE_KMSG && has_status && st->pid != 0)
                log_warning("No seccomp records: auditd (pid %u) takes them; use --netlink.", st->pid);
        else if (kind == AUDIT_SOURCE_KMSG && marker_missed)
                log_warning("No seccomp records, not even sysrec's own end marker: without auditd the kernel "
                            "log shows about 10 audit lines per 5 seconds. Use --netlink.");
        else if (kind == AUDIT_SOURCE_NETLINK && marker_missed)
                log_warning("No seccomp records, not even sysrec's own end marker: this kernel does not send "
                            "them here. Is audit enabled (auditctl -e 1)? Is 'log' in "
                            "/proc/sys/kernel/seccomp/actions_logged?");
        else
                log_warning("No seccomp records matched.");
}

int audit_write_outputs(const struct recording *rec, const struct recording_outputs *o) {
        int r;

        if (o->recording && (r = output_write_recording(rec, o->recording)) < 0)
                return r;
        if (!o->profile)
                return 0;
        return summary_write_profile(rec, o);
}
