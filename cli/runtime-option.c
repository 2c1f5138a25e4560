/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <string.h>

#include "runtime-option.h"
#include "sysrec/log.h"
#include "sysrec/runtime-baseline.h"

int runtime_option_parse(const char *arg, const char **ret) {
        if (strcmp(arg, "none") == 0) {
                *ret = NULL;
                return 0;
        }
        if (!runtime_baseline_known(arg))
                return log_error_errno(-EINVAL,
                                       "No baseline was measured for the runtime '%s'; --runtime takes crun, runc "
                                       "or none.",
                                       arg);
        *ret = arg;
        return 0;
}

int runtime_option_apply(const char *runtime, struct syscall_set *set) {
        int r;

        if (!runtime)
                return 0;
        r = runtime_baseline_add(runtime, set);
        return r < 0 ? log_error_errno(r, "Failed to add the baseline of %s: %m", runtime) : 0;
}
