/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "sysrec/log.h"

static int log_max_level = LOG_INFO;

void log_set_max_level(int level) {
        log_max_level = level;
}

int log_get_max_level(void) {
        return log_max_level;
}

int log_internal(int level, int error, const char *format, ...) {
        int e = error < 0 ? -error : error;

        if (level <= log_max_level) {
                va_list ap;

                /* glibc's %m reads errno: point it at the error we were given. */
                errno = e;
                va_start(ap, format);
                fputs("sysrec: ", stderr);
                vfprintf(stderr, format, ap);
                fputc('\n', stderr);
                va_end(ap);
        }

        return e > 0 ? -e : -EIO;
}
