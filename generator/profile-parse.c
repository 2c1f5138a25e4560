/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Reading an OCI runtime-spec linux.seccomp object. Every field of the spec is read;
 * anything else is an error naming its path, because a misspelt key ("errnoret",
 * "arg") would otherwise be dropped and change what the profile does. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "sysrec/atomic-file.h"
#include "sysrec/json-util.h"
#include "sysrec/profile.h"

#define SECCOMP_RET_DATA_MAX 0xffffU

/* Rejects keys outside known[]; Docker's own profile format gets a hint. */
static int check_keys(struct json_object *obj, const char *prefix, const char *const *known, struct parse_error *err) {
        json_object_object_foreach (obj, key, value) {
                char field[160];
                bool found = false;

                (void) value;
                for (const char *const *k = known; *k; k++)
                        found = found || strcmp(*k, key) == 0;
                if (found)
                        continue;
                snprintf(field, sizeof(field), "%s%s", prefix, key);
                if (strcmp(key, "archMap") == 0 || strcmp(key, "includes") == 0 || strcmp(key, "excludes") == 0 ||
                    strcmp(key, "name") == 0)
                        return parse_error_field(err, field,
                                                 "Docker's profile format, not OCI linux.seccomp: not supported");
                return parse_error_field(err, field, "unknown field");
        }
        return 0;
}

static int get_typed(struct json_object *obj, const char *key, const char *field, enum json_type type,
                     const char *type_name, struct json_object **ret, struct parse_error *err) {
        struct json_object *v;

        *ret = NULL;
        if (!json_object_object_get_ex(obj, key, &v) || json_object_is_type(v, json_type_null))
                return 0;
        if (!json_object_is_type(v, type))
                return parse_error_set(err, -EINVAL, 0, 0, field, "not %s", type_name);
        *ret = v;
        return 0;
}

static int parse_action(struct json_object *obj, const char *key, const char *field, enum profile_action *ret,
                        struct parse_error *err) {
        const char *s;
        int k;

        if ((k = json_field_string(obj, key, field, &s, err)) < 0)
                return k;
        if (!s)
                return parse_error_field(err, field, "missing");
        k = profile_action_from_string(s);
        if (k < 0)
                return parse_error_set(err, -EINVAL, 0, 0, field, "unknown action \"%s\"", s);
        *ret = (enum profile_action) k;
        return 0;
}

static int parse_errno_ret(struct json_object *obj, const char *key, const char *field, int *ret,
                           struct parse_error *err) {
        uint64_t v = UINT64_MAX;
        int k;

        if ((k = json_field_uint64(obj, key, field, false, &v, err)) < 0)
                return k;
        if (v == UINT64_MAX)
                return 0;
        /* the kernel returns the low 16 bits of the action (SECCOMP_RET_DATA) */
        if (v > SECCOMP_RET_DATA_MAX)
                return parse_error_field(err, field, "out of range (0 to 65535)");
        *ret = (int) v;
        return 0;
}

static int parse_string_list(struct json_object *obj, const char *key, const char *field,
                             int (*add)(struct profile *p, const char *s, const char *field, struct parse_error *err),
                             struct profile *p, struct parse_error *err) {
        struct json_object *list;
        int k;

        if ((k = get_typed(obj, key, field, json_type_array, "an array", &list, err)) < 0 || !list)
                return k;
        for (size_t i = 0; i < json_object_array_length(list); i++) {
                struct json_object *s = json_object_array_get_idx(list, i);
                char sub[160];

                snprintf(sub, sizeof(sub), "%s[%zu]", field, i);
                if (!json_object_is_type(s, json_type_string))
                        return parse_error_field(err, sub, "not a string");
                if ((k = add(p, json_object_get_string(s), sub, err)) < 0)
                        return k;
        }
        return 0;
}

static int add_architecture(struct profile *p, const char *s, const char *field, struct parse_error *err) {
        uint32_t token;

        if (profile_arch_from_string(s, &token) < 0)
                return parse_error_set(err, -EINVAL, 0, 0, field, "unknown architecture \"%s\"", s);
        return profile_add_architecture(p, token);
}

