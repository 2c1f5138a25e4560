/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* An OCI hook: the runtime runs it with the container's state on stdin once the
 * init process exists and before the entrypoint's exec. We load the bpf backend,
 * follow that process from its exec on, and hand the recording to a process of our
 * own in the background; the hook returns once the container is followed, so the
 * runtime can go on, and the background process writes the profile at the end. */
#include <fcntl.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "output.h"
#include "runtime-option.h"
#include "summary.h"
#include "sysrec/atomic-file.h"
#include "sysrec/bpf-record.h"
#include "sysrec/log.h"
#include "sysrec/oci-state.h"
#include "verbs.h"

static struct recording_outputs arg_out;
static const char *arg_log;

static void help(void) {
        printf("Usage: sysrec hook [OPTIONS...]\n\n"
               "An OCI hook (createRuntime, createContainer or prestart) that records a\n"
               "container from the exec of its entrypoint, with the bpf backend, and\n"
               "writes its profile when every process of it has exited. The runtime\n"
               "passes the container's state on stdin; the output path comes from the\n"
               "annotation " OCI_TRACE_ANNOTATION "=\"[if:INPUT;]of:OUTPUT\"\n"
               "(as for oci-seccomp-bpf-hook: INPUT is a profile the recorded syscalls\n"
               "are added to), or from -o.\n\n"
               "Options:\n" RECORDING_OUTPUT_OPTIONS_HELP
               "     --log=FILE            the background recorder's messages (default: none;\n"
               "                           the summary and -c go there)\n"
               "  -h --help                show this help\n\n"
               "Exits 0 once the container is followed, 1 (failing the container's start)\n"
               "when it cannot be. scripts/sysrec-hook.json is a hooks.d file for Podman.\n");
}

enum {
        ARG_LOG = 0x100,
};

static const struct option options[] = {
        { "help", no_argument, NULL, 'h' },
        { "log", required_argument, NULL, ARG_LOG },
        RECORDING_OUTPUT_LONG_OPTIONS,
        {},
};

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
                if (c == ARG_LOG) {
                        arg_log = optarg;
                        continue;
                }
                r = summary_parse_output_option(c, optarg, &arg_out);
                if (r <= 0)
                        return r < 0 ? r : -EINVAL; /* getopt printed why */
        }
        if (optind != argc)
                return log_error_errno(-EINVAL, "No arguments are taken: the container state comes on stdin.");
        /* the background recorder's stdout is /dev/null, its stderr the log */
        if ((arg_out.profile && strcmp(arg_out.profile, "-") == 0) ||
            (arg_out.recording && strcmp(arg_out.recording, "-") == 0))
                return log_error_errno(-EINVAL,
                                       "The hook's recorder outlives it and has no stdout: give a file, not -.");
        if (arg_out.table && !arg_log)
                return log_error_errno(-EINVAL, "-c prints its table into the --log file: give --log=FILE.");
        return 1;
}

static int read_state(struct oci_state **ret) {
        _cleanup_free_ char *text = NULL;
        struct parse_error err = {};
        size_t size;
        int r = read_full_file("-", &text, &size);

        if (r < 0)
                return log_error_errno(r, "Failed to read the container state on stdin: %m");
        r = oci_state_parse(text, size, ret, &err);
        return r < 0 ? output_log_load_error(r, "stdin", &err) : 0;
}

/* The background recorder's standard descriptors: nothing of the runtime's (it may
 * wait for the hook's pipes to close), messages to the log if one was given. */
static int detach_stdio(int log) {
        int null = open("/dev/null", O_RDWR | O_CLOEXEC);

        if (null < 0)
                return -errno;
        if (dup2(null, STDIN_FILENO) < 0 || dup2(null, STDOUT_FILENO) < 0 ||
            dup2(log >= 0 ? log : null, STDERR_FILENO) < 0)
                return -errno;
        close(null);
        if (log >= 0)
                close(log);
        return 0;
}

