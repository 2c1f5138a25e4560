/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "sysrec/audit-live.h"
#include "sysrec/log.h"
#include "sysrec/parse-number.h"
#include "verbs.h"

static struct recording_outputs arg_out;
static struct audit_filter arg_filter;
static struct pid_set arg_pids;
static bool arg_build_given; /* --default-action or --errno */
static bool arg_follow, arg_kmsg, arg_netlink;
static unsigned arg_drain_ms;
static char **arg_files, **arg_command;
static size_t arg_n_files;

static void help(void) {
        printf("Usage: sysrec audit [OPTIONS...] [FILE...]\n"
               "       sysrec audit --netlink|--kmsg [OPTIONS...] [-- COMMAND [ARGS...]]\n\n"
               "Turns the kernel's seccomp audit records (type=SECCOMP, type=1326: what an\n"
               "SCMP_ACT_LOG profile logs) into a profile that allows every syscall logged.\n"
               "FILEs (default: stdin) are auditd logs, 'ausearch --raw' output or kernel\n"
               "logs (dmesg, journalctl -k, kern.log, talosctl dmesg). Live, --netlink reads\n"
               "the audit multicast group (no auditd needed, no rate limit); --kmsg reads\n"
               "/dev/kmsg (rate-limited without auditd). With COMMAND, reading starts before\n"
               "it runs, keeps only its audit session, and stops when it has exited; without,\n"
               "at SIGINT or SIGTERM. Exits with COMMAND's status.\n\n"
               "Options:\n"
               "  -o --output=FILE         write the profile to FILE (default: stdout, unless\n"
               "                           --save-recording is given)\n"
               "     --save-recording=FILE also write the recording (backend \"audit\")\n"
               "     --base=PROFILE        add what was logged to PROFILE instead of making\n"
               "                           a new profile\n"
               "  -f --follow              read FILE as it grows, until SIGINT or COMMAND ends\n"
               "     --kmsg                read /dev/kmsg from now on\n"
               "     --netlink             read the audit netlink multicast group\n"
               "     --drain=MS            after the stop, wait at most MS for records still\n"
               "                           on their way (default 2000)\n"
               "     --pid=PID             only records of PID (repeatable)\n"
               "     --comm=NAME           only records whose comm is NAME\n"
               "     --exe=PATH            only records whose exe is PATH\n"
               "     --since=TIME          only records from TIME on (epoch seconds, or\n"
               "     --until=TIME          2026-11-22T14:41:34[Z]; local time without Z)\n"
               "     --action=LIST         only records of these actions, comma-separated:\n"
               "                           log, errno, kill, trap, trace, notify, allow,\n"
               "                           all (default: all)\n" OUTPUT_PROFILE_OPTIONS_HELP
               "  -q --quiet               no summary on stderr\n"
               "  -h --help                show this help\n");
}

enum {
        ARG_SAVE_RECORDING = 0x100,
        ARG_BASE,
        ARG_KMSG,
        ARG_NETLINK,
        ARG_DRAIN,
        ARG_PID,
        ARG_COMM,
        ARG_EXE,
        ARG_SINCE,
        ARG_UNTIL,
        ARG_ACTION,
};

static const struct option options[] = {
        { "help", no_argument, NULL, 'h' },
        { "output", required_argument, NULL, 'o' },
        { "quiet", no_argument, NULL, 'q' },
        { "follow", no_argument, NULL, 'f' },
        { "save-recording", required_argument, NULL, ARG_SAVE_RECORDING },
        { "base", required_argument, NULL, ARG_BASE },
        { "kmsg", no_argument, NULL, ARG_KMSG },
        { "netlink", no_argument, NULL, ARG_NETLINK },
        { "drain", required_argument, NULL, ARG_DRAIN },
        { "pid", required_argument, NULL, ARG_PID },
        { "comm", required_argument, NULL, ARG_COMM },
        { "exe", required_argument, NULL, ARG_EXE },
        { "since", required_argument, NULL, ARG_SINCE },
        { "until", required_argument, NULL, ARG_UNTIL },
        { "action", required_argument, NULL, ARG_ACTION },
        OUTPUT_PROFILE_LONG_OPTIONS,
        {},
};

