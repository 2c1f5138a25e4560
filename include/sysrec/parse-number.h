/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Checked parsing: the whole string must be a number in range (no sign for unsigned,
 * no trailing garbage, no empty string). Base 0: decimal, 0x hex, 0 octal.
 * Returns 0, -EINVAL for non-numbers, -ERANGE when out of range. */
int parse_uint64(const char *s, uint64_t *ret);
int parse_uint32(const char *s, uint32_t *ret);
int parse_int(const char *s, int *ret);
int parse_pid(const char *s, pid_t *ret);

/* The n bytes at s, which need not be NUL-terminated, as decimal digits only: strtoull
 * would take signs, spaces and hex. No digits at all (n == 0) is 0. -EINVAL for
 * anything but a digit, -ERANGE past UINT64_MAX. */
int parse_digits(const char *s, size_t n, uint64_t *ret);

/* Seconds as a decimal with up to nine fraction digits ("2", "0.5", ".25") in
 * nanoseconds; no sign, exponent or unit. */
int parse_duration_nsec(const char *s, uint64_t *ret);
