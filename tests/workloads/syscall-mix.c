/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Makes a known set of syscalls across threads, a fork and an exec, plus two rare
 * ones (getcpu, sched_yield) a recording must show. Its output is the same on every
 * run, so a test can compare a run under a generated profile with a free one.
 * With --try-mkdir PATH it finally calls mkdir, which its own recording never
 * contains, and prints the result. */
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void *thread_main(void *arg) {
        unsigned cpu, node;

        (void) arg;
        syscall(SYS_getcpu, &cpu, &node, NULL);
        sched_yield();
        return NULL;
}

/* pthread_join makes a futex call only when the thread still runs, which depends on
 * timing (a tracer slows threads down): one wake of our own puts futex in every
 * run's set, so a profile recorded once lets every later run join its threads. */
static void futex_always(void) {
        static int word;

        syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}

static int run_threads(void) {
        pthread_t t[3];

        futex_always();
        for (int i = 0; i < 3; i++)
                if (pthread_create(&t[i], NULL, thread_main, NULL) != 0)
                        return -1;
        for (int i = 0; i < 3; i++)
                pthread_join(t[i], NULL);
        return 0;
}

static int run_fork_exec(const char *self) {
        int status;
        pid_t pid = fork();

        if (pid < 0)
                return -1;
        if (pid == 0) {
                execl(self, self, "--exec-child", (char *) NULL);
                _exit(127);
        }
        if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status))
                return -1;
        return WEXITSTATUS(status);
}

/* What the exec'd child does: a syscall only it makes. */
static int exec_child(void) {
        struct utsname_like {
                char b[6][65];
        } u;
        return syscall(SYS_uname, &u) < 0 ? 1 : 3;
}

int main(int argc, char *argv[]) {
        int child;

        if (argc > 1 && strcmp(argv[1], "--exec-child") == 0)
                return exec_child();
        if (run_threads() < 0) {
                fprintf(stderr, "threads failed\n");
                return 1;
        }
        child = run_fork_exec("/proc/self/exe");
        printf("threads: done\nexec child: %d\n", child);
        if (argc > 2 && strcmp(argv[1], "--try-mkdir") == 0)
                printf("mkdir: %s\n", mkdir(argv[2], 0700) < 0 ? strerror(errno) : "created");
        return 0;
}
