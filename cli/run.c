/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "output.h"
#include "run-complain.h"
#include "sysrec/log.h"
#include "sysrec/process.h"
#include "sysrec/profile-filter.h"
#include "verbs.h"

static const char *arg_profile;
static const char *arg_update;
static bool arg_print_size;
static bool arg_complain;

static void help(void) {
        printf("Usage: sysrec run --profile=FILE [OPTIONS...] -- COMMAND [ARGS...]\n\n"
               "Runs COMMAND under the seccomp profile FILE (OCI runtime-spec linux.seccomp,\n"
               "as Kubernetes Localhost profiles, crun, runc, Podman and Docker load it),\n"
               "compiled with libseccomp as runc and crun compile it: a way to test a profile\n"
               "before deploying it. Ctrl-C, SIGTERM and SIGHUP are passed on to COMMAND.\n\n"
               "Exits with COMMAND's status (128+N if a signal N killed it); 127 if COMMAND\n"
               "was not found, 126 if it could not be executed; 1 if the profile could not\n"
               "be read or loaded; 2 on a usage error.\n\n"
               "Options:\n"
               "  -p --profile=FILE   the profile to enforce (- for stdin)\n"
               "     --complain       enforce nothing new: let through what the profile\n"
               "                      would deny, and report each such syscall the first\n"
               "                      time it is made, with the process that made it\n"
               "     --update=OUT     with --complain: write the profile plus what was\n"
               "                      missing to OUT\n"
               "     --filter-size    print the size of the compiled filter, in BPF\n"
               "                      instructions, on stderr\n"
               "  -h --help           show this help\n\n"
               "Example:\n  sysrec run --profile nginx.json -- nginx -g 'daemon off;'\n");
}

enum {
        ARG_FILTER_SIZE = 0x100,
        ARG_COMPLAIN,
        ARG_UPDATE,
};

static const struct option options[] = {
        { "help", no_argument, NULL, 'h' },
        { "profile", required_argument, NULL, 'p' },
        { "filter-size", no_argument, NULL, ARG_FILTER_SIZE },
        { "complain", no_argument, NULL, ARG_COMPLAIN },
        { "update", required_argument, NULL, ARG_UPDATE },
        {},
};

/* Returns 1 to go on, 0 when done (help), or a negative errno for a usage error. */
static int parse_argv(int argc, char *argv[]) {
        int c;

        optind = 0;
        while ((c = getopt_long(argc, argv, "+hp:", options, NULL)) >= 0)
                switch (c) {
                case 'h':
                        help();
                        return 0;
                case 'p':
                        arg_profile = optarg;
                        break;
                case ARG_FILTER_SIZE:
                        arg_print_size = true;
                        break;
                case ARG_COMPLAIN:
                        arg_complain = true;
                        break;
                case ARG_UPDATE:
                        arg_update = optarg;
                        break;
                default:
                        return -EINVAL; /* getopt printed why */
                }
        if (arg_update && !arg_complain)
                return log_error_errno(-EINVAL, "--update needs --complain.");
        if (!arg_profile)
                return log_error_errno(-EINVAL,
                                       "No profile given; usage: sysrec run --profile FILE -- COMMAND [ARGS...]");
        if (optind >= argc)
                return log_error_errno(-EINVAL,
                                       "No command to run; usage: sysrec run --profile FILE -- COMMAND [ARGS...]");
        return 1;
}

/* Loads and compiles before anything runs, so a broken profile never starts the
 * command; logs FILE:LINE:COL: FIELD: message. */
static int load_filter(const char *path, struct profile **ret_profile, struct profile_filter **ret) {
        _cleanup_(profile_freep) struct profile *p = NULL;
        struct parse_error err = {};
        int r;

        r = profile_load_file(path, &p, &err);
        if (r >= 0)
                r = arg_complain ? profile_filter_compile_complain(p, ret, &err) : profile_filter_compile(p, ret, &err);
        if (r < 0)
                return output_log_load_error(r, path, &err);
        *ret_profile = TAKE_PTR(p);
        return 0;
}

/* The exit status for a command that did not run, as a shell gives it. */
static int run_failure(int r, enum child_stage stage, const char *command) {
        if (stage == CHILD_STAGE_FILTER) {
                log_error_errno(r, "Failed to load the filter of %s: %m", arg_profile);
                return 1;
        }
        if (stage != CHILD_STAGE_EXEC)
                return log_error_errno(r, "Failed to run %s: %m", command), 1;
        log_error_errno(r, "Failed to execute %s: %m", command);
        return r == -ENOENT ? 127 : 126;
}

int verb_run(int argc, char *argv[]) {
        _cleanup_(profile_filter_freep) struct profile_filter *filter = NULL;
        _cleanup_(profile_freep) struct profile *profile = NULL;
        bool update_failed = false;
        _cleanup_free_ char *path = NULL;
        enum child_stage stage = 0;
        struct sock_fprog prog;
        char *const *command;
        int r, wait_status = 0;

        r = parse_argv(argc, argv);
        if (r <= 0)
                return r < 0 ? EXIT_USAGE : 0;
        command = argv + optind;

        if (load_filter(arg_profile, &profile, &filter) < 0)
                return 1;
        if (arg_print_size)
                log_info("%s: %u BPF instructions", arg_profile, filter->len);
        r = process_find_executable(command[0], &path);
        if (r < 0)
                return run_failure(r, CHILD_STAGE_EXEC, command[0]);
        prog = profile_filter_fprog(filter);
        if (arg_complain)
                r = run_complain(profile, filter, arg_profile, arg_update, path, command, &wait_status, &stage,
                                 &update_failed);
        else
                r = process_run(path, command, &prog, filter->flags, &wait_status, &stage);
        if (r < 0 && stage == CHILD_STAGE_EXEC && access(path, X_OK) == 0)
                log_notice("%s is executable: the profile must deny execve.", path);
        if (r < 0)
                return run_failure(r, stage, command[0]);
        if (update_failed)
                return 1;
        return exit_status_from_wait(wait_status);
}
