/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Loads a BPF object, attaches all its programs, and waits for SIGINT or SIGTERM:
 * bench/tracepoint-floor.sh measures what that costs the rest of the machine. */
#include <bpf/libbpf.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char *argv[]) {
        struct bpf_object *obj;
        struct bpf_program *prog;
        sigset_t mask;
        int sig;

        if (argc != 2) {
                fprintf(stderr, "usage: %s OBJECT\n", argv[0]);
                return 2;
        }
        sigemptyset(&mask);
        sigaddset(&mask, SIGINT);
        sigaddset(&mask, SIGTERM);
        sigprocmask(SIG_BLOCK, &mask, NULL);
        obj = bpf_object__open_file(argv[1], NULL);
        if (!obj || bpf_object__load(obj) < 0) {
                fprintf(stderr, "cannot load %s\n", argv[1]);
                return 1;
        }
        bpf_object__for_each_program(prog, obj) if (!bpf_program__attach(prog)) {
                fprintf(stderr, "cannot attach %s\n", bpf_program__name(prog));
                return 1;
        }
        printf("attached\n");
        fflush(stdout);
        sigwait(&mask, &sig);
        bpf_object__close(obj);
        return 0;
}
