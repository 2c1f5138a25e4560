/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The end-of-stream marker: a child of ours whose only audit record is a seccomp
 * SECCOMP_RET_LOG one. kauditd sends records in the order they were made, so when the
 * marker's record arrives every record made before it has arrived too: the reader
 * stops without guessing a quiet period. */
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sysrec/audit-source.h"

static _Noreturn void marker_child(void) {
        struct sock_filter log_all = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_LOG);
        struct sock_fprog prog = { .len = 1, .filter = &log_all };

        if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 || syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) < 0)
                _exit(1);
        (void) syscall(SYS_getppid);
        _exit(0);
}

int audit_marker_fire(pid_t *ret_pid) {
        int status;
        pid_t pid = fork();

        if (pid < 0)
                return negative_errno();
        if (pid == 0)
                marker_child();
        while (waitpid(pid, &status, 0) < 0)
                if (errno != EINTR)
                        return negative_errno();
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
                return -EPERM;
        *ret_pid = pid;
        return 0;
}
