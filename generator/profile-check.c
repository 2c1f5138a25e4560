/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Checks of a parsed profile beyond its schema (which profile_parse() enforces):
 * what runtimes refuse or silently drop, what it allows that reaches past a
 * container, how it compares with the runtime default, and what it compiles to. */
#include <errno.h>
#include <seccomp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sysrec/check-tables.h"
#include "sysrec/profile-check.h"
#include "sysrec/profile-filter.h"
#include "sysrec/syscall-map.h"

const char *check_severity_to_string(enum check_severity s) {
        static const char *const names[_CHECK_SEVERITY_MAX] = { "error", "warning", "note" };
        return (unsigned) s < _CHECK_SEVERITY_MAX ? names[s] : NULL;
}

static int add_finding(struct profile_check *c, enum check_severity s, const char *field, const char *format, ...)
        _printf_(4, 5);
static int add_finding(struct profile_check *c, enum check_severity s, const char *field, const char *format, ...) {
        struct check_finding *f = reallocarray(c->findings, c->n_findings + 1, sizeof(*f));
        va_list ap;
        int k;

        if (!f)
                return -ENOMEM;
        c->findings = f;
        f = &f[c->n_findings];
        *f = (struct check_finding){ .severity = s };
        va_start(ap, format);
        k = vasprintf(&f->message, format, ap);
        va_end(ap);
        if (k < 0)
                return -ENOMEM;
        if (field && !(f->field = strdup(field))) {
                free(f->message);
                return -ENOMEM;
        }
        c->n_findings++;
        return 0;
}

static bool allows(enum profile_action a) {
        return !profile_action_denies(a);
}

/* Whether some rule allowing name, under any conditions, is in p. */
static bool profile_allows_name(const struct profile *p, const char *name) {
        for (size_t i = 0; i < p->n_rules; i++)
                if (allows(p->rules[i].action) && str_in_set(name, (const char *const *) p->rules[i].names))
                        return true;
        return false;
}

static int check_architectures(const struct profile *p, struct profile_check *c) {
        int k;

        for (size_t i = 0; i < p->n_architectures; i++) {
                char field[48], name[64] = "?";

                if (runtime_arch_accepted(p->architectures[i]))
                        continue;
                (void) profile_arch_to_string(p->architectures[i], name, sizeof(name));
                snprintf(field, sizeof(field), "architectures[%zu]", i);
                if ((k = add_finding(c, CHECK_ERROR, field, "%s: runc does not accept it", name)) < 0)
                        return k;
        }
        return 0;
}

static int check_actions(const struct profile *p, struct profile_check *c) {
        static const char kill_why[] = "SCMP_ACT_KILL kills only the calling thread and leaves the rest of the "
                                       "process running; say SCMP_ACT_KILL_PROCESS or SCMP_ACT_KILL_THREAD";
        int k;

        if (p->default_action == PROFILE_ACTION_KILL &&
            (k = add_finding(c, CHECK_WARNING, "defaultAction", "%s", kill_why)) < 0)
                return k;
        if (p->default_action == PROFILE_ACTION_ERRNO && p->default_errno_ret < 0 &&
            (k = add_finding(c, CHECK_WARNING, "defaultErrnoRet",
                             "missing with SCMP_ACT_ERRNO: runc and crun return EPERM, older runtimes and "
                             "other tools differ; say which errno")) < 0)
                return k;
        if (allows(p->default_action) &&
            (k = add_finding(c, CHECK_NOTE, "defaultAction", "%s: a denylist, not an allowlist",
                             profile_action_to_string(p->default_action))) < 0)
                return k;
        for (size_t i = 0; i < p->n_rules; i++) {
                char field[48];

                snprintf(field, sizeof(field), "syscalls[%zu].action", i);
                if (p->rules[i].action == PROFILE_ACTION_KILL &&
                    (k = add_finding(c, CHECK_WARNING, field, "%s", kill_why)) < 0)
                        return k;
        }
        return 0;
}