static int parse_actions(const char *list, unsigned *ret) {
        _cleanup_free_ char *copy = strdup(list);
        char *save = NULL;
        unsigned mask = 0, m;

        if (!copy)
                return log_error_errno(-ENOMEM, "Out of memory.");
        for (char *w = strtok_r(copy, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
                if (audit_action_from_string(w, &m) < 0)
                        return log_error_errno(-EINVAL,
                                               "Unknown --action '%s': log, errno, kill, trap, trace, "
                                               "notify, allow or all.",
                                               w);
                mask |= m;
        }
        if (mask == 0)
                return log_error_errno(-EINVAL, "--action needs at least one action.");
        *ret = mask;
        return 0;
}

static int parse_one(int c, const char *arg) {
        uint64_t ms;
        pid_t pid;
        int r;

        switch (c) {
        case 'o':
                arg_out.profile = arg;
                return 1;
        case 'q':
                arg_out.quiet = true;
                return 1;
        case 'f':
                arg_follow = true;
                return 1;
        case ARG_SAVE_RECORDING:
                arg_out.recording = arg;
                return 1;
        case ARG_BASE:
                arg_out.base = arg;
                return 1;
        case ARG_KMSG:
                arg_kmsg = true;
                return 1;
        case ARG_NETLINK:
                arg_netlink = true;
                return 1;
        case ARG_COMM:
                arg_filter.comm = arg;
                return 1;
        case ARG_EXE:
                arg_filter.exe = arg;
                return 1;
        case ARG_PID:
                if (parse_pid(arg, &pid) < 0 || pid <= 0)
                        return log_error_errno(-EINVAL, "--pid %s: not a process id.", arg);
                if (pid_set_add(&arg_pids, pid) < 0)
                        return log_error_errno(-ENOMEM, "Out of memory.");
                return 1;
        case ARG_SINCE:
        case ARG_UNTIL:
                if (audit_time_parse(arg, &ms) < 0)
                        return log_error_errno(-EINVAL, "--%s %s: not a time (1700000000, 2026-11-22T14:41:34Z).",
                                               c == ARG_SINCE ? "since" : "until", arg);
                *(c == ARG_SINCE ? &arg_filter.since_ms : &arg_filter.until_ms) = ms;
                return 1;
        case ARG_ACTION:
                return (r = parse_actions(arg, &arg_filter.actions)) < 0 ? r : 1;
        case ARG_DRAIN:
                return parse_uint32(arg, &arg_drain_ms) < 0 || arg_drain_ms > 600000
                               ? log_error_errno(-EINVAL, "--drain %s: milliseconds, at most 600000.", arg)
                               : 1;
        default:
                r = output_parse_profile_option(c, arg, &arg_out.build);
                arg_build_given |= r > 0;
                return r;
        }
}

/* FILE... [-- COMMAND...]: getopt stops at the first FILE, or eats a leading "--". */
static void split_operands(int argc, char *argv[]) {
        int i = optind;

        if (optind > 1 && strcmp(argv[optind - 1], "--") == 0) {
                arg_command = argc > optind ? argv + optind : NULL;
                return;
        }
        while (i < argc && strcmp(argv[i], "--") != 0)
                i++;
        arg_files = argv + optind;
        arg_n_files = i - optind;
        arg_command = i + 1 < argc ? argv + i + 1 : NULL;
}

static int check_sources(void) {
        if (arg_kmsg && arg_netlink)
                return log_error_errno(-EINVAL, "--kmsg and --netlink carry the same records: choose one.");
        if ((arg_kmsg || arg_netlink) && (arg_n_files > 0 || arg_follow))
                return log_error_errno(-EINVAL, "--%s reads the kernel, not FILEs.", arg_kmsg ? "kmsg" : "netlink");
        if (arg_follow && (arg_n_files != 1 || strcmp(arg_files[0], "-") == 0))
                return log_error_errno(-EINVAL, "--follow reads exactly one FILE (not stdin).");
        if (arg_command && !arg_kmsg && !arg_netlink && !arg_follow)
                return log_error_errno(-EINVAL, "A COMMAND needs a live source: --netlink, --kmsg or --follow.");
        return 0;
}

static int parse_argv(int argc, char *argv[]) {
        int c, r;

        arg_out = (struct recording_outputs){ .build = PROFILE_BUILD_OPTIONS_DEFAULT };
        arg_filter = AUDIT_FILTER_DEFAULT;
        arg_build_given = false;
        arg_filter.pids = &arg_pids;
        arg_drain_ms = 2000;
        optind = 0;
        while ((c = getopt_long(argc, argv, "+ho:qf", options, NULL)) >= 0) {
                if (c == 'h') {
                        help();
                        return 0;
                }
                if (c == '?')
                        return -EINVAL; /* getopt printed why */
                r = parse_one(c, optarg);
                if (r <= 0)
                        return r < 0 ? r : -EINVAL;
        }
        split_operands(argc, argv);
        if (arg_out.base && arg_build_given)
                return log_error_errno(-EINVAL, "--base keeps PROFILE's default: --default-action and --errno do not "
                                                "apply to it.");
        /* with nothing asked for, the profile goes to stdout, as generate does */
        if (!arg_out.profile && !arg_out.recording)
                arg_out.profile = "-";
        return check_sources() < 0 ? -EINVAL : 1;
}

/* FILEs one after the other, to their end. */
static int read_files(struct audit_collector *c) {
        static char *const stdin_only[] = { (char *) "-", NULL };
        char *const *files = arg_n_files > 0 ? arg_files : stdin_only;
        size_t n = arg_n_files > 0 ? arg_n_files : 1;
        int r;

        for (size_t i = 0; i < n; i++) {
                struct audit_source s = AUDIT_SOURCE_NULL;

                if ((r = audit_source_open_file(files[i], &s)) < 0)
                        return log_error_errno(r, "Failed to open %s: %m", files[i]);
                r = audit_source_read(&s, c);
                if (r >= 0)
                        r = audit_source_flush(&s, c);
                audit_source_done(&s);
                if (r < 0)
                        return log_error_errno(r, "Failed to read %s: %m", files[i]);
        }
        return 0;
}

static int open_live(struct audit_source *s) {
        int r;

        if (arg_follow) {
                r = audit_source_open_follow(arg_files[0], s);
                return r < 0 ? log_error_errno(r, "Failed to open %s: %m", arg_files[0]) : 0;
        }
        r = arg_kmsg ? audit_source_open_kmsg(s) : audit_source_open_netlink(s);
        if (r < 0)
                return log_error_errno(r, "Failed to open %s: %m%s", arg_kmsg ? "/dev/kmsg" : "the audit netlink group",
                                       r == -EPERM ? " (needs root: CAP_SYSLOG or CAP_AUDIT_READ)" : "");
        return 0;
}

/* Only the command's audit session, so that other programs logging at the same time
 * do not end up in its profile. */
static void follow_command_session(struct audit_filter *f) {
        int r = audit_session_new(&f->session);

        if (r < 0) {
                log_warning_errno(r, "Cannot start an audit session for the command (%m): records of other "
                                     "processes are kept too; narrow them with --pid, --comm or --exe.");
                return;
        }
        f->by_session = true;
}

/* The kernel's lost counter went up by this much while we read. With --kmsg the
 * kernel's "audit_lost=N" lines may have counted some of it already: the larger
 * of the two counts, not their sum. */
static int lost_since(const struct audit_status *before, const struct audit_collector *c, struct recording *rec) {
        /* what audit_collector_finish() adds from the lines */
        uint64_t counted = audit_stats_lost(&c->stats);
        struct audit_status after;

        if (audit_status_get(&after) < 0 || after.lost <= before->lost)
                return 0;
        if (after.lost - before->lost <= counted)
                return 0;
        return recording_add_loss(rec, "audit-lost", after.lost - before->lost - counted);
}

/* What the summary needs to know about the reading. */
struct audit_run {
        enum audit_source_kind kind;
        bool marker_missed, has_status;
        struct audit_status status;
        int exit_status;
};

static int read_live(struct recording *rec, struct audit_collector *c, const char *path, struct audit_run *run) {
        struct audit_live live = { .path = path, .argv = arg_command, .drain_ms = arg_drain_ms };
        struct audit_source s = AUDIT_SOURCE_NULL;
        int r;

        run->kind = arg_follow ? AUDIT_SOURCE_FILE : arg_kmsg ? AUDIT_SOURCE_KMSG : AUDIT_SOURCE_NETLINK;
        if (!arg_follow) {
                run->has_status = audit_status_get(&run->status) >= 0;
                audit_report_status(run->kind, &run->status, run->has_status, arg_out.quiet);
        }
        if (open_live(&s) < 0)
                return -EIO;
        clock_gettime(CLOCK_REALTIME, &rec->start);
        r = audit_live_run(&s, c, &live);
        clock_gettime(CLOCK_REALTIME, &rec->end);
        audit_source_done(&s);
        if (r < 0 && live.stage == CHILD_STAGE_EXEC) {
                run->exit_status = r == -ENOENT ? 127 : 126;
                return log_error_errno(r, "Failed to execute %s: %m", arg_command[0]);
        }
        if (r < 0)
                return log_error_errno(r, "Failed to read %s: %m", arg_follow ? arg_files[0] : "the source");
        if (run->has_status && (r = lost_since(&run->status, c, rec)) < 0)
                return r;
        run->marker_missed = live.marker_missed;
        run->exit_status = arg_command ? exit_status_from_wait(live.wait_status) : 0;
        return 0;
}

static int recording_prepare(struct recording *rec) {
        int r = 0;

        if (!(rec->backend = strdup("audit")))
                return -ENOMEM;
        if (arg_command)
                r = recording_set_command(rec, arg_command);
        /* a file may come from another machine: its kernel is unknown */
        if (r >= 0 && (arg_kmsg || arg_netlink || arg_follow))
                r = recording_set_kernel_from_uname(rec);
        return r;
}

static void times_from_records(struct recording *rec, const struct audit_stats *s) {
        if (s->matched == 0)
                return;
        rec->start = (struct timespec){ (time_t) (s->first_ms / 1000), (long) (s->first_ms % 1000) * 1000000 };
        rec->end = (struct timespec){ (time_t) (s->last_ms / 1000), (long) (s->last_ms % 1000) * 1000000 };
}

static int read_sources(struct recording *rec, struct audit_collector *c, struct audit_run *run) {
        _cleanup_free_ char *path = NULL;
        int r;

        if (!arg_kmsg && !arg_netlink && !arg_follow) {
                run->kind = AUDIT_SOURCE_FILE;
                if ((r = read_files(c)) < 0)
                        return r;
                times_from_records(rec, &c->stats);
                return 0;
        }
        if (arg_command) {
                if ((r = process_find_executable(arg_command[0], &path)) < 0) {
                        run->exit_status = 127;
                        return log_error_errno(r, "Failed to execute %s: %m", arg_command[0]);
                }
                follow_command_session(&c->filter);
        }
        return read_live(rec, c, path, run);
}

static int run(int argc, char *argv[]) {
        _cleanup_(recording_freep) struct recording *rec = NULL;
        struct audit_run run = { .exit_status = 1 };
        struct audit_collector c;
        int r;

        r = parse_argv(argc, argv);
        if (r <= 0)
                return r < 0 ? EXIT_USAGE : 0;
        if (recording_new(&rec) < 0 || recording_prepare(rec) < 0)
                return log_error_errno(-ENOMEM, "Out of memory."), 1;
        audit_collector_init(&c, rec, &arg_filter);
        r = read_sources(rec, &c, &run);
        if (r >= 0)
                r = audit_collector_finish(&c);
        if (r >= 0)
                audit_report_stats(&c, run.kind, run.marker_missed, &run.status, run.has_status, arg_out.quiet);
        audit_collector_done(&c);
        if (r < 0)
                return run.exit_status != 0 ? run.exit_status : 1;
        if (audit_write_outputs(rec, &arg_out) < 0)
                return 1;
        return arg_command ? run.exit_status : 0;
}

int verb_audit(int argc, char *argv[]) {
        int r = run(argc, argv);

        pid_set_done(&arg_pids);
        return r;
}
