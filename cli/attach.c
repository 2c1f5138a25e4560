/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "output.h"
#include "runtime-option.h"
#include "summary.h"
#include "sysrec/atomic-file.h"
#include "sysrec/bpf-record.h"
#include "sysrec/cgroup.h"
#include "sysrec/container.h"
#include "sysrec/log.h"
#include "sysrec/parse-number.h"
#include "sysrec/process-tree.h"
#include "sysrec/recorder.h"
#include "verbs.h"

static struct recording_outputs arg_out;
static const char *arg_backend = "auto";
static const char *arg_container_id;
static bool arg_container;
static struct attach_options arg_attach;

static void help(void) {
        printf("Usage: sysrec attach [OPTIONS...] PID\n"
               "       sysrec attach [OPTIONS...] --container-id=ID\n"
               "       sysrec attach [OPTIONS...] --cgroup=PATH\n\n"
               "Records the system calls of a process that already runs, and of the\n"
               "children it starts, until Ctrl-C (SIGINT, SIGTERM or SIGHUP: they end the\n"
               "recording and are not passed on), --duration, or the exit of everything\n"
               "followed; then detaches and leaves it running, and writes the profile.\n\n"
               "Options:\n" RECORDING_OUTPUT_OPTIONS_HELP
               "     --duration=SECONDS    stop after SECONDS (fractions allowed)\n"
               "     --backend=BACKEND     auto (default: bpf if it loads, else ptrace),\n"
               "                           bpf (nothing is stopped; root and kernel BTF)\n"
               "                           or ptrace (every thread of PID is seized and\n"
               "                           stops at each syscall entry: slower)\n"
               "     --tree                PID and every process it has started (bpf)\n"
               "     --container           every process in PID's mount namespace,\n"
               "                           including those exec'd into it later (bpf)\n"
               "     --container-id=ID     the container ID of crun or runc (their state\n"
               "                           in /run/crun, /run/runc), as --container\n"
               "                           with PID its init process\n"
               "     --cgroup=PATH         every process in the cgroup v2 directory PATH\n"
               "                           (not its sub-cgroups), until no process is\n"
               "                           left in it or below it (bpf)\n"
               "  -h --help                show this help\n\n"
               "At least one of -o, --save-recording or -c is needed. Exits 0 when the\n"
               "recording was written, 1 otherwise.\n\n"
               "Example:\n  sysrec attach --duration=60 -o web.json $(pidof nginx | tr ' ' '\\n' | tail -1)\n");
}

enum {
        ARG_BACKEND = 0x100,
        ARG_DURATION,
        ARG_TREE,
        ARG_CONTAINER,
        ARG_CONTAINER_ID,
        ARG_CGROUP,
};

static const struct option options[] = {
        { "help", no_argument, NULL, 'h' },
        { "backend", required_argument, NULL, ARG_BACKEND },
        { "duration", required_argument, NULL, ARG_DURATION },
        { "tree", no_argument, NULL, ARG_TREE },
        { "container", no_argument, NULL, ARG_CONTAINER },
        { "container-id", required_argument, NULL, ARG_CONTAINER_ID },
        { "cgroup", required_argument, NULL, ARG_CGROUP },
        RECORDING_OUTPUT_LONG_OPTIONS,
        {},
};

static int parse_option(int c, const char *arg) {
        switch (c) {
        case ARG_BACKEND:
                if (!STR_IN_SET(arg, "auto", "bpf", "ptrace"))
                        return log_error_errno(-EINVAL, "Unknown --backend '%s': auto, bpf or ptrace.", arg);
                arg_backend = arg;
                return 1;
        case ARG_DURATION:
                if (parse_duration_nsec(arg, &arg_attach.duration_nsec) < 0 || arg_attach.duration_nsec == 0)
                        return log_error_errno(-EINVAL, "Bad --duration '%s': seconds, such as 2 or 0.5.", arg);
                return 1;
        case ARG_TREE:
                arg_attach.descendants = true;
                return 1;
        case ARG_CONTAINER:
                arg_container = true;
                return 1;
        case ARG_CONTAINER_ID:
                arg_container_id = arg;
                arg_container = true;
                return 1;
        case ARG_CGROUP:
                arg_attach.cgroup = arg;
                return 1;
        default:
                return summary_parse_output_option(c, arg, &arg_out);
        }
}

