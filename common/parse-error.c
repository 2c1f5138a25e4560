/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <string.h>

#include "sysrec/parse-error.h"

int parse_error_set(struct parse_error *err, int error, unsigned line, unsigned column, const char *field,
                    const char *format, ...) {
        va_list ap;

        if (!err)
                return error;
        err->line = line;
        err->column = column;
        snprintf(err->field, sizeof(err->field), "%s", field ?: "");
        va_start(ap, format);
        vsnprintf(err->message, sizeof(err->message), format, ap);
        va_end(ap);
        return error;
}

void parse_error_format(const struct parse_error *err, const char *file, char *buf, size_t size) {
        int n = snprintf(buf, size, "%s", file ?: "");

        if (n < 0 || (size_t) n >= size)
                return;
        if (err->line > 0)
                n += snprintf(buf + n, size - n, ":%u", err->line);
        if (err->column > 0 && (size_t) n < size)
                n += snprintf(buf + n, size - n, ":%u", err->column);
        if (err->field[0] && (size_t) n < size)
                n += snprintf(buf + n, size - n, ": %s", err->field);
        if ((size_t) n < size)
                snprintf(buf + n, size - n, ": %s", err->message);
}
