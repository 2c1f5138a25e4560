/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "sysrec/parse-number.h"

int parse_uint64(const char *s, uint64_t *ret) {
        unsigned long long v;
        char *end;

        if (!s || !*s || isspace((unsigned char) *s) || *s == '-' || *s == '+')
                return -EINVAL;
        errno = 0;
        v = strtoull(s, &end, 0);
        if (errno == ERANGE)
                return -ERANGE;
        if (*end != 0 || errno != 0)
                return -EINVAL;
        *ret = v;
        return 0;
}

int parse_uint32(const char *s, uint32_t *ret) {
        uint64_t v;
        int r = parse_uint64(s, &v);

        if (r < 0)
                return r;
        if (v > UINT32_MAX)
                return -ERANGE;
        *ret = (uint32_t) v;
        return 0;
}

int parse_int(const char *s, int *ret) {
        long v;
        char *end;

        if (!s || !*s || isspace((unsigned char) *s))
                return -EINVAL;
        errno = 0;
        v = strtol(s, &end, 0);
        if (errno == ERANGE || v < INT_MIN || v > INT_MAX)
                return -ERANGE;
        if (*end != 0 || errno != 0)
                return -EINVAL;
        *ret = (int) v;
        return 0;
}

int parse_pid(const char *s, pid_t *ret) {
        uint32_t v;
        int r = parse_uint32(s, &v);

        if (r < 0)
                return r;
        if (v == 0 || v > INT_MAX)
                return -ERANGE;
        *ret = (pid_t) v;
        return 0;
}

int parse_digits(const char *s, size_t n, uint64_t *ret) {
        uint64_t v = 0;

        for (size_t i = 0; i < n; i++) {
                if (s[i] < '0' || s[i] > '9')
                        return -EINVAL;
                if (v > (UINT64_MAX - (unsigned) (s[i] - '0')) / 10)
                        return -ERANGE;
                v = v * 10 + (unsigned) (s[i] - '0');
        }
        *ret = v;
        return 0;
}

int parse_duration_nsec(const char *s, uint64_t *ret) {
        const char *dot = s ? strchr(s, '.') : NULL;
        size_t n_whole = dot ? (size_t) (dot - s) : (s ? strlen(s) : 0);
        size_t n_frac = dot ? strlen(dot + 1) : 0;
        uint64_t whole = 0, frac = 0;
        int r;

        if (n_whole + n_frac == 0 || n_frac > 9 || (dot && n_frac == 0))
                return -EINVAL;
        if ((r = parse_digits(s, n_whole, &whole)) < 0 || (r = parse_digits(dot ? dot + 1 : "", n_frac, &frac)) < 0)
                return r;
        for (size_t i = n_frac; i < 9; i++)
                frac *= 10;
        if (whole > (UINT64_MAX - frac) / 1000000000U)
                return -ERANGE;
        *ret = whole * 1000000000U + frac;
        return 0;
}