static void signal_followed(void *userdata) {
        int *fd = userdata;

        (void) !write(*fd, "1", 1);
        close(*fd);
        *fd = -1;
}

static int hook_record(struct bpf_recorder *bpf, const struct oci_state *state, int ready_fd) {
        _cleanup_(recording_freep) struct recording *rec = NULL;
        char *command[] = { (char *) "container", state->id, NULL };
        struct attach_options o = {
                .pid = state->pid, .from_exec = true, .on_followed = signal_followed, .userdata = &ready_fd
        };
        struct record_stats stats = {};
        bool exited;
        int r;

        if ((r = recording_new(&rec)) < 0)
                return log_error_errno(r, "Failed to start the recording: %m");
        if ((r = summary_start_recording(rec, command, "bpf")) < 0)
                return r;
        clock_gettime(CLOCK_REALTIME, &rec->start);
        r = bpf_recorder_attach(bpf, &o, rec->syscalls, &stats, &exited);
        clock_gettime(CLOCK_REALTIME, &rec->end);
        if (r < 0)
                return log_error_errno(r, "Failed to record container %s: %m", state->id);
        summary_add_stats(rec, &stats);
        if (syscall_set_total(rec->syscalls) == 0)
                return log_error_errno(-ENOEXEC, "Container %s never ran its entrypoint: no profile written.",
                                       state->id);
        return summary_write_outputs(rec, &arg_out);
}

/* In the child: a session of its own, so that the runtime's process group and
 * terminal signals do not reach it; returns its exit status. */
static int background_main(struct bpf_recorder *bpf, const struct oci_state *state, int ready_fd, int log) {
        int r;

        setsid();
        if ((r = detach_stdio(log)) < 0)
                return 1;
        r = hook_record(bpf, state, ready_fd);
        bpf_recorder_free(bpf);
        return r < 0 ? 1 : 0;
}

int verb_hook(int argc, char *argv[]) {
        _cleanup_(oci_state_freep) struct oci_state *state = NULL;
        struct bpf_recorder *bpf = NULL;
        int r, ready[2], log = -1;
        pid_t pid = -1;
        char c;

        /* What the runtime left open is not ours: the background process, which
         * outlives the hook, must not hold it. */
        (void) close_range(3, ~0U, 0);
        r = parse_argv(argc, argv);
        if (r <= 0)
                return r < 0 ? EXIT_USAGE : 0;
        if (arg_log && (log = open(arg_log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644)) < 0) {
                log_error_errno(-errno, "Failed to open the log %s: %m", arg_log);
                return 1;
        }
        if (read_state(&state) < 0)
                return 1;
        if (state->trace_output)
                arg_out.profile = state->trace_output;
        arg_out.base = state->trace_input;
        arg_out.quiet |= !arg_log;
        if (!arg_out.profile && !arg_out.recording) {
                log_error("Container %s: no output; give -o FILE or the annotation " OCI_TRACE_ANNOTATION "=of:FILE.",
                          state->id);
                return 1;
        }
        if ((r = bpf_recorder_new(NULL, &bpf)) < 0) {
                log_error_errno(r, "Failed to load the bpf backend: %m (it needs root and kernel BTF).");
                return 1;
        }
        if (pipe2(ready, O_CLOEXEC) < 0 || (pid = fork()) < 0) {
                log_error_errno(-errno, "Failed to start the recorder: %m");
                return 1;
        }
        if (pid == 0) {
                close(ready[0]);
                _exit(background_main(bpf, state, ready[1], log));
        }
        /* The child holds the programs now: closing our copies of their descriptors
         * detaches nothing. */
        bpf_recorder_free(bpf);
        close(ready[1]);
        if (read(ready[0], &c, 1) != 1) {
                log_error("The recorder of container %s failed before following it%s.", state->id,
                          arg_log ? "; see the log" : "; --log=FILE tells why");
                return 1;
        }
        return 0;
}
