/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "sysrec/audit-collect.h"

void audit_collector_init(struct audit_collector *c, struct recording *rec, const struct audit_filter *filter) {
        *c = (struct audit_collector){ .rec = rec, .filter = *filter };
}

void audit_collector_done(struct audit_collector *c) {
        pid_set_done(&c->pids);
}

static bool pid_wanted(const struct audit_filter *f, pid_t pid) {
        return !f->pids || f->pids->n == 0 || pid_set_contains(f->pids, pid);
}

static bool value_is(const struct audit_value *v, const char *want) {
        char buf[PATH_MAX];

        audit_value_decode(v, buf, sizeof(buf));
        return strcmp(buf, want) == 0;
}

static bool record_wanted(const struct audit_filter *f, const struct audit_seccomp_record *r) {
        unsigned action = r->has_code ? audit_action_from_code(r->code) : AUDIT_ACTION_UNKNOWN;

        if (!(f->actions & action) || !pid_wanted(f, r->pid))
                return false;
        if ((f->since_ms && r->time_ms < f->since_ms) || (f->until_ms && r->time_ms > f->until_ms))
                return false;
        if (f->by_session && (!r->has_ses || r->ses != f->session))
                return false;
        return (!f->comm || value_is(&r->comm, f->comm)) && (!f->exe || value_is(&r->exe, f->exe));
}

/* The origin is decoded only the first time a syscall is seen: most records repeat one. */
static int origin_fill(struct syscall_origin *o, const struct audit_seccomp_record *r) {
        char exe[PATH_MAX];

        o->pid = r->pid;
        audit_value_decode(&r->comm, o->comm, sizeof(o->comm));
        if (audit_value_decode(&r->exe, exe, sizeof(exe)) == 0)
                return 0;
        o->exe = strdup(exe);
        return o->exe ? 0 : -ENOMEM;
}

static int add_seccomp(struct audit_collector *c, const struct audit_seccomp_record *r) {
        struct syscall_entry *e;
        bool created;
        int arch, k;

        if (c->filter.marker_pid > 0 && r->pid == c->filter.marker_pid) {
                c->stats.marker_seen = true;
                return 0;
        }
        c->stats.seccomp++;
        if (!record_wanted(&c->filter, r))
                return 0;
        /* syscall(-1) and the like: an invalid call, not a syscall a profile could list */
        if (r->nr < 0 || r->nr > UINT32_MAX)
                return 0;
        arch = sysrec_arch_from_audit(r->audit_arch, (uint64_t) r->nr);
        if (arch < 0) {
                c->stats.foreign++;
                return 0;
        }
        if ((k = syscall_set_get(c->rec->syscalls, arch, (uint32_t) r->nr, &e, &created)) < 0)
                return k;
        e->count++;
        if (created && (k = origin_fill(&e->first, r)) < 0)
                return k;
        if (c->stats.matched == 0 || r->time_ms < c->stats.first_ms)
                c->stats.first_ms = r->time_ms;
        if (r->time_ms > c->stats.last_ms)
                c->stats.last_ms = r->time_ms;
        c->stats.matched++;
        c->rec->events++;
        if (r->pid > 0 && !pid_set_contains(&c->pids, r->pid)) {
                if ((k = pid_set_add(&c->pids, r->pid)) < 0)
                        return k;
                c->rec->processes++;
        }
        return 0;
}

/* Adds a parsed line; only memory errors fail. */
static int audit_collector_add(struct audit_collector *c, const struct audit_line *l) {
        switch (l->kind) {
        case AUDIT_LINE_SECCOMP:
                return add_seccomp(c, &l->seccomp);
        case AUDIT_LINE_SUPPRESSED:
                c->stats.suppressed += l->count;
                return 0;
        case AUDIT_LINE_LOST:
                if (!c->stats.lost_seen || l->count < c->stats.lost_min)
                        c->stats.lost_min = l->count;
                if (!c->stats.lost_seen || l->count > c->stats.lost_max)
                        c->stats.lost_max = l->count;
                c->stats.lost_seen = true;
                return 0;
        default:
                return 0;
        }
}

static void note_unparseable(struct audit_collector *c, struct parse_error *err, unsigned lineno) {
        c->stats.seccomp++;
        if (c->stats.unparseable++ > 0)
                return;
        err->line = lineno;
        parse_error_format(err, c->source ?: "-", c->stats.first_error, sizeof(c->stats.first_error));
}

int audit_collector_feed_line(struct audit_collector *c, const char *line, size_t size, unsigned lineno) {
        struct audit_line l;
        struct parse_error err = {};

        if (audit_parse_line(line, size, &l, &err) < 0) {
                note_unparseable(c, &err, lineno);
                return 0;
        }
        return audit_collector_add(c, &l);
}

int audit_collector_feed_message(struct audit_collector *c, unsigned type, const char *body, size_t size) {
        struct audit_line l;
        struct parse_error err = {};

        if (audit_parse_body(type, body, size, &l, &err) < 0) {
                note_unparseable(c, &err, 0);
                return 0;
        }
        return audit_collector_add(c, &l);
}

uint64_t audit_stats_lost(const struct audit_stats *s) {
        return s->lost_seen ? s->lost_max - s->lost_min + 1 : 0;
}

int audit_collector_finish(struct audit_collector *c) {
        const struct audit_stats *s = &c->stats;
        int r = 0;

        if (s->suppressed > 0)
                r = recording_add_loss(c->rec, "suppressed", s->suppressed);
        if (r >= 0 && s->lost_seen)
                r = recording_add_loss(c->rec, "audit-lost", audit_stats_lost(s));
        if (r >= 0 && s->unparseable > 0)
                r = recording_add_loss(c->rec, "unparseable", s->unparseable);
        if (r >= 0 && s->foreign > 0)
                r = recording_add_loss(c->rec, "unknown-architecture", s->foreign);
        return r;
}