static int check_arguments(int argc, char *argv[]) {
        bool by_name = arg_container_id || arg_attach.cgroup;

        if (by_name ? optind != argc : optind != argc - 1)
                return log_error_errno(-EINVAL, "Give one PID, --container-id=ID or --cgroup=PATH; usage: sysrec "
                                                "attach -o FILE PID");
        if (!by_name && parse_pid(argv[optind], &arg_attach.pid) < 0)
                return log_error_errno(-EINVAL, "Bad PID '%s'.", argv[optind]);
        if (arg_attach.descendants + arg_container + !!arg_attach.cgroup > 1)
                return log_error_errno(-EINVAL, "--tree, --container and --cgroup exclude each other.");
        if ((arg_attach.descendants || arg_container || arg_attach.cgroup) && strcmp(arg_backend, "ptrace") == 0)
                return log_error_errno(-EINVAL, "--tree, --container and --cgroup need --backend=bpf; ptrace follows "
                                                "PID and the children it starts from now on.");
        return summary_check_outputs(&arg_out);
}

/* Returns 1 to go on, 0 when done (help), or a negative errno for a usage error. */
static int parse_argv(int argc, char *argv[]) {
        int c, r;

        arg_out.build = PROFILE_BUILD_OPTIONS_DEFAULT;
        optind = 0;
        while ((c = getopt_long(argc, argv, "+ho:cq", options, NULL)) >= 0) {
                if (c == 'h') {
                        help();
                        return 0;
                }
                r = parse_option(c, optarg);
                if (r <= 0)
                        return r < 0 ? r : -EINVAL; /* getopt printed why */
        }
        r = check_arguments(argc, argv);
        return r < 0 ? r : 1;
}

static int resolve_cgroup(struct bpf_recorder_config *ret) {
        int r = cgroup_id_of(arg_attach.cgroup, &ret->cgroup_id);

        if (r == -EMEDIUMTYPE)
                return log_error_errno(r,
                                       "%s is not a cgroup v2 directory (cgroup2 is often at /sys/fs/cgroup or, "
                                       "on hybrid hosts, /sys/fs/cgroup/unified).",
                                       arg_attach.cgroup);
        if (r < 0)
                return log_error_errno(r, "Failed to open cgroup %s: %m", arg_attach.cgroup);
        return 0;
}

static int resolve_target(struct bpf_recorder_config *ret) {
        uint32_t own, *ret_mntns = &ret->mntns;
        int r;

        if (arg_attach.cgroup)
                return resolve_cgroup(ret);
        if (arg_container_id) {
                r = container_init_pid(arg_container_id, &arg_attach.pid);
                if (r == -ENOENT)
                        return log_error_errno(r, "No container '%s' in /run/crun or /run/runc.", arg_container_id);
                if (r < 0)
                        return log_error_errno(r, "Failed to find the init process of container '%s': %m",
                                               arg_container_id);
        }
        r = process_mnt_namespace(arg_attach.pid, ret_mntns);
        if (r == -ESRCH)
                return log_error_errno(r, "No process %d.", arg_attach.pid);
        if (r < 0)
                return log_error_errno(r, "Failed to read the mount namespace of %d: %m", arg_attach.pid);
        if (arg_container && process_mnt_namespace(getpid(), &own) >= 0 && own == *ret_mntns)
                return log_error_errno(-EINVAL,
                                       "Process %d runs in sysrec's own mount namespace: it is not in a "
                                       "container, and --container would record every process of the host.",
                                       arg_attach.pid);
        if (!arg_container)
                *ret_mntns = 0;
        return 0;
}

