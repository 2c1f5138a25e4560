/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "generate-arch.h"
#include "generate-audit.h"
#include "output.h"
#include "runtime-option.h"
#include "sysrec/log.h"
#include "verbs.h"

static const char *arg_output = "-";
static struct profile_build_options arg_build;
static const char *arg_runtime;
static struct generate_arches arg_arches;
static bool arg_audit_mode;
static const char *arg_complain_from;

enum {
        ARG_ARCH = 0x180,
        ARG_AUDIT_MODE,
        ARG_COMPLAIN_FROM,
};

static void help(void) {
        printf("Usage: sysrec generate [OPTIONS...] RECORDING...\n\n"
               "Turns one or more recordings (from 'sysrec record --save-recording') into\n"
               "one seccomp profile that allows every syscall any of them made.\n"
               "The same recordings give the same bytes.\n\n"
               "Options:\n"
               "  -o --output=FILE         write the profile to FILE (default: stdout)\n" OUTPUT_PROFILE_OPTIONS_HELP
               "     --arch=ARCH,...       a profile for these architectures (x86_64,\n"
               "                           aarch64, riscv64, ...): each syscall named as\n"
               "                           each knows it, open as openat where there is no\n"
               "                           open; every such mapping is reported\n"
               "     --audit-mode          no RECORDING: write an SCMP_ACT_LOG profile that\n"
               "                           logs every syscall (for 'sysrec audit')\n"
               "     --complain-from=PROFILE  no RECORDING: PROFILE with SCMP_ACT_LOG as its\n"
               "                           default, logging only what it lacks\n" RUNTIME_OPTION_HELP
               "  -h --help                show this help\n");
}

static const struct option options[] = {
        { "help", no_argument, NULL, 'h' },
        { "output", required_argument, NULL, 'o' },
        OUTPUT_PROFILE_LONG_OPTIONS,
        RUNTIME_LONG_OPTION,
        { "arch", required_argument, NULL, ARG_ARCH },
        { "audit-mode", no_argument, NULL, ARG_AUDIT_MODE },
        { "complain-from", required_argument, NULL, ARG_COMPLAIN_FROM },
        {},
};

static int parse_argv(int argc, char *argv[]) {
        bool build_option_given = false;
        int c, r;

        arg_build = PROFILE_BUILD_OPTIONS_DEFAULT;
        optind = 0;
        while ((c = getopt_long(argc, argv, "ho:", options, NULL)) >= 0)
                switch (c) {
                case 'h':
                        help();
                        return 0;
                case 'o':
                        arg_output = optarg;
                        break;
                case ARG_RUNTIME:
                        if (runtime_option_parse(optarg, &arg_runtime) < 0)
                                return -EINVAL;
                        break;
                case ARG_AUDIT_MODE:
                        arg_audit_mode = true;
                        break;
                case ARG_COMPLAIN_FROM:
                        arg_complain_from = optarg;
                        break;
                case ARG_ARCH:
                        if (generate_arch_parse(optarg, &arg_arches) < 0)
                                return -EINVAL;
                        break;
                default:
                        r = output_parse_profile_option(c, optarg, &arg_build);
                        if (r > 0) {
                                build_option_given = true;
                                break;
                        }
                        return r < 0 ? r : -EINVAL; /* getopt printed why */
                }
        if (arg_audit_mode || arg_complain_from)
                return generate_audit_check_args(arg_audit_mode, arg_complain_from, argc - optind,
                                                 build_option_given || arg_runtime || arg_arches.n > 0);
        if (optind >= argc)
                return log_error_errno(-EINVAL, "No recording given; usage: sysrec generate -o PROFILE RECORDING...");
        return 1;
}

/* Adds one recording file to the merged one; logs FILE:LINE:COL: FIELD: message. */
static int generate_add(struct recording *merged, const char *path) {
        _cleanup_(recording_freep) struct recording *rec = NULL;
        struct parse_error err = {};
        int r;

        r = recording_load_file(path, &rec, &err);
        if (r < 0)
                return output_log_load_error(r, path, &err);
        if (!recording_is_complete(rec))
                log_warning("%s: the recording lost %" PRIu64 " events: the profile may miss syscalls.", path,
                            recording_total_lost(rec));
        merged->events += rec->events;
        merged->processes += rec->processes;
        r = syscall_set_merge(merged->syscalls, rec->syscalls);
        return r < 0 ? log_error_errno(r, "Failed to merge %s: %m", path) : 0;
}

int verb_generate(int argc, char *argv[]) {
        _cleanup_(recording_freep) struct recording *merged = NULL;
        int r;

        r = parse_argv(argc, argv);
        if (r <= 0)
                return r < 0 ? EXIT_USAGE : 0;
        if (arg_audit_mode || arg_complain_from)
                return generate_audit_write(arg_complain_from, arg_output) < 0 ? 1 : 0;
        if (recording_new(&merged) < 0)
                return log_error_errno(-ENOMEM, "Out of memory."), 1;
        for (int i = optind; i < argc; i++)
                if (generate_add(merged, argv[i]) < 0)
                        return 1;
        if (runtime_option_apply(arg_runtime, merged->syscalls) < 0)
                return 1;
        if (arg_arches.n > 0)
                return generate_arch_write_profile(merged, &arg_build, &arg_arches, arg_output) < 0 ? 1 : 0;
        return output_write_profile(merged, &arg_build, arg_output) < 0 ? 1 : 0;
}
