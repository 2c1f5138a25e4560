/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <fcntl.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/pidfd.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
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
        for (;;) {
                size_t n = strcspn(path, ":");

                /* an empty entry, trailing ones included, is the current directory */
                if (n == 0 ? asprintf(&p, "./%s", name) < 0 : asprintf(&p, "%.*s/%s", (int) n, path, name) < 0)
                        return -ENOMEM;
                if (is_executable_file(p)) {
                        *ret = p;
                        return 0;
                }
                free(p);
                path += n;
                if (*path != ':')
                        return -ENOENT;
                path++;
        }
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
        if (flags & SECCOMP_FILTER_FLAG_NEW_LISTENER)
                return (int) r; /* the listener's descriptor */
        /* with SECCOMP_FILTER_FLAG_TSYNC, a thread that could not be synchronised */
        return r > 0 ? -EAGAIN : 0;
}

static _Noreturn void child_fail(int fd, enum child_stage stage, int error, int status) {
        struct child_report report = { .stage = stage, .error = error };
        ssize_t _unused_ n = write(fd, &report, sizeof(report));
        _exit(status);
}

struct child_params {
        const char *path;
        char *const *argv;
        const struct sock_fprog *filter;
        unsigned filter_flags;
        int wait_fd, report_fd;
        int *listener_slot; /* shared with the parent */
};

static _Noreturn void child_run(const struct child_params *c) {
        sigset_t none;
        char ch;

        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        /* Held until the tracer has seized us. */
        if (read(c->wait_fd, &ch, 1) != 1)
                _exit(127);
        close(c->wait_fd);
        if (c->filter) {
                int r = install_filter(c->filter, c->filter_flags);
                if (r < 0)
                        child_fail(c->report_fd, CHILD_STAGE_FILTER, -r, 126);
                /* Publish the listener's number by a plain store, which is no syscall,
                 * then spin until the parent holds a copy: a syscall the filter lets
                 * through (execve, in complain mode) would close it (O_CLOEXEC) or
                 * let the number be reused before the parent took it. */
                if (c->listener_slot) {
                        __atomic_store_n(&c->listener_slot[0], r, __ATOMIC_RELEASE);
                        /* Bounded, so a parent that died does not leave us spinning,
                         * by the time-stamp counter (no syscall): some 10^11 cycles,
                         * far beyond the parent's own ten-second wait, so that the
                         * parent always gives up first and kills us still held. */
                        uint64_t start = __builtin_ia32_rdtsc();
                        while (!__atomic_load_n(&c->listener_slot[1], __ATOMIC_ACQUIRE))
                                if (__builtin_ia32_rdtsc() - start > 100000000000ULL)
                                        break;
                }
        }
        execv(c->path, c->argv);
        child_fail(c->report_fd, CHILD_STAGE_EXEC, errno, 127);
}

static void close_pair(int fds[2]) {
        close(fds[0]);
        close(fds[1]);
}

