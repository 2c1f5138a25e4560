/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The union of several profiles. Every (syscall, conditions, action) of every input
 * becomes an entry; sorting the entries puts, for each syscall and conditions, the
 * least permissive action first, which is kept; rules are then rebuilt from what is
 * kept, so the output depends on what the inputs do, not on how they are written. */
#include <errno.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sysrec/profile-merge.h"

struct merge_entry {
        const char *name; /* in an input */
        char *key;        /* the conditions as text, "" for none */
        struct profile_arg *args;
        size_t n_args;
        enum profile_action action;
        int errno_ret;
};

struct entry_list {
        struct merge_entry *e;
        size_t n;
};

static void entries_free(struct entry_list *l) {
        for (size_t i = 0; i < l->n; i++) {
                free(l->e[i].key);
                free(l->e[i].args);
        }
        free(l->e);
}

/* Least permissive first; KILL before KILL_THREAD only to be deterministic. */
static int action_rank(enum profile_action a) {
        static const int rank[_PROFILE_ACTION_MAX] = {
                [PROFILE_ACTION_KILL_PROCESS] = 0, [PROFILE_ACTION_KILL] = 1,  [PROFILE_ACTION_KILL_THREAD] = 2,
                [PROFILE_ACTION_TRAP] = 3,         [PROFILE_ACTION_ERRNO] = 4, [PROFILE_ACTION_TRACE] = 5,
                [PROFILE_ACTION_NOTIFY] = 6,       [PROFILE_ACTION_LOG] = 7,   [PROFILE_ACTION_ALLOW] = 8,
        };
        return (unsigned) a < _PROFILE_ACTION_MAX ? rank[a] : 0;
}

/* Negative when (a, ea) is less permissive than (b, eb); equal actions prefer an
 * explicit errnoRet, so that what is written is what was meant. */
static int action_compare(enum profile_action a, int ea, enum profile_action b, int eb) {
        int c = action_rank(a) - action_rank(b);

        if (c == 0)
                c = profile_action_errno(a, ea) - profile_action_errno(b, eb);
        if (c == 0)
                c = eb - ea;
        return c;
}

static char *action_text(enum profile_action a, int errno_ret) {
        char *s;
        int e = profile_action_errno(a, errno_ret);

        if (e >= 0 && asprintf(&s, "%s(%d)", profile_action_to_string(a), e) >= 0)
                return s;
        return e >= 0 ? NULL : strdup(profile_action_to_string(a));
}

static int arg_compare(const void *x, const void *y) {
        const struct profile_arg *a = x, *b = y;

        if (a->index != b->index)
                return a->index < b->index ? -1 : 1;
        if (a->op != b->op)
                return a->op < b->op ? -1 : 1;
        if (a->value != b->value)
                return a->value < b->value ? -1 : 1;
        if (a->value_two != b->value_two)
                return a->value_two < b->value_two ? -1 : 1;
        return 0;
}

/* Conditions on different arguments all hold, so their order does not matter:
 * sorted, and as text for comparing. */
static int entry_set_args(struct merge_entry *e, const struct profile_rule *rule) {
        if (rule->n_args > 0) {
                e->args = calloc(rule->n_args, sizeof(*e->args));
                if (!e->args)
                        return -ENOMEM;
                memcpy(e->args, rule->args, rule->n_args * sizeof(*e->args));
                qsort(e->args, rule->n_args, sizeof(*e->args), arg_compare);
                e->n_args = rule->n_args;
        }
        return profile_args_text(e->args, e->n_args, &e->key);
}

static int collect(const struct profile *p, struct entry_list *l) {
        for (size_t i = 0; i < p->n_rules; i++)
                for (size_t j = 0; j < p->rules[i].n_names; j++) {
                        struct merge_entry *e = reallocarray(l->e, l->n + 1, sizeof(*e));
                        int k;

                        if (!e)
                                return -ENOMEM;
                        l->e = e;
                        e = &e[l->n];
                        *e = (struct merge_entry){ .name = p->rules[i].names[j],
                                                   .action = p->rules[i].action,
                                                   .errno_ret = p->rules[i].errno_ret };
                        k = entry_set_args(e, &p->rules[i]);
                        l->n++; /* freed with the list even when half made */
                        if (k < 0)
                                return k;
                }
        return 0;
}

/* By syscall, conditions, then least permissive first. */
static int entry_compare(const void *x, const void *y) {
        const struct merge_entry *a = x, *b = y;
        int c;

        if ((c = strcmp(a->name, b->name)) || (c = strcmp(a->key, b->key)))
                return c;
        return action_compare(a->action, a->errno_ret, b->action, b->errno_ret);
}

static void conflict_done(struct merge_conflict *c) {
        free(c->name);
        free(c->args);
        free(c->kept);
        free(c->dropped);
}

