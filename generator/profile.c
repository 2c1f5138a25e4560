/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <ctype.h>
#include <errno.h>
#include <linux/seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sysrec/profile.h"

static const char *const action_names[_PROFILE_ACTION_MAX] = {
        [PROFILE_ACTION_KILL] = "SCMP_ACT_KILL",
        [PROFILE_ACTION_KILL_PROCESS] = "SCMP_ACT_KILL_PROCESS",
        [PROFILE_ACTION_KILL_THREAD] = "SCMP_ACT_KILL_THREAD",
        [PROFILE_ACTION_TRAP] = "SCMP_ACT_TRAP",
        [PROFILE_ACTION_ERRNO] = "SCMP_ACT_ERRNO",
        [PROFILE_ACTION_TRACE] = "SCMP_ACT_TRACE",
        [PROFILE_ACTION_ALLOW] = "SCMP_ACT_ALLOW",
        [PROFILE_ACTION_LOG] = "SCMP_ACT_LOG",
        [PROFILE_ACTION_NOTIFY] = "SCMP_ACT_NOTIFY",
};

const char *profile_action_to_string(enum profile_action a) {
        if ((unsigned) a >= _PROFILE_ACTION_MAX)
                return NULL;
        return action_names[a];
}

int profile_action_from_string(const char *s) {
        for (unsigned i = 0; i < _PROFILE_ACTION_MAX; i++)
                if (strcmp(action_names[i], s) == 0)
                        return (int) i;
        return -EINVAL;
}

int profile_action_errno(enum profile_action a, int errno_ret) {
        if (a == PROFILE_ACTION_ERRNO)
                return errno_ret >= 0 ? errno_ret : EPERM;
        if (a == PROFILE_ACTION_TRACE)
                return errno_ret >= 0 ? errno_ret : 0;
        return -1;
}

uint32_t profile_action_to_scmp(enum profile_action a, int errno_ret) {
        switch (a) {
        case PROFILE_ACTION_KILL:
        case PROFILE_ACTION_KILL_THREAD:
                return SCMP_ACT_KILL_THREAD;
        case PROFILE_ACTION_KILL_PROCESS:
                return SCMP_ACT_KILL_PROCESS;
        case PROFILE_ACTION_TRAP:
                return SCMP_ACT_TRAP;
        case PROFILE_ACTION_ERRNO:
                return SCMP_ACT_ERRNO((uint32_t) profile_action_errno(a, errno_ret));
        case PROFILE_ACTION_TRACE:
                return SCMP_ACT_TRACE((uint32_t) profile_action_errno(a, errno_ret));
        case PROFILE_ACTION_ALLOW:
                return SCMP_ACT_ALLOW;
        case PROFILE_ACTION_LOG:
                return SCMP_ACT_LOG;
        case PROFILE_ACTION_NOTIFY:
                return SCMP_ACT_NOTIFY;
        default:
                return SCMP_ACT_KILL_PROCESS;
        }
}

bool profile_action_same(enum profile_action a, int a_errno, enum profile_action b, int b_errno) {
        return a == b && profile_action_to_scmp(a, a_errno) == profile_action_to_scmp(b, b_errno);
}

bool profile_action_denies(enum profile_action a) {
        return a != PROFILE_ACTION_ALLOW && a != PROFILE_ACTION_LOG;
}

static const char *const op_names[_SCMP_CMP_MAX] = {
        [SCMP_CMP_NE] = "SCMP_CMP_NE",
        [SCMP_CMP_LT] = "SCMP_CMP_LT",
        [SCMP_CMP_LE] = "SCMP_CMP_LE",
        [SCMP_CMP_EQ] = "SCMP_CMP_EQ",
        [SCMP_CMP_GE] = "SCMP_CMP_GE",
        [SCMP_CMP_GT] = "SCMP_CMP_GT",
        [SCMP_CMP_MASKED_EQ] = "SCMP_CMP_MASKED_EQ",
};

const char *profile_op_to_string(enum scmp_compare op) {
        if ((unsigned) op >= _SCMP_CMP_MAX)
                return NULL;
        return op_names[op];
}

