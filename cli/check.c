/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <getopt.h>
#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "output.h"
#include "sysrec/check-tables.h"
#include "sysrec/json-util.h"
#include "sysrec/log.h"
#include "sysrec/profile-check.h"
#include "verbs.h"

static bool arg_json;
static bool arg_strict;

static void help(void) {
        printf("Usage: sysrec check [OPTIONS...] PROFILE...\n\n"
               "Checks seccomp profiles (OCI linux.seccomp) before deploying them: every\n"
               "field, action and operator; architectures runc and crun accept; names that\n"
               "do not exist on a listed architecture (runtimes drop them silently);\n"
               "SCMP_ACT_KILL and SCMP_ACT_ERRNO without defaultErrnoRet; risky allowed\n"
               "syscalls; what it allows beyond Docker's default profile. Compiles each with\n"
               "libseccomp and prints its size in BPF instructions, per architecture, laid\n"
               "out linearly and as a binary tree (as runc does for large sets).\n\n"
               "One line per finding: 'error:', 'warning:' or 'note:', FILE, FIELD, message.\n"
               "Exits 0 when no profile has an error (warnings allowed), 1 when one has,\n"
               "2 on a usage error.\n\n"
               "Options:\n"
               "     --strict  warnings make the exit status 1 too\n"
               "     --json    print the findings as JSON\n"
               "  -h --help    show this help\n");
}

enum {
        ARG_JSON = 0x100,
        ARG_STRICT,
};

static const struct option options[] = {
        { "help", no_argument, NULL, 'h' },
        { "json", no_argument, NULL, ARG_JSON },
        { "strict", no_argument, NULL, ARG_STRICT },
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
                case ARG_STRICT:
                        arg_strict = true;
                        break;
                default:
                        return -EINVAL;
                }
        if (optind >= argc)
                return log_error_errno(-EINVAL, "No profile given; usage: sysrec check PROFILE...");
        return 1;
}

static const char *arch_name(uint32_t token, char *buf, size_t size) {
        if (token == 0)
                return "all architectures";
        if (profile_arch_to_string(token, buf, size) < 0)
                snprintf(buf, size, "0x%x", token);
        return buf;
}

static void print_text(const char *path, const struct profile_check *c, bool loaded) {
        for (size_t i = 0; i < c->n_findings; i++) {
                const struct check_finding *f = &c->findings[i];
                printf("%s: %s: %s%s%s\n", check_severity_to_string(f->severity), path, f->field ?: "",
                       f->field ? ": " : "", f->message);
        }
        for (size_t i = 0; i < c->n_sizes; i++) {
                char arch[64];
                printf("%s: filter: %s: %u instructions, %u as a binary tree\n", path,
                       arch_name(c->sizes[i].arch, arch, sizeof(arch)), c->sizes[i].linear, c->sizes[i].tree);
        }
        if (!loaded)
                return;
        printf("%s: %zu syscalls allowed unconditionally, %zu beyond %s%s", path, c->n_allowed, c->n_beyond_default,
               runtime_default_source, c->n_beyond_default ? ":" : "");
        for (size_t i = 0; i < c->n_beyond_default; i++)
                printf(" %s", c->beyond_default[i]);
        printf("\n");
}

