/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <json-c/json.h>
#include <string.h>

#include "sysrec/json-util.h"
#include "sysrec/profile.h"

static int rule_args_to_json(const struct profile_rule *rule, struct json_object *obj) {
        struct json_object *args;

        if (json_add_new_array(obj, "args", &args) < 0)
                return -ENOMEM;
        for (size_t i = 0; i < rule->n_args; i++) {
                const struct profile_arg *a = &rule->args[i];
                struct json_object *arg;

                if (json_add_new_object(args, NULL, &arg) < 0)
                        return -ENOMEM;
                if (json_add_uint64(arg, "index", a->index) < 0 || json_add_uint64(arg, "value", a->value) < 0 ||
                    json_add_uint64(arg, "valueTwo", a->value_two) < 0 ||
                    json_add_string(arg, "op", profile_op_to_string(a->op)) < 0)
                        return -ENOMEM;
        }
        return 0;
}

static int rule_to_json(const struct profile_rule *rule, struct json_object *rules) {
        struct json_object *obj, *names;

        if (json_add_new_object(rules, NULL, &obj) < 0 || json_add_new_array(obj, "names", &names) < 0)
                return -ENOMEM;
        for (size_t i = 0; i < rule->n_names; i++)
                if (json_array_add_string(names, rule->names[i]) < 0)
                        return -ENOMEM;
        if (json_add_string(obj, "action", profile_action_to_string(rule->action)) < 0)
                return -ENOMEM;
        if (rule->errno_ret >= 0 && json_add_uint64(obj, "errnoRet", (uint64_t) rule->errno_ret) < 0)
                return -ENOMEM;
        if (rule->n_args > 0 && rule_args_to_json(rule, obj) < 0)
                return -ENOMEM;
        if (rule->comment && json_add_string(obj, "comment", rule->comment) < 0)
                return -ENOMEM;
        return 0;
}

static int architectures_to_json(const struct profile *p, struct json_object *obj) {
        struct json_object *arches;

        if (json_add_new_array(obj, "architectures", &arches) < 0)
                return -ENOMEM;
        for (size_t i = 0; i < p->n_architectures; i++) {
                char name[64];
                int r = profile_arch_to_string(p->architectures[i], name, sizeof(name));
                if (r < 0)
                        return r;
                if (json_array_add_string(arches, name) < 0)
                        return -ENOMEM;
        }
        return 0;
}

static int flags_to_json(const struct profile *p, struct json_object *obj) {
        struct json_object *flags;

        if (json_add_new_array(obj, "flags", &flags) < 0)
                return -ENOMEM;
        for (unsigned bit = 0; bit < 32; bit++)
                if (p->flags & (1U << bit)) {
                        const char *name = profile_flag_to_string(1U << bit);
                        if (!name)
                                return -EINVAL;
                        if (json_array_add_string(flags, name) < 0)
                                return -ENOMEM;
                }
        return 0;
}

static int profile_to_json(const struct profile *p, struct json_object *obj) {
        struct json_object *rules;
        int r;

        if (json_add_string(obj, "defaultAction", profile_action_to_string(p->default_action)) < 0)
                return -ENOMEM;
        if (p->default_errno_ret >= 0 && json_add_uint64(obj, "defaultErrnoRet", (uint64_t) p->default_errno_ret) < 0)
                return -ENOMEM;
        if (p->n_architectures > 0 && (r = architectures_to_json(p, obj)) < 0)
                return r;
        if (p->flags != 0 && (r = flags_to_json(p, obj)) < 0)
                return r;
        if (p->listener_path && json_add_string(obj, "listenerPath", p->listener_path) < 0)
                return -ENOMEM;
        if (p->listener_metadata && json_add_string(obj, "listenerMetadata", p->listener_metadata) < 0)
                return -ENOMEM;
        if (json_add_new_array(obj, "syscalls", &rules) < 0)
                return -ENOMEM;
        for (size_t i = 0; i < p->n_rules; i++)
                if ((r = rule_to_json(&p->rules[i], rules)) < 0)
                        return r;
        return 0;
}

int profile_to_json_string(const struct profile *p, char **ret) {
        _cleanup_(json_object_putp) struct json_object *obj = json_object_new_object();
        int r;

        if (!obj)
                return -ENOMEM;
        r = profile_to_json(p, obj);
        if (r < 0)
                return r;
        return json_to_string_pretty(obj, ret);
}
