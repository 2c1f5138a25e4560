/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Audit logs come from other machines and are often cut mid-line: any bytes must
 * give records or counted errors, never a crash, a leak or undefined behaviour. The
 * input is split into lines as sysrec audit splits a file; each line is also parsed
 * alone, not NUL-terminated, as the netlink body parser sees it. */
#include <linux/audit.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sysrec/audit-collect.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void parse_alone(const char *line, size_t n) {
        struct audit_line l;
        char buf[64];

        /* a copy of exactly n bytes, so that ASan catches a read past the line */
        char *copy = malloc(n ?: 1);
        if (!copy)
                return;
        memcpy(copy, line, n);
        if (audit_parse_line(copy, n, &l, NULL) >= 0 && l.kind == AUDIT_LINE_SECCOMP) {
                audit_value_decode(&l.seccomp.comm, buf, sizeof(buf));
                audit_value_decode(&l.seccomp.exe, buf, sizeof(buf));
        }
        (void) audit_parse_body(AUDIT_SECCOMP, copy, n, &l, NULL);
        free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
        _cleanup_(recording_freep) struct recording *rec = NULL;
        struct audit_filter f = AUDIT_FILTER_DEFAULT;
        struct audit_collector c;
        const char *p = (const char *) data, *end = p + size;
        unsigned lineno = 0;

        if (recording_new(&rec) < 0)
                return 0;
        audit_collector_init(&c, rec, &f);
        while (p < end) {
                const char *nl = memchr(p, '\n', end - p) ?: end;
                parse_alone(p, nl - p);
                if (audit_collector_feed_line(&c, p, nl - p, ++lineno) < 0)
                        abort(); /* only memory errors fail */
                p = nl + 1;
        }
        if (audit_collector_finish(&c) < 0)
                abort();
        audit_collector_done(&c);
        return 0;
}
