/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Many short-lived children, threads, and a double fork whose grandchild is
 * reparented to init and outlives its parent: each makes a syscall only it makes,
 * so a recording that missed any of them lacks that syscall.
 *   children (200): getpriority        threads (4): sched_getparam
 *   grandchild (reparented, after its parent has exited): getsid */
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHILDREN 200
#define THREADS  4

static void *thread_main(void *arg) {
        struct sched_param p;
        (void) arg;
        syscall(SYS_sched_getparam, 0, &p);
        return NULL;
}

static int run_children(void) {
        for (int i = 0; i < CHILDREN; i++) {
                pid_t pid = fork();
                if (pid < 0)
                        return -1;
                if (pid == 0) {
                        syscall(SYS_getpriority, PRIO_PROCESS, 0);
                        _exit(0);
                }
                if (waitpid(pid, NULL, 0) < 0)
                        return -1;
        }
        return 0;
}

/* pthread_join makes a futex call only when the thread is still running: timing
 * the backends change. One wake of our own puts futex in every run's set. */
static void futex_always(void) {
        static int word;
        syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}

static int run_threads(void) {
        pthread_t t[THREADS];
        futex_always();
        for (int i = 0; i < THREADS; i++)
                if (pthread_create(&t[i], NULL, thread_main, NULL) != 0)
                        return -1;
        for (int i = 0; i < THREADS; i++)
                pthread_join(t[i], NULL);
        return 0;
}

/* The grandchild waits for its parent to die, so it runs reparented, then calls
 * getsid; the target itself exits without waiting for it. */
static int run_double_fork(void) {
        pid_t pid = fork();
        if (pid < 0)
                return -1;
        if (pid == 0) {
                pid_t parent = getpid();
                if (fork() == 0) {
                        do /* at least once, so the set does not depend on timing */
                                usleep(1000);
                        while (getppid() == parent);
                        syscall(SYS_getsid, 0);
                        _exit(0);
                }
                _exit(0);
        }
        return waitpid(pid, NULL, 0) < 0 ? -1 : 0;
}

int main(void) {
        if (run_children() < 0 || run_threads() < 0 || run_double_fork() < 0) {
                perror("fork-storm");
                return 1;
        }
        printf("done\n");
        return 0;
}