int process_spawn_held(const char *path, char *const *argv, const struct sock_fprog *filter, unsigned filter_flags,
                       struct held_child *ret) {
        struct child_params params = { .path = path, .argv = argv, .filter = filter, .filter_flags = filter_flags };
        int wait_pipe[2], report_pipe[2], *slot = NULL, r;
        pid_t pid;

        if (filter_flags & SECCOMP_FILTER_FLAG_NEW_LISTENER) {
                slot = mmap(NULL, 2 * sizeof(int), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
                if (slot == MAP_FAILED)
                        return -errno;
                slot[0] = -1; /* the listener's number */
                slot[1] = 0;  /* set once the parent holds it */
        }
        if (pipe2(wait_pipe, O_CLOEXEC) < 0) {
                r = -errno;
                goto fail_slot;
        }
        if (pipe2(report_pipe, O_CLOEXEC) < 0) {
                r = -errno;
                goto fail_wait;
        }
        pid = fork();
        if (pid < 0) {
                r = -errno;
                close_pair(report_pipe);
                goto fail_wait;
        }
        if (pid == 0) {
                close(wait_pipe[1]);
                close(report_pipe[0]);
                params.wait_fd = wait_pipe[0];
                params.report_fd = report_pipe[1];
                params.listener_slot = slot;
                child_run(&params);
        }
        close(wait_pipe[0]);
        close(report_pipe[1]);
        *ret = (struct held_child){
                .pid = pid, .release_fd = wait_pipe[1], .report_fd = report_pipe[0], .listener_slot = slot
        };
        return 0;

fail_wait:
        close_pair(wait_pipe);
fail_slot:
        if (slot)
                munmap(slot, 2 * sizeof(int));
        return r;
}

/* The child's listener number, once it has stored it; -ECHILD if it failed or died
 * first (its report pipe then reads or closes). Polls: the child cannot signal us
 * without a syscall, and its syscalls wait for the listener. */
static int wait_listener_number(struct held_child *c) {
        for (unsigned i = 0; i < 11000; i++) { /* about ten seconds */
                int fd = __atomic_load_n(c->listener_slot, __ATOMIC_ACQUIRE);
                struct pollfd p = { .fd = c->report_fd, .events = POLLIN };

                if (fd >= 0)
                        return fd;
                if (poll(&p, 1, i < 1000 ? 0 : 1) > 0)
                        return -ECHILD;
        }
        return -ETIMEDOUT;
}

static bool is_seccomp_listener(int fd) {
        char path[64], target[64];
        ssize_t n;

        snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
        n = readlink(path, target, sizeof(target) - 1);
        if (n < 0)
                return false;
        target[n] = 0;
        return strcmp(target, "anon_inode:seccomp notify") == 0;
}

int process_take_listener(struct held_child *c, int *ret_fd) {
        _cleanup_close_ int pidfd = -1;
        int number, fd;

        if (!c->listener_slot)
                return -EINVAL;
        number = wait_listener_number(c);
        if (number < 0)
                return number;
        pidfd = pidfd_open(c->pid, 0);
        if (pidfd < 0)
                return -errno;
        fd = pidfd_getfd(pidfd, number, 0);
        if (fd < 0)
                return -errno;
        if (!is_seccomp_listener(fd)) { /* the child gave up waiting and went on */
                close(fd);
                return -ETIMEDOUT;
        }
        __atomic_store_n(&c->listener_slot[1], 1, __ATOMIC_RELEASE);
        *ret_fd = fd;
        return 0;
}

int process_release(struct held_child *c) {
        const struct timespec zero = {};
        sigset_t pipe_set, old;
        ssize_t n;
        int r;

        /* A child that died before its release (a Ctrl-C) makes this write raise
         * SIGPIPE, which must not kill us: blocked, then taken off if it came. */
        sigemptyset(&pipe_set);
        sigaddset(&pipe_set, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &pipe_set, &old);
        n = write(c->release_fd, "", 1);
        r = n == 1 ? 0 : -errno;
        if (r == -EPIPE)
                (void) sigtimedwait(&pipe_set, NULL, &zero);
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        close(c->release_fd);
        c->release_fd = -1;
        return r;
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
        if (c->listener_slot)
                munmap(c->listener_slot, 2 * sizeof(int));
        c->listener_slot = NULL;
        if (c->release_fd >= 0)
                close(c->release_fd);
        if (c->report_fd >= 0)
                close(c->report_fd);
        c->release_fd = c->report_fd = -1;
}

char *process_read_exe(pid_t pid) {
        char path[64], exe[4096];
        ssize_t n;

        snprintf(path, sizeof(path), "/proc/%d/exe", pid);
        n = readlink(path, exe, sizeof(exe) - 1);
        if (n <= 0)
                return NULL;
        exe[n] = 0;
        return strdup(exe);
}

void process_origin_read(pid_t pid, struct syscall_origin *o) {
        char path[64];
        _cleanup_close_ int fd = -1;
        ssize_t n;

        o->pid = pid;
        snprintf(path, sizeof(path), "/proc/%d/comm", pid);
        fd = open(path, O_RDONLY | O_CLOEXEC);
        n = fd >= 0 ? read(fd, o->comm, sizeof(o->comm) - 1) : -1;
        o->comm[n > 0 ? n : 0] = 0;
        o->comm[strcspn(o->comm, "\n")] = 0;
        o->exe = process_read_exe(pid);
}

pid_t process_tgid(pid_t tid) {
        char path[64], buf[1024];
        _cleanup_close_ int fd = -1;
        const char *p;
        ssize_t n;

        snprintf(path, sizeof(path), "/proc/%d/status", tid);
        fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
                return 0;
        n = read(fd, buf, sizeof(buf) - 1);
        if (n <= 0)
                return 0;
        buf[n] = 0;
        p = strstr(buf, "\nTgid:");
        return p ? (pid_t) strtol(p + 6, NULL, 10) : 0;
}