int profile_op_from_string(const char *s) {
        for (unsigned i = 0; i < _SCMP_CMP_MAX; i++)
                if (op_names[i] && strcmp(op_names[i], s) == 0)
                        return (int) i;
        return -EINVAL;
}

int profile_args_text(const struct profile_arg *args, size_t n_args, char **ret) {
        char *s = strdup("");

        for (size_t i = 0; s && i < n_args; i++) {
                const struct profile_arg *a = &args[i];
                char *t;

                if (asprintf(&t, "%s [%u %s %llu %llu]", s, a->index, profile_op_to_string(a->op),
                             (unsigned long long) a->value, (unsigned long long) a->value_two) < 0)
                        t = NULL;
                free(s);
                s = t;
        }
        *ret = s;
        return s ? 0 : -ENOMEM;
}

#define ARCH_PREFIX "SCMP_ARCH_"

int profile_arch_from_string(const char *s, uint32_t *ret_token) {
        char lower[32];
        size_t n = strlen(ARCH_PREFIX), i;
        uint32_t token;

        if (strncmp(s, ARCH_PREFIX, n) != 0 || strlen(s + n) >= sizeof(lower) || !s[n])
                return -EINVAL;
        for (i = 0; s[n + i]; i++) {
                if (islower((unsigned char) s[n + i]))
                        return -EINVAL; /* the spec spells them upper-case */
                lower[i] = (char) tolower((unsigned char) s[n + i]);
        }
        lower[i] = 0;
        /* "native" would mean whatever machine loads the profile: not an OCI value. */
        if (strcmp(lower, "native") == 0)
                return -EINVAL;
        token = seccomp_arch_resolve_name(lower);
        if (token == 0)
                return -EINVAL;
        *ret_token = token;
        return 0;
}

/* libseccomp has no token-to-name call, so we search the names it resolves. */
static const char *const libseccomp_arch_names[] = {
        "x86",         "x86_64", "x32",   "arm",     "aarch64", "mips",  "mips64", "mips64n32", "mipsel",  "mipsel64",
        "mipsel64n32", "ppc",    "ppc64", "ppc64le", "s390",    "s390x", "parisc", "parisc64",  "riscv64",
};

int profile_arch_to_string(uint32_t token, char *buf, size_t size) {
        for (size_t i = 0; i < sizeof(libseccomp_arch_names) / sizeof(libseccomp_arch_names[0]); i++) {
                const char *name = libseccomp_arch_names[i];
                size_t j, n;

                if (seccomp_arch_resolve_name(name) != token)
                        continue;
                n = (size_t) snprintf(buf, size, ARCH_PREFIX "%s", name);
                if (n >= size)
                        return -ENOBUFS;
                for (j = strlen(ARCH_PREFIX); buf[j]; j++)
                        buf[j] = (char) toupper((unsigned char) buf[j]);
                return 0;
        }
        return -EINVAL;
}

static const struct {
        const char *name;
        uint32_t bit;
} flag_names[] = {
        { "SECCOMP_FILTER_FLAG_TSYNC", SECCOMP_FILTER_FLAG_TSYNC },
        { "SECCOMP_FILTER_FLAG_LOG", SECCOMP_FILTER_FLAG_LOG },
        { "SECCOMP_FILTER_FLAG_SPEC_ALLOW", SECCOMP_FILTER_FLAG_SPEC_ALLOW },
        { "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV", 1U << 5 /* Linux 5.19 */ },
};

int profile_flag_from_string(const char *s, uint32_t *ret_bit) {
        for (size_t i = 0; i < sizeof(flag_names) / sizeof(flag_names[0]); i++)
                if (strcmp(flag_names[i].name, s) == 0) {
                        *ret_bit = flag_names[i].bit;
                        return 0;
                }
        return -EINVAL;
}

const char *profile_flag_to_string(uint32_t bit) {
        for (size_t i = 0; i < sizeof(flag_names) / sizeof(flag_names[0]); i++)
                if (flag_names[i].bit == bit)
                        return flag_names[i].name;
        return NULL;
}

int profile_new(struct profile **ret) {
        struct profile *p = calloc(1, sizeof(*p));
        if (!p)
                return -ENOMEM;
        p->default_action = PROFILE_ACTION_ERRNO;
        p->default_errno_ret = -1;
        *ret = p;
        return 0;
}