static int add_conflict(struct merge_conflict **list, size_t *n, const char *name, const char *args,
                        const struct merge_entry *kept, const struct merge_entry *dropped) {
        struct merge_conflict *c = reallocarray(*list, *n + 1, sizeof(*c));

        if (!c)
                return -ENOMEM;
        *list = c;
        c = &c[*n];
        *c = (struct merge_conflict){ .name = strdup(name),
                                      .args = strdup(args),
                                      .kept = action_text(kept->action, kept->errno_ret),
                                      .dropped = action_text(dropped->action, dropped->errno_ret) };
        (*n)++;
        if (!c->name || !c->args || !c->kept || !c->dropped)
                return -ENOMEM;
        /* several inputs may disagree the same way: said once */
        for (size_t i = 0; i + 1 < *n; i++)
                if (strcmp((*list)[i].name, c->name) == 0 && strcmp((*list)[i].args, c->args) == 0 &&
                    strcmp((*list)[i].dropped, c->dropped) == 0) {
                        conflict_done(c);
                        (*n)--;
                        break;
                }
        return 0;
}

void merge_conflicts_free(struct merge_conflict *c, size_t n) {
        for (size_t i = 0; i < n; i++)
                conflict_done(&c[i]);
        free(c);
}

struct merge_state {
        struct entry_list entries;
        const struct merge_entry **kept;
        size_t n_kept;
        struct merge_conflict *conflicts;
        size_t n_conflicts;
};

static bool same_target(const struct merge_entry *a, const struct merge_entry *b) {
        return strcmp(a->name, b->name) == 0 && strcmp(a->key, b->key) == 0;
}

/* The first entry of each (syscall, conditions) is the least permissive: kept.
 * Each other action seen for it is one conflict. */
static int resolve(struct merge_state *s) {
        const struct merge_entry *e = s->entries.e;
        int k;

        s->kept = calloc(s->entries.n + 1, sizeof(*s->kept));
        if (!s->kept)
                return -ENOMEM;
        for (size_t i = 0, first = 0; i < s->entries.n; i++) {
                if (i == 0 || !same_target(&e[first], &e[i])) {
                        first = i;
                        s->kept[s->n_kept++] = &e[i];
                        continue;
                }
                if (profile_action_same(e[i].action, e[i].errno_ret, e[i - 1].action, e[i - 1].errno_ret) ||
                    profile_action_same(e[i].action, e[i].errno_ret, e[first].action, e[first].errno_ret))
                        continue;
                if ((k = add_conflict(&s->conflicts, &s->n_conflicts, e[i].name, e[i].key, &e[first], &e[i])) < 0)
                        return k;
        }
        return 0;
}

/* A conditional entry with the action of the syscall's unconditional one adds
 * nothing: the unconditional rule already matches every call. Kept entries are
 * sorted by name, the unconditional one ("" sorts first) leading. */
static void drop_covered(struct merge_state *s) {
        const struct merge_entry *uncond = NULL;
        size_t n = 0;

        for (size_t i = 0; i < s->n_kept; i++) {
                const struct merge_entry *e = s->kept[i];

                if (!e->key[0])
                        uncond = e;
                else if (uncond && strcmp(uncond->name, e->name) == 0 &&
                         profile_action_same(uncond->action, uncond->errno_ret, e->action, e->errno_ret))
                        continue;
                s->kept[n++] = e;
        }
        s->n_kept = n;
}

static bool is_plain_allow(const struct merge_entry *e) {
        return e->action == PROFILE_ACTION_ALLOW && !e->key[0];
}

/* Rule order: unconditional SCMP_ACT_ALLOW, then by action, errno and conditions;
 * within a rule, names sorted. */
static int rule_compare(const void *x, const void *y) {
        const struct merge_entry *a = *(const struct merge_entry *const *) x,
                                 *b = *(const struct merge_entry *const *) y;
        int c;

        if (is_plain_allow(a) != is_plain_allow(b))
                return is_plain_allow(a) ? -1 : 1;
        if ((c = strcmp(profile_action_to_string(a->action), profile_action_to_string(b->action))) ||
            (c = a->errno_ret - b->errno_ret) || (c = strcmp(a->key, b->key)))
                return c;
        return strcmp(a->name, b->name);
}

static bool same_rule(const struct merge_entry *a, const struct merge_entry *b) {
        return a->action == b->action && a->errno_ret == b->errno_ret && strcmp(a->key, b->key) == 0;
}

