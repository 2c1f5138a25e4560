/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "sysrec/log.h"
#include "verbs.h"

static const struct verb {
        const char *name;
        int (*run)(int argc, char *argv[]);
        const char *summary;
} verbs[] = {
        { "record", verb_record, "run a command and record the syscalls it makes" },
        { "attach", verb_attach, "record a running process or container, then detach" },
        { "hook", verb_hook, "OCI hook: record a container from its first syscall" },
        { "generate", verb_generate, "turn recordings into one seccomp profile" },
        { "run", verb_run, "run a command under a seccomp profile, to test it" },
        { "diff", verb_diff, "compare two profiles; exit 1 when they differ" },
        { "merge", verb_merge, "merge profiles and recordings into one profile" },
        { "check", verb_check, "check profiles: schema, architectures, risks, size" },
        { "audit", verb_audit, "turn seccomp audit records (SCMP_ACT_LOG) into a profile" },
};

static void help(void) {
        printf("Usage: sysrec COMMAND [OPTIONS...] [ARGS...]\n\n"
               "Records the system calls a program makes and writes a minimal seccomp\n"
               "allowlist profile (OCI runtime-spec linux.seccomp) that Kubernetes, crun,\n"
               "runc, Podman and Docker load as it is.\n\nCommands:\n");
        for (size_t i = 0; i < ELEMENTSOF(verbs); i++)
                printf("  %-10s %s\n", verbs[i].name, verbs[i].summary);
        printf("  %-10s %s\n\n", "help", "show this, or a command's help (sysrec help record)");
        printf("Options:\n  -h --help     show this help\n     --version  show the version\n\n"
               "Example:\n  sysrec record -o nginx.json -- nginx -g 'daemon off;'\n\n"
               "See sysrec(1) for more.\n");
}

static const struct verb *verb_find(const char *name) {
        for (size_t i = 0; i < ELEMENTSOF(verbs); i++)
                if (strcmp(verbs[i].name, name) == 0)
                        return &verbs[i];
        return NULL;
}

static int verb_help(int argc, char *argv[]) {
        const struct verb *v;

        if (argc < 2) {
                help();
                return 0;
        }
        v = verb_find(argv[1]);
        if (!v) {
                log_error("Unknown command '%s'; see 'sysrec --help'.", argv[1]);
                return EXIT_USAGE;
        }
        return v->run(2, (char *[]){ argv[1], (char *) "--help", NULL });
}

int main(int argc, char *argv[]) {
        const struct verb *v;

        if (argc < 2) {
                log_error("No command given; see 'sysrec --help'.");
                return EXIT_USAGE;
        }
        if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
                help();
                return 0;
        }
        if (strcmp(argv[1], "--version") == 0) {
                printf("sysrec %s\n", PACKAGE_VERSION);
                return 0;
        }
        if (strcmp(argv[1], "help") == 0)
                return verb_help(argc - 1, argv + 1);
        v = verb_find(argv[1]);
        if (!v) {
                log_error("Unknown command '%s'; see 'sysrec --help'.", argv[1]);
                return EXIT_USAGE;
        }
        return v->run(argc - 1, argv + 1);
}