/* Appends the names of the architectures of p lacking name to buf; their count. */
static size_t missing_arches(const struct profile *p, const char *name, char *buf, size_t size) {
        const uint32_t *arches;
        uint32_t native;
        size_t n = profile_arches(p, &native, &arches), missing = 0, used = 0;

        buf[0] = 0;
        for (size_t a = 0; a < n; a++) {
                char arch[64] = "?";

                if (syscall_exists_on(arches[a], name))
                        continue;
                (void) profile_arch_to_string(arches[a], arch, sizeof(arch));
                if (used < size)
                        used += (size_t) snprintf(buf + used, size - used, "%s%s", missing ? ", " : "", arch);
                missing++;
        }
        return missing;
}

/* Whether p allows, on every architecture where name is missing, one of the calls
 * that replace it there (openat for open); true when we know of none (arch_prctl). */
static bool counterpart_allowed(const struct profile *p, const char *name) {
        const struct syscall_map *m = syscall_map_find(name);
        const uint32_t *arches;
        uint32_t native;
        size_t n = profile_arches(p, &native, &arches);

        if (!m || !m->to[0])
                return true;
        for (size_t a = 0; a < n; a++) {
                bool found = false;

                if (syscall_exists_on(arches[a], name))
                        continue;
                for (size_t t = 0; m->to[t]; t++)
                        found = found || (syscall_exists_on(arches[a], m->to[t]) && profile_allows_name(p, m->to[t]));
                if (!found)
                        return false;
        }
        return true;
}

/* A name libseccomp does not know at all is an error (crun refuses the profile);
 * one missing on a listed architecture is dropped there by runtimes, silently: a
 * warning when that leaves it nowhere, or an allowed call without its counterpart
 * (openat for open), a note otherwise. */
static int check_name(const struct profile *p, const struct profile_rule *rule, const char *name, const char *field,
                      struct profile_check *c) {
        const uint32_t *arches;
        uint32_t native;
        size_t n = profile_arches(p, &native, &arches), missing;
        char where[512];

        if (!syscall_exists_anywhere(name))
                return add_finding(c, CHECK_ERROR, field, "unknown syscall \"%s\"", name);
        missing = missing_arches(p, name, where, sizeof(where));
        if (missing == 0)
                return 0;
        if (missing == n)
                return add_finding(c, CHECK_WARNING, field,
                                   "\"%s\" does not exist on %s: runtimes drop it without a word", name, where);
        if (allows(rule->action) && !counterpart_allowed(p, name))
                return add_finding(c, CHECK_WARNING, field,
                                   "\"%s\" does not exist on %s, and what replaces it there is not allowed", name,
                                   where);
        return add_finding(c, CHECK_NOTE, field, "\"%s\" does not exist on %s: runtimes drop it there", name, where);
}

static int check_risky(const struct profile_rule *rule, const char *name, const char *field, struct profile_check *c) {
        const struct risky_syscall *r = risky_syscall_find(name);

        if (!r || !allows(rule->action))
                return 0;
        return add_finding(c, CHECK_WARNING, field, "allows %s%s, which %s", name,
                           rule->n_args > 0 ? " (under argument conditions)" : "", r->why);
}

/* The unconditional rule for name whose action runtimes load (one repeating the
 * default is skipped), or -1. */
static ssize_t unconditional_rule(const struct profile *p, const char *name) {
        for (size_t i = 0; i < p->n_rules; i++) {
                const struct profile_rule *r = &p->rules[i];

                if (r->n_args > 0 ||
                    profile_action_same(r->action, r->errno_ret, p->default_action, p->default_errno_ret))
                        continue;
                if (str_in_set(name, (const char *const *) r->names))
                        return (ssize_t) i;
        }
        return -1;
}

/* libseccomp, which runc and crun compile profiles with, lets an unconditional rule
 * decide every call of its syscall: a conditional rule for it with another action
 * never applies, whatever their order (tried with sysrec run). */
