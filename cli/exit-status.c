/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <sys/wait.h>

#include "verbs.h"

int exit_status_from_wait(int wait_status) {
        if (WIFSIGNALED(wait_status))
                return 128 + WTERMSIG(wait_status);
        return WEXITSTATUS(wait_status);
}
