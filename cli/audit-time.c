/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "sysrec/parse-number.h"

/* "SECONDS" or "SECONDS.FRACTION", with an optional leading '@' as date(1) takes it. */
static int parse_epoch(const char *s, uint64_t *ret_ms) {
        char whole[32], frac[4] = "000";
        const char *dot;
        uint64_t sec, ms;
        size_t n;

        if (*s == '@')
                s++;
        dot = strchr(s, '.');
        n = dot ? (size_t) (dot - s) : strlen(s);
        if (n == 0 || n >= sizeof(whole) || strspn(s, "0123456789") != n)
                return -EINVAL;
        memcpy(whole, s, n);
        whole[n] = 0;
        if (dot) {
                size_t f = strlen(dot + 1);
                if (f == 0 || strspn(dot + 1, "0123456789") != f)
                        return -EINVAL;
                memcpy(frac, dot + 1, f < 3 ? f : 3);
        }
        if (parse_uint64(whole, &sec) < 0 || parse_uint64(frac, &ms) < 0 || sec > UINT64_MAX / 1000 - 1)
                return -ERANGE;
        *ret_ms = sec * 1000 + ms;
        return 0;
}

static int parse_date(const char *s, uint64_t *ret_ms) {
        static const char *const formats[] = { "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d" };

        for (size_t i = 0; i < ELEMENTSOF(formats); i++) {
                struct tm tm = { .tm_isdst = -1 };
                const char *end = strptime(s, formats[i], &tm);
                time_t t;

                if (!end || (*end && strcmp(end, "Z") != 0))
                        continue;
                t = *end == 'Z' ? timegm(&tm) : mktime(&tm);
                if (t < 0)
                        return -ERANGE;
                *ret_ms = (uint64_t) t * 1000;
                return 0;
        }
        return -EINVAL;
}

int audit_time_parse(const char *s, uint64_t *ret_ms) {
        if (parse_epoch(s, ret_ms) >= 0)
                return 0;
        return parse_date(s, ret_ms);
}
