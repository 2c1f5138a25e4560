/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <errno.h>
#include <stdarg.h>

#include "sysrec/macro.h"

/* Where a parser of outside input (JSON profiles and recordings, audit lines) found
 * a problem, so the CLI prints "FILE:LINE:COLUMN: FIELD: MESSAGE". line and column
 * are 1-based; 0 means unknown (json-c does not keep positions of valid values, so
 * semantic errors carry the field path, e.g. "syscalls[3].action"). */
struct parse_error {
        unsigned line, column;
        char field[128];
        char message[256];
};

/* Fills err (when not NULL) and returns error (negative errno) for "return ...". */
int parse_error_set(struct parse_error *err, int error, unsigned line, unsigned column, const char *field,
                    const char *format, ...) _printf_(6, 7);

/* Formats "FILE:LINE:COLUMN: FIELD: MESSAGE", leaving out what is unknown. */
void parse_error_format(const struct parse_error *err, const char *file, char *buf, size_t size);

/* parse_error_set() for a field with no position and a fixed message. */
static inline int parse_error_field(struct parse_error *err, const char *field, const char *message) {
        return parse_error_set(err, -EINVAL, 0, 0, field, "%s", message);
}
