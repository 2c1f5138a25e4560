/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* A process to attach to midway: it runs for TICKS ticks of 20 ms, each thread
 * making a syscall only it makes, so a recording shows which were followed:
 *   main thread: getppid, and prints the tick number (stdout: 0 .. TICKS-1)
 *   a second thread: sched_getparam
 *   a child forked at the start, before anyone attaches: getpriority
 *   with "fork" as third argument, a child forked at every tick: getsid
 *   with "leader-exits", the main thread exits at once (pthread_exit) and the
 *   process lives on in the other thread, its leader a zombie (exit status 0)
 * Usage: attach-loop TICKS EXIT_STATUS [fork|leader-exits]. Prints "ready" on
 * stderr once the thread and the first child run; exits with EXIT_STATUS after
 * waiting for them. */
#include <pthread.h>
#include <stdbool.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int ticks;

static void tick_sleep(void) {
        struct timespec ts = { .tv_nsec = 20 * 1000 * 1000 };

        /* EINTR: a tracer attaching interrupts the sleep; the tick is just shorter */
        nanosleep(&ts, NULL);
}

static void *thread_main(void *arg) {
        struct sched_param p;

        (void) arg;
        for (int i = 0; i < ticks; i++) {
                syscall(SYS_sched_getparam, 0, &p);
                tick_sleep();
        }
        return NULL;
}

static void child_main(void) {
        for (int i = 0; i < ticks; i++) {
                syscall(SYS_getpriority, PRIO_PROCESS, 0);
                tick_sleep();
        }
        _exit(0);
}

static void fork_getsid(void) {
        pid_t pid = fork();

        if (pid == 0) {
                syscall(SYS_getsid, 0);
                _exit(0);
        }
        if (pid > 0)
                waitpid(pid, NULL, 0);
}

int main(int argc, char *argv[]) {
        bool forking = argc > 3 && strcmp(argv[3], "fork") == 0;
        pthread_t thread;
        pid_t child;

        if (argc < 3) {
                fprintf(stderr, "usage: attach-loop TICKS EXIT_STATUS [fork]\n");
                return 2;
        }
        ticks = atoi(argv[1]);
        setvbuf(stdout, NULL, _IOLBF, 0);
        child = fork();
        if (child == 0)
                child_main();
        if (child < 0 || pthread_create(&thread, NULL, thread_main, NULL) != 0)
                return 1;
        fprintf(stderr, "ready\n");
        if (argc > 3 && strcmp(argv[3], "leader-exits") == 0)
                pthread_exit(NULL);
        for (int i = 0; i < ticks; i++) {
                syscall(SYS_getppid);
                printf("%d\n", i);
                if (forking)
                        fork_getsid();
                tick_sleep();
        }
        pthread_join(thread, NULL);
        waitpid(child, NULL, 0);
        return atoi(argv[2]);
}