static int check_shadowed(const struct profile *p, const struct profile_rule *rule, const char *name, const char *field,
                          struct profile_check *c) {
        ssize_t k = rule->n_args > 0 ? unconditional_rule(p, name) : -1;
        const struct profile_rule *u;

        if (k < 0)
                return 0;
        u = &p->rules[k];
        if (profile_action_same(u->action, u->errno_ret, rule->action, rule->errno_ret))
                return 0;
        return add_finding(c, CHECK_WARNING, field,
                           "this %s rule for %s never applies: the unconditional %s rule syscalls[%zd] decides every "
                           "call of it (libseccomp, as runc and crun use it)",
                           profile_action_to_string(rule->action), name, profile_action_to_string(u->action), k);
}

/* Every name of every rule; with shadowed_only, only whether a rule never applies. */
static int check_names(const struct profile *p, bool shadowed_only, struct profile_check *c) {
        int k;

        for (size_t i = 0; i < p->n_rules; i++)
                for (size_t j = 0; j < p->rules[i].n_names; j++) {
                        const char *name = p->rules[i].names[j];
                        char field[64];

                        snprintf(field, sizeof(field), "syscalls[%zu].names[%zu]", i, j);
                        if (!shadowed_only && ((k = check_name(p, &p->rules[i], name, field, c)) < 0 ||
                                               (k = check_risky(&p->rules[i], name, field, c)) < 0))
                                return k;
                        if ((k = check_shadowed(p, &p->rules[i], name, field, c)) < 0)
                                return k;
                }
        return 0;
}

int profile_check_shadowed(const struct profile *p, struct profile_check *ret) {
        struct profile_check c = {};
        int k;

        if ((k = check_names(p, true, &c)) < 0) {
                profile_check_done(&c);
                return k;
        }
        *ret = c;
        return 0;
}