static void profile_rule_done(struct profile_rule *rule) {
        for (size_t i = 0; i < rule->n_names; i++)
                free(rule->names[i]);
        free(rule->names);
        free(rule->args);
        free(rule->comment);
}

void profile_free(struct profile *p) {
        if (!p)
                return;
        for (size_t i = 0; i < p->n_rules; i++)
                profile_rule_done(&p->rules[i]);
        free(p->rules);
        free(p->architectures);
        free(p->listener_path);
        free(p->listener_metadata);
        free(p);
}

size_t profile_arches(const struct profile *p, uint32_t *native, const uint32_t **ret) {
        if (p->n_architectures > 0) {
                *ret = p->architectures;
                return p->n_architectures;
        }
        *native = seccomp_arch_native();
        *ret = native;
        return 1;
}

int profile_add_rule(struct profile *p, const char *const *names, size_t n_names, enum profile_action action,
                     int errno_ret, struct profile_rule **ret) {
        struct profile_rule *rules, *rule;

        rules = reallocarray(p->rules, p->n_rules + 1, sizeof(*rules));
        if (!rules)
                return -ENOMEM;
        p->rules = rules;
        rule = &rules[p->n_rules];
        *rule = (struct profile_rule){ .action = action, .errno_ret = errno_ret };
        rule->names = calloc(n_names + 1, sizeof(char *));
        if (!rule->names)
                return -ENOMEM;
        for (size_t i = 0; i < n_names; i++) {
                rule->names[i] = strdup(names[i]);
                if (!rule->names[i]) {
                        profile_rule_done(rule);
                        return -ENOMEM;
                }
                rule->n_names++;
        }
        p->n_rules++;
        if (ret)
                *ret = rule;
        return 0;
}

int profile_add_architecture(struct profile *p, uint32_t token) {
        uint32_t *a;

        for (size_t i = 0; i < p->n_architectures; i++)
                if (p->architectures[i] == token)
                        return 0;
        a = reallocarray(p->architectures, p->n_architectures + 1, sizeof(*a));
        if (!a)
                return -ENOMEM;
        a[p->n_architectures++] = token;
        p->architectures = a;
        return 0;
}

static bool profile_names_syscall(const struct profile *p, const char *name) {
        for (size_t i = 0; i < p->n_rules; i++)
                if (str_in_set(name, (const char *const *) p->rules[i].names))
                        return true;
        return false;
}

int profile_add_clone3_enosys(struct profile *p) {
        const char *clone3 = "clone3";

        if (!profile_action_denies(p->default_action) || profile_names_syscall(p, clone3))
                return 0;
        return profile_add_rule(p, &clone3, 1, PROFILE_ACTION_ERRNO, ENOSYS, NULL);
}

void profile_remove_rule(struct profile *p, size_t i) {
        profile_rule_done(&p->rules[i]);
        memmove(&p->rules[i], &p->rules[i + 1], (p->n_rules - i - 1) * sizeof(*p->rules));
        p->n_rules--;
}

int profile_rule_add_name(struct profile_rule *rule, const char *name) {
        size_t at = rule->n_names;
        char **names, *copy;

        for (size_t i = 0; i < rule->n_names; i++) {
                int c = strcmp(rule->names[i], name);
                if (c == 0)
                        return 0;
                if (c > 0 && at == rule->n_names)
                        at = i;
        }
        copy = strdup(name);
        if (!copy)
                return -ENOMEM;
        names = reallocarray(rule->names, rule->n_names + 2, sizeof(char *));
        if (!names) {
                free(copy);
                return -ENOMEM;
        }
        memmove(&names[at + 1], &names[at], (rule->n_names - at + 1) * sizeof(char *));
        names[at] = copy;
        rule->names = names;
        rule->n_names++;
        return 0;
}

bool profile_rule_remove_name(struct profile_rule *rule, const char *name) {
        for (size_t i = 0; i < rule->n_names; i++)
                if (strcmp(rule->names[i], name) == 0) {
                        free(rule->names[i]);
                        memmove(&rule->names[i], &rule->names[i + 1], (rule->n_names - i) * sizeof(char *));
                        rule->n_names--;
                        return true;
                }
        return false;
}
