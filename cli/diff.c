/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <getopt.h>
#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "output.h"
#include "sysrec/json-util.h"
#include "sysrec/log.h"
#include "sysrec/profile-diff.h"
#include "verbs.h"

static bool arg_json;
static bool arg_superset;

static void help(void) {
        printf("Usage: sysrec diff [OPTIONS...] A B\n\n"
               "Compares two seccomp profiles (OCI linux.seccomp) as what they do to each\n"
               "syscall on each architecture: rule order, name order and grouping do not\n"
               "matter. Prints what B adds (+) and removes (-) against A, per architecture,\n"
               "action and argument conditions, and changes of defaultAction and flags.\n\n"
               "Exits 0 when they are the same, 1 when they differ, 2 on an error, so that\n"
               "CI can gate on profile drift.\n\n"
               "Options:\n"
               "     --json      print the differences as JSON\n"
               "     --superset  instead: exit 1 unless A allows everything B allows, and\n"
               "                 list what A lacks\n"
               "  -h --help      show this help\n");
}

enum {
        ARG_JSON = 0x100,
        ARG_SUPERSET,
};

static const struct option options[] = {
        { "help", no_argument, NULL, 'h' },
        { "json", no_argument, NULL, ARG_JSON },
        { "superset", no_argument, NULL, ARG_SUPERSET },
        {},
};

static int parse_argv(int argc, char *argv[]) {
        int c;

        optind = 0;
        while ((c = getopt_long(argc, argv, "h", options, NULL)) >= 0)
                switch (c) {
                case 'h':
                        help();
                        return 0;
                case ARG_JSON:
                        arg_json = true;
                        break;
                case ARG_SUPERSET:
                        arg_superset = true;
                        break;
                default:
                        return -EINVAL;
                }
        if (argc - optind != 2)
                return log_error_errno(-EINVAL, "Two profiles are needed; usage: sysrec diff A B");
        return 1;
}

static int load(const char *path, struct profile **ret) {
        struct parse_error err = {};
        int r = profile_load_file(path, ret, &err);

        return r < 0 ? output_log_load_error(r, path, &err) : 0;
}

static void print_entry(char sign, const struct profile_entry *e) {
        printf("%c %s %s %s%s\n", sign, e->arch, e->name, e->action, e->args);
}

static int entries_to_json(struct json_object *obj, const char *key, const struct profile_entry *e, size_t n) {
        struct json_object *list, *item;

        if (json_add_new_array(obj, key, &list) < 0)
                return -ENOMEM;
        for (size_t i = 0; i < n; i++)
                if (json_add_new_object(list, NULL, &item) < 0 ||
                    json_add_string(item, "architecture", e[i].arch) < 0 ||
                    json_add_string(item, "name", e[i].name) < 0 || json_add_string(item, "action", e[i].action) < 0 ||
                    json_add_string(item, "args", e[i].args[0] ? e[i].args + 1 : NULL) < 0)
                        return -ENOMEM;
        return 0;
}

static int print_json(const struct profile_diff *d) {
        _cleanup_(json_object_putp) struct json_object *obj = json_object_new_object();
        _cleanup_free_ char *text = NULL;

        if (!obj || json_add_bool(obj, "equal", profile_diff_is_empty(d)) < 0 ||
            entries_to_json(obj, "added", d->added, d->n_added) < 0 ||
            entries_to_json(obj, "removed", d->removed, d->n_removed) < 0)
                return -ENOMEM;
        if (d->default_a && (json_add_string(obj, "defaultAction_a", d->default_a) < 0 ||
                             json_add_string(obj, "defaultAction_b", d->default_b) < 0))
                return -ENOMEM;
        if (d->flags_a &&
            (json_add_string(obj, "flags_a", d->flags_a) < 0 || json_add_string(obj, "flags_b", d->flags_b) < 0))
                return -ENOMEM;
        if (json_to_string_pretty(obj, &text) < 0)
                return -ENOMEM;
        fputs(text, stdout);
        return 0;
}

static void print_text(const struct profile_diff *d, const char *a, const char *b) {
        if (profile_diff_is_empty(d))
                return;
        printf("--- %s\n+++ %s\n", a, b);
        if (d->default_a)
                printf("- defaultAction %s\n+ defaultAction %s\n", d->default_a, d->default_b);
        if (d->flags_a)
                printf("- flags %s\n+ flags %s\n", d->flags_a, d->flags_b);
        for (size_t i = 0; i < d->n_removed; i++)
                print_entry('-', &d->removed[i]);
        for (size_t i = 0; i < d->n_added; i++)
                print_entry('+', &d->added[i]);
}

static int run_superset(const struct profile *a, const struct profile *b, const char *pa, const char *pb) {
        struct profile_entry *missing = NULL;
        size_t n = 0;
        int r = profile_covers(a, b, &missing, &n);

        if (r < 0)
                return log_error_errno(r, "Failed to compare: %m"), EXIT_USAGE;
        for (size_t i = 0; i < n; i++)
                printf("%s lacks: %s %s%s (allowed by %s)\n", pa, missing[i].arch, missing[i].name, missing[i].args,
                       pb);
        profile_entries_free(missing, n);
        return n == 0 ? 0 : 1;
}

int verb_diff(int argc, char *argv[]) {
        _cleanup_(profile_freep) struct profile *a = NULL, *b = NULL;
        struct profile_diff d = {};
        const char *pa, *pb;
        int r;

        r = parse_argv(argc, argv);
        if (r <= 0)
                return r < 0 ? EXIT_USAGE : 0;
        pa = argv[optind];
        pb = argv[optind + 1];
        if (load(pa, &a) < 0 || load(pb, &b) < 0)
                return EXIT_USAGE;
        if (arg_superset)
                return run_superset(a, b, pa, pb);
        if ((r = profile_diff(a, b, &d)) < 0)
                return log_error_errno(r, "Failed to compare: %m"), EXIT_USAGE;
        if (arg_json)
                r = print_json(&d);
        else
                print_text(&d, pa, pb);
        r = r < 0 ? EXIT_USAGE : profile_diff_is_empty(&d) ? 0 : 1;
        profile_diff_done(&d);
        return r;
}
