/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stdbool.h>

/* generate --audit-mode and --complain-from: profiles whose default action is
 * SCMP_ACT_LOG, for the staging step whose records 'sysrec audit' reads. Each logs
 * its own errors and returns a negative errno. */

/* Usage checks: the two options exclude each other and take no RECORDING, nor the
 * options that shape a profile built from one (other_options). Returns 1 when good,
 * -EINVAL (logged) otherwise, as parse_argv() does. */
int generate_audit_check_args(bool audit_mode, const char *complain_from, int n_recordings, bool other_options);

/* --complain-from when from is not NULL, --audit-mode otherwise. */
int generate_audit_write(const char *from, const char *path);