static int findings_to_json(struct json_object *obj, const struct profile_check *c) {
        struct json_object *list, *item;

        if (json_add_new_array(obj, "findings", &list) < 0)
                return -ENOMEM;
        for (size_t i = 0; i < c->n_findings; i++)
                if (json_add_new_object(list, NULL, &item) < 0 ||
                    json_add_string(item, "severity", check_severity_to_string(c->findings[i].severity)) < 0 ||
                    json_add_string(item, "field", c->findings[i].field) < 0 ||
                    json_add_string(item, "message", c->findings[i].message) < 0)
                        return -ENOMEM;
        if (json_add_new_array(obj, "filter", &list) < 0)
                return -ENOMEM;
        for (size_t i = 0; i < c->n_sizes; i++) {
                char arch[64];
                if (json_add_new_object(list, NULL, &item) < 0 ||
                    json_add_string(item, "architecture",
                                    c->sizes[i].arch ? arch_name(c->sizes[i].arch, arch, sizeof(arch)) : NULL) < 0 ||
                    json_add_uint64(item, "linear", c->sizes[i].linear) < 0 ||
                    json_add_uint64(item, "tree", c->sizes[i].tree) < 0)
                        return -ENOMEM;
        }
        if (json_add_uint64(obj, "allowed", c->n_allowed) < 0 || json_add_new_array(obj, "beyond_default", &list) < 0)
                return -ENOMEM;
        for (size_t i = 0; i < c->n_beyond_default; i++)
                if (json_array_add_string(list, c->beyond_default[i]) < 0)
                        return -ENOMEM;
        return 0;
}

static int file_to_json(struct json_object *files, const char *path, const struct profile_check *c) {
        struct json_object *obj;

        if (json_add_new_object(files, NULL, &obj) < 0 || json_add_string(obj, "file", path) < 0 ||
            json_add_uint64(obj, "errors", profile_check_count(c, CHECK_ERROR)) < 0 ||
            json_add_uint64(obj, "warnings", profile_check_count(c, CHECK_WARNING)) < 0)
                return -ENOMEM;
        return findings_to_json(obj, c);
}

/* A profile that does not load is one error finding, like any other. */
static int load_error_finding(int r, const struct parse_error *err, struct profile_check *c) {
        struct check_finding *f = calloc(1, sizeof(*f));
        int k;

        if (!f)
                return -ENOMEM;
        *c = (struct profile_check){ .findings = f, .n_findings = 1 };
        if (err->field[0] && !(f->field = strdup(err->field)))
                return -ENOMEM;
        if (!err->message[0])
                k = asprintf(&f->message, "cannot be read: %s", strerror(-r));
        else if (err->line > 0)
                k = asprintf(&f->message, "line %u, column %u: %s", err->line, err->column, err->message);
        else
                k = asprintf(&f->message, "%s", err->message);
        if (k < 0)
                f->message = NULL;
        return k < 0 ? -ENOMEM : 0;
}

/* Checks one file; 1 when it fails (errors, or warnings with --strict). */
static int check_file(const char *path, struct json_object *files) {
        _cleanup_(profile_freep) struct profile *p = NULL;
        struct profile_check c = {};
        struct parse_error err = {};
        int r;

        r = profile_load_file(path, &p, &err);
        r = r < 0 ? load_error_finding(r, &err, &c) : profile_check(p, &c);
        if (r < 0)
                return log_error_errno(r, "Failed to check %s: %m", path), 1;
        if (files)
                r = file_to_json(files, path, &c);
        else
                print_text(path, &c, p != NULL);
        if (r >= 0)
                r = profile_check_count(&c, CHECK_ERROR) > 0 ||
                    (arg_strict && profile_check_count(&c, CHECK_WARNING) > 0);
        profile_check_done(&c);
        return r < 0 ? log_error_errno(r, "Out of memory."), 1 : r;
}

int verb_check(int argc, char *argv[]) {
        _cleanup_(json_object_putp) struct json_object *files = NULL;
        _cleanup_free_ char *text = NULL;
        int r, status = 0;

        r = parse_argv(argc, argv);
        if (r <= 0)
                return r < 0 ? EXIT_USAGE : 0;
        if (arg_json && !(files = json_object_new_array()))
                return log_error_errno(-ENOMEM, "Out of memory."), 1;
        for (int i = optind; i < argc; i++)
                status |= check_file(argv[i], files);
        if (files) {
                if (json_to_string_pretty(files, &text) < 0)
                        return log_error_errno(-ENOMEM, "Out of memory."), 1;
                fputs(text, stdout);
        }
        return status;
}
