/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "output.h"
#include "runtime-option.h"
#include "summary.h"
#include "sysrec/bpf-record.h"
#include "sysrec/log.h"
#include "sysrec/recorder.h"
#include "sysrec/seccomp-notify.h"
#include "verbs.h"

static bool arg_seccomp_stop = true;
static struct recording_outputs arg_out;
static const char *arg_backend = "auto";
static struct bpf_recorder *bpf; /* loaded before the target starts, for bpf and auto */

static void help(void) {
        printf("Usage: sysrec record [OPTIONS...] -- COMMAND [ARGS...]\n\n"
               "Runs COMMAND under a tracer, following every thread and child, and records\n"
               "each system call it makes. When COMMAND and everything it started have\n"
               "exited (Ctrl-C, SIGTERM and SIGHUP are passed on to it), writes a seccomp\n"
               "profile that allows exactly those calls. Exits with COMMAND's status\n"
               "(128+N if a signal N killed it), or 1 if the output could not be written.\n\n"
               "Options:\n" RECORDING_OUTPUT_OPTIONS_HELP
               "     --backend=BACKEND     how to record: auto (default: bpf if it loads,\n"
               "                           else ptrace), bpf (eBPF tracepoint: root\n"
               "                           and kernel BTF, near-native speed), ptrace,\n"
               "                           or notify (seccomp user notification: needs\n"
               "                           no privilege, works beside a debugger)\n"
               "     --no-seccomp-stop     stop at every syscall entry and exit with\n"
               "                           PTRACE_SYSCALL instead of once per syscall\n"
               "                           through a SECCOMP_RET_TRACE filter (slower)\n"
               "  -h --help                show this help\n\n"
               "At least one of -o, --save-recording or -c is needed.\n\n"
               "Example:\n  sysrec record -o nginx.json -- nginx -g 'daemon off;'\n");
}

enum {
        ARG_BACKEND = 0x100,
        ARG_NO_SECCOMP_STOP,
};

static const struct option options[] = {
        { "help", no_argument, NULL, 'h' },
        { "backend", required_argument, NULL, ARG_BACKEND },
        { "no-seccomp-stop", no_argument, NULL, ARG_NO_SECCOMP_STOP },
        RECORDING_OUTPUT_LONG_OPTIONS,
        {},
};

/* Returns 1 to go on, 0 when done (help), or a negative errno for a usage error. */
static int parse_argv(int argc, char *argv[]) {
        int c, r;

        arg_out.build = PROFILE_BUILD_OPTIONS_DEFAULT;
        optind = 0;
        while ((c = getopt_long(argc, argv, "+ho:cq", options, NULL)) >= 0)
                switch (c) {
                case 'h':
                        help();
                        return 0;
                case ARG_BACKEND:
                        if (!STR_IN_SET(optarg, "auto", "bpf", "ptrace", "notify"))
                                return log_error_errno(-EINVAL, "Unknown --backend '%s': auto, bpf, ptrace or notify.",
                                                       optarg);
                        arg_backend = optarg;
                        break;
                case ARG_NO_SECCOMP_STOP:
                        arg_seccomp_stop = false;
                        break;
                default:
                        r = summary_parse_output_option(c, optarg, &arg_out);
                        if (r > 0)
                                break;
                        return r < 0 ? r : -EINVAL; /* getopt printed why */
                }

        if (!arg_seccomp_stop && strcmp(arg_backend, "auto") == 0)
                arg_backend = "ptrace";
        if (!arg_seccomp_stop && strcmp(arg_backend, "ptrace") != 0)
                return log_error_errno(-EINVAL, "--no-seccomp-stop is for --backend=ptrace.");
        if (optind >= argc)
                return log_error_errno(-EINVAL,
                                       "No command to record; usage: sysrec record -o FILE -- COMMAND [ARGS...]");
        r = summary_check_outputs(&arg_out);
        return r < 0 ? r : 1;
}

/* 0 when recorded, a negative errno when recording failed, or the shell's status for
 * a command that could not be executed (127 not found, 126 not executable). */
static int record_command(char *const *command, struct recording *rec, int *ret_wait_status) {
        struct ptrace_options o = { .argv = command, .seccomp_stop = arg_seccomp_stop };
        struct record_stats stats = {};
        int r;

        clock_gettime(CLOCK_REALTIME, &rec->start);
        if (bpf)
                r = bpf_recorder_run(bpf, command, rec->syscalls, &stats, ret_wait_status);
        else if (strcmp(arg_backend, "notify") == 0)
                r = notify_record(command, rec->syscalls, &stats, ret_wait_status);
        else
                r = ptrace_record(&o, rec->syscalls, &stats, ret_wait_status);
        clock_gettime(CLOCK_REALTIME, &rec->end);
        if (stats.seccomp_stop_error < 0)
                log_warning_errno(stats.seccomp_stop_error,
                                  "Could not install the SECCOMP_RET_TRACE filter (%m); recorded with PTRACE_SYSCALL, "
                                  "which stops twice per syscall.");
        if (stats.exec_error < 0) {
                log_error_errno(stats.exec_error, "Failed to execute %s: %m", command[0]);
                return stats.exec_error == -ENOENT ? 127 : 126;
        }
        if (r < 0)
                return log_error_errno(r, "Failed to record %s: %m", command[0]);

        summary_add_stats(rec, &stats);
        return 0;
}

/* bpf and auto load the eBPF programs now, before the target exists; auto falls
 * back to ptrace when they do not load and says why. */
static int record_choose_backend(void) {
        bool want_bpf = strcmp(arg_backend, "bpf") == 0;
        int r;

        if (!want_bpf && strcmp(arg_backend, "auto") != 0)
                return 0;
        r = bpf_recorder_new(NULL, &bpf);
        if (r == -EXDEV) {
                if (want_bpf)
                        return log_error_errno(r, "The bpf backend cannot run in a PID namespace other than the "
                                                  "initial one (a container); --backend=ptrace or notify can.");
                if (!arg_out.quiet)
                        log_info("Recording with ptrace: the bpf backend needs the initial PID namespace.");
                arg_backend = "ptrace";
                return 0;
        }
        if (r < 0 && want_bpf)
                return log_error_errno(r, "Failed to load the bpf backend: %m (it needs root and kernel BTF); "
                                          "--backend=ptrace or notify work without.");
        if (r < 0) {
                if (!arg_out.quiet)
                        log_info("Recording with ptrace: the bpf backend did not load (%s).", strerror(-r));
                arg_backend = "ptrace";
                return 0;
        }
        if (!arg_out.quiet && !want_bpf)
                log_info("Recording with the bpf backend.");
        arg_backend = "bpf";
        return 0;
}

int verb_record(int argc, char *argv[]) {
        _cleanup_(recording_freep) struct recording *rec = NULL;
        char *const *command;
        int r, wait_status = 0;

        r = parse_argv(argc, argv);
        if (r <= 0)
                return r < 0 ? EXIT_USAGE : 0;
        command = argv + optind;

        if (record_choose_backend() < 0 || recording_new(&rec) < 0 ||
            summary_start_recording(rec, command, arg_backend) < 0)
                return 1;
        r = record_command(command, rec, &wait_status);
        if (r != 0)
                return r > 0 ? r : 1;
        bpf_recorder_free(TAKE_PTR(bpf));
        if (summary_write_outputs(rec, &arg_out) < 0)
                return 1;
        return exit_status_from_wait(wait_status);
}