static int build_rules(struct merge_state *s, struct profile *out) {
        const char **names = calloc(s->n_kept + 1, sizeof(char *));
        int k = 0;

        if (!names)
                return -ENOMEM;
        if (s->n_kept > 0)
                qsort(s->kept, s->n_kept, sizeof(*s->kept), rule_compare);
        for (size_t i = 0, first = 0; k >= 0 && i < s->n_kept; i++) {
                const struct merge_entry *e = s->kept[first];
                struct profile_rule *rule;

                names[i - first] = s->kept[i]->name;
                if (i + 1 < s->n_kept && same_rule(e, s->kept[i + 1]))
                        continue;
                k = profile_add_rule(out, names, i + 1 - first, e->action, e->errno_ret, &rule);
                if (k >= 0 && e->n_args > 0) {
                        rule->args = calloc(e->n_args, sizeof(*rule->args));
                        if (!rule->args)
                                k = -ENOMEM;
                        else {
                                memcpy(rule->args, e->args, e->n_args * sizeof(*rule->args));
                                rule->n_args = e->n_args;
                        }
                }
                first = i + 1;
        }
        free(names);
        return k;
}

/* Architectures in a fixed order (sysrec's first, as generate writes them), so
 * that the output does not depend on the order of the inputs. */
static unsigned arch_rank(uint32_t token) {
        static const char *const order[] = {
                "x86_64",   "x86",         "x32",    "aarch64",  "arm",    "riscv64",   "ppc64le",
                "ppc64",    "ppc",         "s390x",  "s390",     "mips64", "mips64n32", "mips",
                "mipsel64", "mipsel64n32", "mipsel", "parisc64", "parisc",
        };
        for (unsigned i = 0; i < ELEMENTSOF(order); i++)
                if (seccomp_arch_resolve_name(order[i]) == token)
                        return i;
        return ELEMENTSOF(order);
}

static int arch_compare(const void *x, const void *y) {
        uint32_t a = *(const uint32_t *) x, b = *(const uint32_t *) y;
        unsigned ra = arch_rank(a), rb = arch_rank(b);

        if (ra != rb)
                return ra < rb ? -1 : 1;
        return a < b ? -1 : a > b;
}

static int merge_header(const struct profile *const *inputs, size_t n, struct merge_state *s, struct profile *out) {
        struct merge_entry kept = {}, other;
        int k;

        for (size_t i = 0; i < n; i++) {
                const struct profile *p = inputs[i];

                for (size_t a = 0; a < p->n_architectures; a++)
                        if ((k = profile_add_architecture(out, p->architectures[a])) < 0)
                                return k;
                out->flags |= p->flags;
                if (!out->listener_path && p->listener_path && !(out->listener_path = strdup(p->listener_path)))
                        return -ENOMEM;
                if (!out->listener_metadata && p->listener_metadata &&
                    !(out->listener_metadata = strdup(p->listener_metadata)))
                        return -ENOMEM;
                other = (struct merge_entry){ .action = p->default_action, .errno_ret = p->default_errno_ret };
                if (i == 0 || action_compare(other.action, other.errno_ret, kept.action, kept.errno_ret) < 0)
                        kept = other;
        }
        if (out->n_architectures > 0)
                qsort(out->architectures, out->n_architectures, sizeof(uint32_t), arch_compare);
        out->default_action = kept.action;
        out->default_errno_ret = kept.errno_ret;
        for (size_t i = 0; i < n; i++) {
                other = (struct merge_entry){ .action = inputs[i]->default_action,
                                              .errno_ret = inputs[i]->default_errno_ret };
                if (profile_action_same(kept.action, kept.errno_ret, other.action, other.errno_ret))
                        continue;
                if ((k = add_conflict(&s->conflicts, &s->n_conflicts, "defaultAction", "", &kept, &other)) < 0)
                        return k;
        }
        return 0;
}

static int merge_into(const struct profile *const *inputs, size_t n, const struct merge_options *o,
                      struct merge_state *s, struct profile *out) {
        int k;

        if ((k = merge_header(inputs, n, s, out)) < 0)
                return k;
        for (size_t i = 0; i < n; i++)
                if ((k = collect(inputs[i], &s->entries)) < 0)
                        return k;
        if (s->entries.n > 0)
                qsort(s->entries.e, s->entries.n, sizeof(*s->entries.e), entry_compare);
        if ((k = resolve(s)) < 0)
                return k;
        drop_covered(s);
        if ((k = build_rules(s, out)) < 0)
                return k;
        if (o && o->clone3_enosys)
                return profile_add_clone3_enosys(out);
        return 0;
}

int profile_merge(const struct profile *const *inputs, size_t n, const struct merge_options *o, struct profile **ret,
                  struct merge_conflict **ret_conflicts, size_t *ret_n_conflicts) {
        _cleanup_(profile_freep) struct profile *out = NULL;
        struct merge_state s = {};
        int k;

        if (n == 0)
                return -EINVAL;
        k = profile_new(&out);
        if (k >= 0)
                k = merge_into(inputs, n, o, &s, out);
        entries_free(&s.entries);
        free(s.kept);
        if (k < 0) {
                merge_conflicts_free(s.conflicts, s.n_conflicts);
                return k;
        }
        *ret = TAKE_PTR(out);
        *ret_conflicts = s.conflicts;
        *ret_n_conflicts = s.n_conflicts;
        return 0;
}
