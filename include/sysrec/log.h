/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <syslog.h>

#include "sysrec/macro.h"

/* Diagnostics go to stderr only: stdout may carry a profile (-o -). */
void log_set_max_level(int level);
int log_get_max_level(void);

/* Prints "sysrec: MESSAGE" when level is enabled; %m expands to strerror(|error|).
 * Returns -|error| (or -EIO when error is 0 and the caller logs an error) so that
 * "return log_error_errno(r, ...)" passes the failure on. */
int log_internal(int level, int error, const char *format, ...) _printf_(3, 4);

#define log_debug(...)            log_internal(LOG_DEBUG, 0, __VA_ARGS__)
#define log_info(...)             log_internal(LOG_INFO, 0, __VA_ARGS__)
#define log_notice(...)           log_internal(LOG_NOTICE, 0, __VA_ARGS__)
#define log_warning(...)          log_internal(LOG_WARNING, 0, __VA_ARGS__)
#define log_error(...)            log_internal(LOG_ERR, 0, __VA_ARGS__)
#define log_warning_errno(e, ...) log_internal(LOG_WARNING, (e), __VA_ARGS__)
#define log_error_errno(e, ...)   log_internal(LOG_ERR, (e), __VA_ARGS__)
