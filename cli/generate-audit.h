/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stdbool.h>

/* generate --audit-mode and --complain-from: profiles whose default action is
 * SCMP_ACT_LOG, for the staging step whose records 'sysrec audit' reads. Each logs
 * its own errors and returns a negative errno. */

/* {"defaultAction": "SCMP_ACT_LOG"} with the architectures this machine runs (x86_64,
 * x86 and x32 here): with none listed, runtimes load the native one only, and a
 * 32-bit program's syscalls would meet the bad-architecture action (a kill) instead
 * of being logged. */
int generate_audit_mode_write(const char *path);

/* from's rules as they are, with SCMP_ACT_LOG as the default: what it allows runs
 * quietly, what it explicitly denies stays denied, everything else is logged. */
int generate_complain_from_write(const char *from, const char *path);

/* Usage checks: the two options exclude each other and take no RECORDING. Returns 1
 * when good, -EINVAL (logged) otherwise, as parse_argv() does. */
int generate_audit_check_args(bool audit_mode, const char *complain_from, int n_recordings);

/* --complain-from when from is not NULL, --audit-mode otherwise. */
int generate_audit_write(const char *from, const char *path);
