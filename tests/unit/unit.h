/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Each unit test file defines this; check-main.c runs it. */
Suite *unit_suite(void);

/* Path of a file under tests/data (from SYSREC_TEST_DATA, set by meson). Static buffer. */
static inline const char *unit_data_path(const char *name) {
        static char buf[4096];
        const char *dir = getenv("SYSREC_TEST_DATA");
        snprintf(buf, sizeof(buf), "%s/%s", dir ? dir : "tests/data", name);
        return buf;
}