static int add_flag(struct profile *p, const char *s, const char *field, struct parse_error *err) {
        uint32_t bit;

        if (profile_flag_from_string(s, &bit) < 0)
                return parse_error_set(err, -EINVAL, 0, 0, field, "unknown flag \"%s\"", s);
        p->flags |= bit;
        return 0;
}

static int parse_arg(struct json_object *obj, const char *field, struct profile_arg *ret, struct parse_error *err) {
        static const char *const known[] = { "index", "value", "valueTwo", "op", NULL };
        char sub[192];
        uint64_t index = 0;
        const char *op;
        int k;

        if (!json_object_is_type(obj, json_type_object))
                return parse_error_field(err, field, "not an object");
        snprintf(sub, sizeof(sub), "%s.", field);
        if ((k = check_keys(obj, sub, known, err)) < 0)
                return k;
        snprintf(sub, sizeof(sub), "%s.index", field);
        if ((k = json_field_uint64(obj, "index", sub, true, &index, err)) < 0)
                return k;
        if (index > 5)
                return parse_error_field(err, sub, "out of range (0 to 5)");
        ret->index = (unsigned) index;
        snprintf(sub, sizeof(sub), "%s.value", field);
        if ((k = json_field_uint64(obj, "value", sub, true, &ret->value, err)) < 0)
                return k;
        snprintf(sub, sizeof(sub), "%s.valueTwo", field);
        if ((k = json_field_uint64(obj, "valueTwo", sub, false, &ret->value_two, err)) < 0)
                return k;
        snprintf(sub, sizeof(sub), "%s.op", field);
        if ((k = json_field_string(obj, "op", sub, &op, err)) < 0)
                return k;
        if (!op)
                return parse_error_field(err, sub, "missing");
        if ((k = profile_op_from_string(op)) < 0)
                return parse_error_set(err, -EINVAL, 0, 0, sub, "unknown operator \"%s\"", op);
        ret->op = (enum scmp_compare) k;
        return 0;
}

static int parse_args(struct profile_rule *rule, struct json_object *obj, const char *field, struct parse_error *err) {
        struct json_object *args;
        char sub[160];
        size_t n;
        int k;

        snprintf(sub, sizeof(sub), "%s.args", field);
        if ((k = get_typed(obj, "args", sub, json_type_array, "an array", &args, err)) < 0 || !args)
                return k;
        n = json_object_array_length(args);
        if (n == 0)
                return 0;
        rule->args = calloc(n, sizeof(*rule->args));
        if (!rule->args)
                return -ENOMEM;
        for (size_t i = 0; i < n; i++) {
                snprintf(sub, sizeof(sub), "%s.args[%zu]", field, i);
                if ((k = parse_arg(json_object_array_get_idx(args, i), sub, &rule->args[i], err)) < 0)
                        return k;
                rule->n_args++;
        }
        return 0;
}

/* Names are checked for shape here; whether they exist is for the filter compiler,
 * which knows the architectures. */
static int parse_names(struct json_object *obj, const char *field, const char ***ret, size_t *ret_n,
                       struct parse_error *err) {
        struct json_object *names;
        char sub[160];
        size_t n;
        int k;

        snprintf(sub, sizeof(sub), "%s.names", field);
        if ((k = get_typed(obj, "names", sub, json_type_array, "an array", &names, err)) < 0)
                return k;
        if (!names || (n = json_object_array_length(names)) == 0)
                return parse_error_field(err, sub, "missing or empty");
        *ret = calloc(n, sizeof(char *));
        if (!*ret)
                return -ENOMEM;
        for (size_t i = 0; i < n; i++) {
                struct json_object *s = json_object_array_get_idx(names, i);

                snprintf(sub, sizeof(sub), "%s.names[%zu]", field, i);
                if (!json_object_is_type(s, json_type_string) || json_object_get_string_len(s) == 0)
                        return parse_error_field(err, sub, "not a syscall name");
                (*ret)[i] = json_object_get_string(s);
        }
        *ret_n = n;
        return 0;
}

