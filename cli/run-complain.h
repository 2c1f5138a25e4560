/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "sysrec/process.h"
#include "sysrec/profile-filter.h"
#include "sysrec/profile.h"

/* sysrec run --complain: runs path under filter, profile p compiled with
 * profile_filter_compile_complain(), enforcing nothing new; reports each syscall the
 * profile would deny the first time it is made, and with update_path writes p plus
 * what was missing (*ret_update_failed if that failed, logged). Returns as
 * process_run(). */
int run_complain(struct profile *p, const struct profile_filter *filter, const char *profile_path,
                 const char *update_path, const char *path, char *const *argv, int *ret_wait_status,
                 enum child_stage *ret_stage, bool *ret_update_failed);
