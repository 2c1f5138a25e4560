/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <fcntl.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sysrec/macro.h"
#include "sysrec/process.h"

static bool is_executable_file(const char *path) {
        struct stat st;
        return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

int process_find_executable(const char *name, char **ret) {
        const char *path = getenv("PATH");
        char *p;

        if (strchr(name, '/')) {
                if (!is_executable_file(name))
                        return access(name, F_OK) == 0 ? -EACCES : -ENOENT;
                p = strdup(name);
                if (!p)
                        return -ENOMEM;
                *ret = p;
                return 0;
        }
        if (!path)
                path = "/usr/local/bin:/usr/bin:/bin";
        while (*path) {
                size_t n = strcspn(path, ":");

                if (asprintf(&p, "%.*s/%s", (int) n, n ? path : ".", name) < 0)
                        return -ENOMEM;
                if (is_executable_file(p)) {
                        *ret = p;
                        return 0;
                }
                free(p);
                path += n;
                if (*path == ':')
                        path++;
        }
        return -ENOENT;
}

static struct sock_filter trace_all_code[] = {
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE),
};
const struct sock_fprog process_trace_all_filter = { .len = 1, .filter = trace_all_code };

static int install_filter(const struct sock_fprog *prog, unsigned flags) {
        long r = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, flags, prog);

        if (r < 0 && errno == EACCES) {
                /* Without CAP_SYS_ADMIN the kernel wants no_new_privs first. Only then:
                 * it changes what a setuid program in the target can do. */
                if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
                        return -errno;
                r = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, flags, prog);
        }
        if (r < 0)
                return -errno;
        /* with SECCOMP_FILTER_FLAG_TSYNC, a thread that could not be synchronised */
        return r > 0 ? -EAGAIN : 0;
}

static _Noreturn void child_fail(int fd, enum child_stage stage, int error, int status) {
        struct child_report report = { .stage = stage, .error = error };
        ssize_t _unused_ n = write(fd, &report, sizeof(report));
        _exit(status);
}

static _Noreturn void child_run(const char *path, char *const *argv, const struct sock_fprog *filter,
                                unsigned filter_flags, int wait_fd, int report_fd) {
        sigset_t none;
        char c;

        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        /* Held until the tracer has seized us. */
        if (read(wait_fd, &c, 1) != 1)
                _exit(127);
        close(wait_fd);
        if (filter) {
                int r = install_filter(filter, filter_flags);
                if (r < 0)
                        child_fail(report_fd, CHILD_STAGE_FILTER, -r, 126);
        }
        execv(path, argv);
        child_fail(report_fd, CHILD_STAGE_EXEC, errno, 127);
}

int process_spawn_held(const char *path, char *const *argv, const struct sock_fprog *filter, unsigned filter_flags,
                       struct held_child *ret) {
        int wait_pipe[2], report_pipe[2];
        pid_t pid;

        if (pipe2(wait_pipe, O_CLOEXEC) < 0)
                return -errno;
        if (pipe2(report_pipe, O_CLOEXEC) < 0) {
                int r = -errno;
                close(wait_pipe[0]);
                close(wait_pipe[1]);
                return r;
        }
        pid = fork();
        if (pid < 0) {
                int r = -errno;
                close(wait_pipe[0]);
                close(wait_pipe[1]);
                close(report_pipe[0]);
                close(report_pipe[1]);
                return r;
        }
        if (pid == 0) {
                close(wait_pipe[1]);
                close(report_pipe[0]);
                child_run(path, argv, filter, filter_flags, wait_pipe[0], report_pipe[1]);
        }
        close(wait_pipe[0]);
        close(report_pipe[1]);
        *ret = (struct held_child){ .pid = pid, .release_fd = wait_pipe[1], .report_fd = report_pipe[0] };
        return 0;
}

int process_release(struct held_child *c) {
        ssize_t n = write(c->release_fd, "", 1);

        close(c->release_fd);
        c->release_fd = -1;
        return n == 1 ? 0 : -errno;
}

int process_read_report(struct held_child *c, struct child_report *ret) {
        ssize_t n;

        do
                n = read(c->report_fd, ret, sizeof(*ret));
        while (n < 0 && errno == EINTR);
        if (n < 0)
                return -errno;
        return n == (ssize_t) sizeof(*ret) ? 1 : 0;
}

void held_child_done(struct held_child *c) {
        if (c->release_fd >= 0)
                close(c->release_fd);
        if (c->report_fd >= 0)
                close(c->report_fd);
        c->release_fd = c->report_fd = -1;
}