static int parse_rule(struct profile *p, struct json_object *obj, const char *field, struct parse_error *err) {
        static const char *const known[] = { "names", "action", "errnoRet", "args", "comment", NULL };
        _cleanup_free_ const char **names = NULL;
        struct profile_rule *rule;
        enum profile_action action;
        const char *comment;
        char sub[160];
        size_t n = 0;
        int errno_ret = -1, k;

        if (!json_object_is_type(obj, json_type_object))
                return parse_error_field(err, field, "not an object");
        snprintf(sub, sizeof(sub), "%s.", field);
        if ((k = check_keys(obj, sub, known, err)) < 0 || (k = parse_names(obj, field, &names, &n, err)) < 0)
                return k;
        snprintf(sub, sizeof(sub), "%s.action", field);
        if ((k = parse_action(obj, "action", sub, &action, err)) < 0)
                return k;
        snprintf(sub, sizeof(sub), "%s.errnoRet", field);
        if ((k = parse_errno_ret(obj, "errnoRet", sub, &errno_ret, err)) < 0)
                return k;
        snprintf(sub, sizeof(sub), "%s.comment", field);
        if ((k = json_field_string(obj, "comment", sub, &comment, err)) < 0)
                return k;
        if ((k = profile_add_rule(p, names, n, action, errno_ret, &rule)) < 0)
                return k;
        if (comment && !(rule->comment = strdup(comment)))
                return -ENOMEM;
        return parse_args(rule, obj, field, err);
}

static int parse_rules(struct profile *p, struct json_object *obj, struct parse_error *err) {
        struct json_object *rules;
        int k;

        if ((k = get_typed(obj, "syscalls", "syscalls", json_type_array, "an array", &rules, err)) < 0 || !rules)
                return k;
        for (size_t i = 0; i < json_object_array_length(rules); i++) {
                char field[64];

                snprintf(field, sizeof(field), "syscalls[%zu]", i);
                if ((k = parse_rule(p, json_object_array_get_idx(rules, i), field, err)) < 0)
                        return k;
        }
        return 0;
}

static int parse_top(struct profile *p, struct json_object *obj, struct parse_error *err) {
        static const char *const known[] = {
                "defaultAction", "defaultErrnoRet",  "architectures", "flags",
                "listenerPath",  "listenerMetadata", "syscalls",      NULL,
        };
        int k;

        if (!json_object_is_type(obj, json_type_object))
                return parse_error_field(err, NULL, "not a JSON object");
        if ((k = check_keys(obj, "", known, err)) < 0 ||
            (k = parse_action(obj, "defaultAction", "defaultAction", &p->default_action, err)) < 0 ||
            (k = parse_errno_ret(obj, "defaultErrnoRet", "defaultErrnoRet", &p->default_errno_ret, err)) < 0 ||
            (k = parse_string_list(obj, "architectures", "architectures", add_architecture, p, err)) < 0 ||
            (k = parse_string_list(obj, "flags", "flags", add_flag, p, err)) < 0 ||
            (k = json_field_strdup(obj, "listenerPath", "listenerPath", &p->listener_path, err)) < 0 ||
            (k = json_field_strdup(obj, "listenerMetadata", "listenerMetadata", &p->listener_metadata, err)) < 0)
                return k;
        return parse_rules(p, obj, err);
}

int profile_from_json(struct json_object *obj, struct profile **ret, struct parse_error *err) {
        _cleanup_(profile_freep) struct profile *p = NULL;
        int k;

        if ((k = profile_new(&p)) < 0)
                return k;
        if ((k = parse_top(p, obj, err)) < 0)
                return k;
        *ret = TAKE_PTR(p);
        return 0;
}

int profile_parse(const char *text, size_t size, struct profile **ret, struct parse_error *err) {
        _cleanup_(json_object_putp) struct json_object *obj = NULL;
        int k;

        if ((k = json_parse_strict(text, size, &obj, err)) < 0)
                return k;
        return profile_from_json(obj, ret, err);
}

int profile_load_file(const char *path, struct profile **ret, struct parse_error *err) {
        _cleanup_free_ char *text = NULL;
        size_t size;
        int k;

        k = read_full_file(path, &text, &size);
        if (k < 0)
                return k;
        return profile_parse(text, size, ret, err);
}
