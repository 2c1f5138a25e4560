/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "output.h"
#include "sysrec/log.h"
#include "sysrec/profile-check.h"
#include "sysrec/profile-merge.h"
#include "verbs.h"

static const char *arg_output = "-";
static const char *arg_coverage;
static struct profile_build_options arg_build;

static void help(void) {
        printf("Usage: sysrec merge [OPTIONS...] INPUT... [-o OUT]\n\n"
               "Merges seccomp profiles (OCI linux.seccomp) and recordings (from 'sysrec\n"
               "record --save-recording'), told apart by their content, into one profile:\n"
               "the union of what they allow, on the union of their architectures.\n"
               "A syscall under different actions (same conditions) gets the least\n"
               "permissive one, with a warning; so does defaultAction. Conditional rules stay\n"
               "separate unless an unconditional rule with the same action covers them.\n"
               "The same inputs give the same bytes, in whatever order.\n\n"
               "Options:\n"
               "  -o --output=FILE         write the profile to FILE (default: stdout)\n"
               "     --coverage=FILE       also write a recording whose count per syscall is\n"
               "                           the number of inputs that had it\n" OUTPUT_PROFILE_OPTIONS_HELP
               "                           (both: for recordings, which have no default)\n"
               "  -h --help                show this help\n");
}

enum {
        ARG_COVERAGE = 0x100,
};

static const struct option options[] = {
        { "help", no_argument, NULL, 'h' },
        { "output", required_argument, NULL, 'o' },
        { "coverage", required_argument, NULL, ARG_COVERAGE },
        OUTPUT_PROFILE_LONG_OPTIONS,
        {},
};

static int parse_argv(int argc, char *argv[]) {
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
                case ARG_COVERAGE:
                        arg_coverage = optarg;
                        break;
                default:
                        r = output_parse_profile_option(c, optarg, &arg_build);
                        if (r > 0)
                                break;
                        return r < 0 ? r : -EINVAL;
                }
        if (optind >= argc)
                return log_error_errno(-EINVAL, "No input given; usage: sysrec merge INPUT... -o OUT");
        return 1;
}

struct inputs {
        struct profile **profiles;
        size_t n;
        bool any_recording;
        struct recording *coverage;
};

static void inputs_done(struct inputs *in) {
        for (size_t i = 0; i < in->n; i++)
                profile_free(in->profiles[i]);
        free(in->profiles);
        recording_free(in->coverage);
}

/* A recording's profile: its syscalls allowed, the default from the options.
 * No clone3 rule yet: it would read as an explicit denial to the merge. */
static int recording_to_profile(const struct recording *rec, struct profile **ret) {
        struct profile_build_options o = arg_build;

        o.no_clone3 = true;
        return profile_build(rec->syscalls, &o, ret);
}

static int inputs_append(struct inputs *in, struct profile *p) {
        struct profile **list = reallocarray(in->profiles, in->n + 1, sizeof(*list));

        if (!list) {
                profile_free(p);
                return -ENOMEM;
        }
        in->profiles = list;
        list[in->n++] = p;
        return 0;
}

/* Reads one input, counts it in the coverage, appends its profile. */
static int load_input(struct inputs *in, const char *path) {
        _cleanup_(recording_freep) struct recording *rec = NULL;
        struct profile *p = NULL;
        struct parse_error err = {};
        int r;

        r = merge_input_load(path, &p, &rec, &err);
        if (r < 0)
                return output_log_load_error(r, path, &err);
        if (rec) {
                if (!recording_is_complete(rec))
                        log_warning("%s: the recording lost events: the profile may miss syscalls.", path);
                in->any_recording = true;
                r = merge_coverage_add_recording(in->coverage->syscalls, rec);
                if (r >= 0)
                        r = recording_to_profile(rec, &p);
        } else
                r = merge_coverage_add_profile(in->coverage->syscalls, p);
        if (r >= 0)
                r = inputs_append(in, TAKE_PTR(p));
        profile_free(p);
        return r < 0 ? log_error_errno(r, "Failed to merge %s: %m", path) : 0;
}

/* The inputs, as the command: argv is NULL-terminated after them. */
static int write_coverage(struct inputs *in, char **paths, size_t n) {
        in->coverage->events = n;
        if (recording_set_command(in->coverage, paths) < 0 || !(in->coverage->backend = strdup("merge")))
                return log_error_errno(-ENOMEM, "Out of memory.");
        return output_write_recording(in->coverage, arg_coverage);
}

/* Merging "allow X" with "deny X when ..." allows every X: say so, as check would. */
static void warn_shadowed(const struct profile *p) {
        struct profile_check c;

        if (profile_check_shadowed(p, &c) < 0)
                return;
        for (size_t i = 0; i < c.n_findings; i++)
                log_warning("merged profile, %s: %s.", c.findings[i].field, c.findings[i].message);
        profile_check_done(&c);
}

static int write_merged(const struct inputs *in) {
        _cleanup_(profile_freep) struct profile *p = NULL;
        struct merge_options o = { .clone3_enosys = in->any_recording };
        struct merge_conflict *conflicts = NULL;
        size_t n = 0;
        int r;

        r = profile_merge((const struct profile *const *) in->profiles, in->n, &o, &p, &conflicts, &n);
        if (r < 0)
                return log_error_errno(r, "Failed to merge: %m");
        for (size_t i = 0; i < n; i++)
                log_warning("%s%s: inputs disagree: %s and %s; kept %s, the least permissive.", conflicts[i].name,
                            conflicts[i].args, conflicts[i].kept, conflicts[i].dropped, conflicts[i].kept);
        merge_conflicts_free(conflicts, n);
        warn_shadowed(p);
        return output_write_profile_json(p, arg_output);
}

int verb_merge(int argc, char *argv[]) {
        _cleanup_(inputs_done) struct inputs in = {};
        int r;

        r = parse_argv(argc, argv);
        if (r <= 0)
                return r < 0 ? EXIT_USAGE : 0;
        if (recording_new(&in.coverage) < 0)
                return log_error_errno(-ENOMEM, "Out of memory."), 1;
        for (int i = optind; i < argc; i++)
                if (load_input(&in, argv[i]) < 0)
                        return 1;
        if (write_merged(&in) < 0)
                return 1;
        if (arg_coverage && write_coverage(&in, argv + optind, (size_t) (argc - optind)) < 0)
                return 1;
        return 0;
}