/* bpf when asked, or under auto when it loads; ptrace otherwise, saying why. */
static int attach_choose_backend(const struct bpf_recorder_config *config, struct bpf_recorder **ret) {
        bool need_bpf = strcmp(arg_backend, "bpf") == 0 || arg_attach.descendants || arg_container || arg_attach.cgroup;
        int r;

        if (strcmp(arg_backend, "ptrace") == 0)
                return 0;
        r = bpf_recorder_new(config, ret);
        if (r < 0 && need_bpf)
                return log_error_errno(r,
                                       "Failed to load the bpf backend: %m (it needs root, kernel BTF and the "
                                       "initial PID namespace)%s.",
                                       arg_attach.descendants || arg_container || arg_attach.cgroup
                                               ? ""
                                               : "; --backend=ptrace works without");
        if (r < 0) {
                if (!arg_out.quiet)
                        log_info("Attaching with ptrace: the bpf backend did not load (%s).", strerror(-r));
                arg_backend = "ptrace";
                return 0;
        }
        if (!arg_out.quiet && strcmp(arg_backend, "auto") == 0)
                log_info("Attaching with the bpf backend.");
        arg_backend = "bpf";
        return 0;
}

/* The header, with the target's command line; -ESRCH (not logged) when it is gone. */
static int attach_fill_header(struct recording *rec) {
        _cleanup_free_ char *cmdline = NULL;
        _cleanup_free_ char **argv = NULL;
        char path[64];
        size_t size = 0, n = 0;

        if (arg_attach.cgroup)
                return summary_start_recording(
                        rec, (char *const[]){ (char *) "cgroup", (char *) arg_attach.cgroup, NULL }, arg_backend);
        snprintf(path, sizeof(path), "/proc/%d/cmdline", arg_attach.pid);
        if (read_full_file(path, &cmdline, &size) < 0)
                return -ESRCH;
        if (size == 0) { /* a kernel thread, or a leader that exited before its threads */
                free(cmdline);
                snprintf(path, sizeof(path), "/proc/%d/comm", arg_attach.pid);
                if (read_full_file(path, &cmdline, &size) < 0 || size == 0)
                        return -ESRCH;
                cmdline[--size] = '\0'; /* the newline */
        }
        argv = calloc(size + 1, sizeof(char *));
        if (!argv)
                return -ENOMEM;
        for (size_t i = 0; i < size; i += strlen(cmdline + i) + 1)
                argv[n++] = cmdline + i;
        return summary_start_recording(rec, argv, arg_backend);
}

static int attach_record(struct bpf_recorder *bpf, struct recording *rec) {
        struct record_stats stats = {};
        bool exited = false;
        int r;

        clock_gettime(CLOCK_REALTIME, &rec->start);
        if (bpf)
                r = bpf_recorder_attach(bpf, &arg_attach, rec->syscalls, &stats, &exited);
        else
                r = ptrace_attach_record(&arg_attach, rec->syscalls, &stats, &exited);
        clock_gettime(CLOCK_REALTIME, &rec->end);
        if (r == -EPERM)
                return log_error_errno(r,
                                       "Failed to attach to %d: %m (another tracer, Yama's ptrace_scope, or no "
                                       "privilege over it).",
                                       arg_attach.pid);
        if (r < 0 && arg_attach.cgroup)
                return log_error_errno(r, "Failed to record cgroup %s: %m", arg_attach.cgroup);
        if (r < 0)
                return log_error_errno(r, "Failed to record %d: %m", arg_attach.pid);
        if (!arg_out.quiet)
                log_info("%s.", exited ? "Every process followed has exited" : "Detached; the target runs on");
        summary_add_stats(rec, &stats);
        return 0;
}

int verb_attach(int argc, char *argv[]) {
        _cleanup_(recording_freep) struct recording *rec = NULL;
        struct bpf_recorder_config config = {};
        struct bpf_recorder *bpf = NULL;
        int r;

        r = parse_argv(argc, argv);
        if (r <= 0)
                return r < 0 ? EXIT_USAGE : 0;
        if (resolve_target(&config) < 0 || attach_choose_backend(&config, &bpf) < 0)
                return 1;
        r = recording_new(&rec);
        if (r < 0)
                log_error_errno(r, "Out of memory.");
        if (r >= 0 && (r = attach_fill_header(rec)) == -ESRCH)
                log_error_errno(r, "No process %d.", arg_attach.pid);
        if (r >= 0)
                r = attach_record(bpf, rec);
        bpf_recorder_free(bpf);
        if (r < 0 || summary_write_outputs(rec, &arg_out) < 0)
                return 1;
        return 0;
}
