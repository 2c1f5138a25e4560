/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <linux/audit.h>
#include <linux/seccomp.h>
#include <stdio.h>
#include <string.h>

#include "sysrec/audit-parse.h"
#include "sysrec/macro.h"
#include "sysrec/parse-number.h"

/* The parser runs over audit logs of gigabytes: it never copies or allocates, and
 * reads numbers straight from the line, which need not be NUL-terminated. */

#define LITERAL(s)     (s), (sizeof(s) - 1)
#define MIN_SIZE(a, b) ((a) < (b) ? (a) : (b))

/* enriched auditd logs append the interpreted fields after this separator */
#define AUDIT_ENRICHED_SEPARATOR '\035'

static bool span_eq(const char *p, size_t n, const char *s, size_t sn) {
        return n == sn && memcmp(p, s, n) == 0;
}

static bool is_space(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Decimal digits of p[0..n) into *ret; -EINVAL when empty or not all digits. */
static int span_decimal(const char *p, size_t n, uint64_t *ret) {
        if (n == 0 || n > 20)
                return -EINVAL;
        return parse_digits(p, n, ret);
}

static int hex_digit(char c) {
        if (c >= '0' && c <= '9')
                return c - '0';
        if (c >= 'a' && c <= 'f')
                return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
                return c - 'A' + 10;
        return -1;
}

/* Hex digits, with or without 0x, of at most 8 digits (arch= and code=). */
static int span_hex32(const char *p, size_t n, uint32_t *ret) {
        uint32_t v = 0;

        if (n >= 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
                p += 2;
                n -= 2;
        }
        if (n == 0 || n > 8)
                return -EINVAL;
        for (size_t i = 0; i < n; i++) {
                int d = hex_digit(p[i]);
                if (d < 0)
                        return -EINVAL;
                v = v << 4 | (uint32_t) d;
        }
        *ret = v;
        return 0;
}

static int span_signed(const char *p, size_t n, int64_t *ret) {
        bool negative = n > 0 && p[0] == '-';
        uint64_t v;
        int r = span_decimal(p + negative, n - negative, &v);

        if (r < 0)
                return r;
        if (v > (uint64_t) INT64_MAX)
                return -ERANGE;
        *ret = negative ? -(int64_t) v : (int64_t) v;
        return 0;
}

/* Where "audit(SECONDS.MILLIS:SERIAL)" ends, after its ':'; NULL when malformed. */
static const char *parse_stamp(const char *p, const char *end, struct audit_seccomp_record *rec) {
        const char *dot, *colon, *close;
        uint64_t sec, ms;

        dot = memchr(p, '.', end - p);
        colon = dot ? memchr(dot, ':', end - dot) : NULL;
        close = colon ? memchr(colon, ')', end - colon) : NULL;
        if (!close || span_decimal(p, dot - p, &sec) < 0 || span_decimal(dot + 1, colon - dot - 1, &ms) < 0 ||
            ms > 999 || span_decimal(colon + 1, close - colon - 1, &rec->serial) < 0 || sec > UINT64_MAX / 1000 - 1)
                return NULL;
        rec->time_ms = sec * 1000 + ms;
        p = close + 1;
        return p < end && *p == ':' ? p + 1 : p;
}

/* Reads one key=value pair at *pp; false at the end of the pairs. */
static bool next_pair(const char **pp, const char *end, struct audit_value *key, struct audit_value *value) {
        const char *p = *pp, *q;

        while (p < end && is_space(*p))
                p++;
        if (p >= end || *p == AUDIT_ENRICHED_SEPARATOR)
                return false;
        for (q = p; q < end && *q != '=' && !is_space(*q); q++)
                ;
        *key = (struct audit_value){ p, q - p, false };
        if (q >= end || *q != '=') { /* a bare word: not a pair, skip it */
                *value = (struct audit_value){ q, 0, false };
                *pp = q;
                return true;
        }
        p = q + 1;
        if (p < end && (*p == '"' || *p == '\'')) {
                const char *close = memchr(p + 1, *p, end - p - 1);
                q = close ?: end; /* a truncated value runs to the end */
                *value = (struct audit_value){ p + 1, q - p - 1, true };
                *pp = close ? close + 1 : end;
                return true;
        }
        for (q = p; q < end && !is_space(*q) && *q != AUDIT_ENRICHED_SEPARATOR; q++)
                ;
        *value = (struct audit_value){ p, q - p, false };
        *pp = q;
        return true;
}

struct seen {
        bool arch, syscall;
};

static int store_pair(const struct audit_value *k, const struct audit_value *v, struct audit_seccomp_record *rec,
                      struct seen *seen) {
        uint64_t u;

        switch (k->n) {
        case 3:
                if (span_eq(k->p, k->n, LITERAL("pid")))
                        return span_decimal(v->p, v->n, &u) < 0 || u > INT32_MAX ? -EINVAL : (rec->pid = u, 0);
                if (span_eq(k->p, k->n, LITERAL("ses"))) {
                        if (span_decimal(v->p, v->n, &u) < 0 || u > UINT32_MAX)
                                return -EINVAL;
                        rec->ses = u;
                        rec->has_ses = true;
                } else if (span_eq(k->p, k->n, LITERAL("exe")))
                        rec->exe = *v;
                return 0;
        case 4:
                if (span_eq(k->p, k->n, LITERAL("comm")))
                        rec->comm = *v;
                else if (span_eq(k->p, k->n, LITERAL("arch")))
                        return seen->arch = true, span_hex32(v->p, v->n, &rec->audit_arch);
                else if (span_eq(k->p, k->n, LITERAL("code")))
                        return rec->has_code = true, span_hex32(v->p, v->n, &rec->code);
                return 0;
        case 7:
                if (span_eq(k->p, k->n, LITERAL("syscall")))
                        return seen->syscall = true, span_signed(v->p, v->n, &rec->nr);
                return 0;
        default:
                return 0;
        }
}

static int parse_pairs(const char *line, const char *p, const char *end, struct audit_seccomp_record *rec,
                       struct parse_error *err) {
        struct audit_value k, v;
        struct seen seen = {};
        char field[16];

        while (next_pair(&p, end, &k, &v)) {
                if (k.n == 0 || v.p == k.p + k.n) /* a bare word */
                        continue;
                if (store_pair(&k, &v, rec, &seen) < 0) {
                        snprintf(field, sizeof(field), "%.*s", (int) MIN_SIZE(k.n, sizeof(field) - 1), k.p);
                        return parse_error_set(err, -EINVAL, 0, (unsigned) (v.p - line) + 1, field, "bad value '%.*s'",
                                               (int) MIN_SIZE(v.n, 40), v.p);
                }
        }
        if (!seen.arch || !seen.syscall)
                return parse_error_set(err, -EINVAL, 0, (unsigned) (end - line) + 1, seen.arch ? "syscall" : "arch",
                                       "seccomp record without %s= (truncated?)", seen.arch ? "syscall" : "arch");
        return 0;
}

static int parse_seccomp(const char *line, const char *p, const char *end, struct audit_line *ret,
                         struct parse_error *err) {
        const char *stamp = memmem(p, end - p, "audit(", 6);

        ret->kind = AUDIT_LINE_SECCOMP;
        if (stamp)
                stamp = parse_stamp(stamp + 6, end, &ret->seccomp);
        if (!stamp)
                return parse_error_set(err, -EINVAL, 0, (unsigned) (p - line) + 1, "msg",
                                       "seccomp record without a valid audit(SECONDS.MILLIS:SERIAL) stamp");
        return parse_pairs(line, stamp, end, &ret->seccomp, err);
}

int audit_parse_body(unsigned type, const char *body, size_t size, struct audit_line *ret, struct parse_error *err) {
        *ret = (struct audit_line){ .kind = AUDIT_LINE_OTHER };
        if (type != AUDIT_SECCOMP)
                return 0;
        return parse_seccomp(body, body, body + size, ret, err);
}

/* "NAME: N callbacks suppressed" of the kernel's printk rate limit, when NAME is
 * audit's (kauditd_printk_skb, audit, audit_log_lost...). */
static bool parse_suppressed(const char *line, const char *end, uint64_t *ret) {
        const char *m = memmem(line, end - line, LITERAL(" callbacks suppressed")), *d;
        const char *audit = memmem(line, end - line, LITERAL("audit"));

        if (!m || !audit || audit > m)
                return false;
        for (d = m; d > line && d[-1] >= '0' && d[-1] <= '9'; d--)
                ;
        return span_decimal(d, m - d, ret) >= 0;
}

/* "audit: audit_lost=N audit_rate_limit=R audit_backlog_limit=B" */
static bool parse_lost(const char *line, const char *end, uint64_t *ret) {
        const char *m = memmem(line, end - line, LITERAL("audit_lost=")), *q;

        if (!m)
                return false;
        m += sizeof("audit_lost=") - 1;
        for (q = m; q < end && *q >= '0' && *q <= '9'; q++)
                ;
        return span_decimal(m, q - m, ret) >= 0;
}

int audit_parse_line(const char *line, size_t size, struct audit_line *ret, struct parse_error *err) {
        const char *end = line + size, *type = memmem(line, size, LITERAL("type=")), *t;

        *ret = (struct audit_line){ .kind = AUDIT_LINE_OTHER };
        if (!type) {
                if (parse_suppressed(line, end, &ret->count))
                        ret->kind = AUDIT_LINE_SUPPRESSED;
                else if (parse_lost(line, end, &ret->count))
                        ret->kind = AUDIT_LINE_LOST;
                return 0;
        }
        type += 5;
        for (t = type; t < end && !is_space(*t); t++)
                ;
        if (!span_eq(type, t - type, LITERAL("SECCOMP")) && !span_eq(type, t - type, LITERAL("1326")))
                return 0;
        return parse_seccomp(line, t, end, ret, err);
}

size_t audit_value_decode(const struct audit_value *v, char *buf, size_t size) {
        size_t n = 0;
        bool hex = !v->quoted && v->n % 2 == 0 && v->n > 0;

        if (size == 0)
                return 0;
        for (size_t i = 0; hex && i < v->n; i++)
                hex = hex_digit(v->p[i]) >= 0;
        if (hex)
                for (size_t i = 0; i < v->n && n + 1 < size; i += 2)
                        buf[n++] = (char) (hex_digit(v->p[i]) << 4 | hex_digit(v->p[i + 1]));
        else if (v->quoted || !span_eq(v->p, v->n, LITERAL("(null)")))
                for (; n < v->n && n + 1 < size; n++)
                        buf[n] = v->p[n];
        buf[n] = 0;
        return n;
}

unsigned audit_action_from_code(uint32_t code) {
        switch (code & SECCOMP_RET_ACTION_FULL) {
        case SECCOMP_RET_KILL_PROCESS:
        case SECCOMP_RET_KILL_THREAD:
                return AUDIT_ACTION_KILL;
        case SECCOMP_RET_TRAP:
                return AUDIT_ACTION_TRAP;
        case SECCOMP_RET_ERRNO:
                return AUDIT_ACTION_ERRNO;
        case SECCOMP_RET_USER_NOTIF:
                return AUDIT_ACTION_NOTIFY;
        case SECCOMP_RET_TRACE:
                return AUDIT_ACTION_TRACE;
        case SECCOMP_RET_LOG:
                return AUDIT_ACTION_LOG;
        case SECCOMP_RET_ALLOW:
                return AUDIT_ACTION_ALLOW;
        default:
                return AUDIT_ACTION_UNKNOWN;
        }
}

static const struct {
        const char *name;
        unsigned mask;
} action_names[] = {
        { "kill", AUDIT_ACTION_KILL },     { "trap", AUDIT_ACTION_TRAP },   { "errno", AUDIT_ACTION_ERRNO },
        { "notify", AUDIT_ACTION_NOTIFY }, { "trace", AUDIT_ACTION_TRACE }, { "log", AUDIT_ACTION_LOG },
        { "allow", AUDIT_ACTION_ALLOW },   { "all", AUDIT_ACTION_ALL },
};

int audit_action_from_string(const char *s, unsigned *ret_mask) {
        for (size_t i = 0; i < ELEMENTSOF(action_names); i++)
                if (strcmp(action_names[i].name, s) == 0) {
                        *ret_mask = action_names[i].mask;
                        return 0;
                }
        return -EINVAL;
}