static int compare_strings(const void *a, const void *b) {
        return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/* Unique names allowed unconditionally, and those beyond the runtime default. */
static int compare_with_default(const struct profile *p, struct profile_check *c) {
        size_t n = 0, unique = 0, total = 0;
        const char **names;

        for (size_t i = 0; i < p->n_rules; i++)
                total += p->rules[i].n_names;
        names = calloc(total + 1, sizeof(char *));
        if (!names)
                return -ENOMEM;
        for (size_t i = 0; i < p->n_rules; i++)
                for (size_t j = 0; allows(p->rules[i].action) && p->rules[i].n_args == 0 && j < p->rules[i].n_names;
                     j++)
                        names[n++] = p->rules[i].names[j];
        if (n > 0)
                qsort(names, n, sizeof(char *), compare_strings);
        for (size_t i = 0; i < n; i++)
                if (unique == 0 || strcmp(names[unique - 1], names[i]) != 0)
                        names[unique++] = names[i];
        c->n_allowed = unique;
        for (size_t i = 0; i < unique; i++) {
                const struct runtime_default_syscall *d = runtime_default_find(names[i]);
                if (!d || d->conditional)
                        names[c->n_beyond_default++] = names[i];
        }
        c->beyond_default = names;
        return 0;
}

static int add_size(struct profile_check *c, uint32_t arch, unsigned linear, unsigned tree) {
        struct check_filter_size *s = reallocarray(c->sizes, c->n_sizes + 1, sizeof(*s));

        if (!s)
                return -ENOMEM;
        c->sizes = s;
        s[c->n_sizes++] = (struct check_filter_size){ .arch = arch, .linear = linear, .tree = tree };
        return 0;
}

/* Compiles p both ways; a failure is an error finding naming the field. */
static int measure(const struct profile *p, uint32_t arch, struct profile_check *c) {
        _cleanup_(profile_filter_freep) struct profile_filter *linear = NULL, *tree = NULL;
        struct parse_error err = {};
        int k;

        k = profile_filter_compile(p, &linear, &err);
        if (k >= 0)
                k = profile_filter_compile_tree(p, &tree, &err);
        if (k == -ENOMEM)
                return k;
        if (k < 0)
                return add_finding(c, CHECK_ERROR, err.field[0] ? err.field : NULL, "does not compile: %s",
                                   err.message[0] ? err.message : strerror(-k));
        return add_size(c, arch, linear->len, tree->len);
}

/* SCMP_ACT_NOTIFY needs an agent, which profile_filter_compile() refuses to
 * stand for; an action of the same size that no other rule has measures it. */
#define NOTIFY_STAND_IN_ERRNO 0xffff

static bool uses_notify(const struct profile *p) {
        for (size_t i = 0; i < p->n_rules; i++)
                if (p->rules[i].action == PROFILE_ACTION_NOTIFY)
                        return true;
        return p->default_action == PROFILE_ACTION_NOTIFY;
}

static int without_notify(const struct profile *p, struct profile *ret, struct profile_rule **ret_rules) {
        struct profile_rule *rules = calloc(p->n_rules + 1, sizeof(*rules));

        if (!rules)
                return -ENOMEM;
        *ret = *p;
        for (size_t i = 0; i < p->n_rules; i++) {
                rules[i] = p->rules[i];
                if (rules[i].action == PROFILE_ACTION_NOTIFY)
                        rules[i] = (struct profile_rule){ .names = p->rules[i].names,
                                                          .n_names = p->rules[i].n_names,
                                                          .args = p->rules[i].args,
                                                          .n_args = p->rules[i].n_args,
                                                          .action = PROFILE_ACTION_TRACE,
                                                          .errno_ret = NOTIFY_STAND_IN_ERRNO };
        }
        if (p->default_action == PROFILE_ACTION_NOTIFY) {
                ret->default_action = PROFILE_ACTION_TRACE;
                ret->default_errno_ret = NOTIFY_STAND_IN_ERRNO - 1;
        }
        ret->rules = rules;
        *ret_rules = rules;
        return 0;
}

static int check_notify(const struct profile *p, struct profile_check *c) {
        if (!uses_notify(p) || p->listener_path)
                return 0;
        return add_finding(c, CHECK_ERROR, "listenerPath", "missing, and SCMP_ACT_NOTIFY needs an agent there");
}

/* Per architecture, then the whole profile, as a runtime would load it. */
static int check_filter(const struct profile *p, struct profile_check *c) {
        _cleanup_free_ struct profile_rule *rules = NULL;
        struct profile copy;
        const uint32_t *arches;
        uint32_t native;
        size_t n = profile_arches(p, &native, &arches);
        int k;

        if (uses_notify(p)) {
                if ((k = without_notify(p, &copy, &rules)) < 0)
                        return k;
                p = &copy;
        }
        for (size_t a = 0; n > 1 && a < n; a++) {
                struct profile one = *p;
                uint32_t token = arches[a];

                one.architectures = &token;
                one.n_architectures = 1;
                if ((k = measure(&one, token, c)) < 0)
                        return k;
        }
        return measure(p, 0, c);
}

size_t profile_check_count(const struct profile_check *c, enum check_severity s) {
        size_t n = 0;

        for (size_t i = 0; i < c->n_findings; i++)
                n += c->findings[i].severity == s;
        return n;
}

int profile_check(const struct profile *p, struct profile_check *ret) {
        struct profile_check c = {};
        int k;

        if ((k = check_architectures(p, &c)) < 0 || (k = check_actions(p, &c)) < 0 ||
            (k = check_names(p, false, &c)) < 0 || (k = check_notify(p, &c)) < 0 ||
            (k = compare_with_default(p, &c)) < 0)
                goto fail;
        /* what libseccomp would say about names already reported adds nothing */
        if (profile_check_count(&c, CHECK_ERROR) == 0 && (k = check_filter(p, &c)) < 0)
                goto fail;
        *ret = c;
        return 0;
fail:
        profile_check_done(&c);
        return k;
}

void profile_check_done(struct profile_check *c) {
        for (size_t i = 0; i < c->n_findings; i++) {
                free(c->findings[i].field);
                free(c->findings[i].message);
        }
        free(c->findings);
        free(c->sizes);
        free(c->beyond_default);
        *c = (struct profile_check){};
}
