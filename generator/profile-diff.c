/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Profiles compared as sets of (architecture, syscall, action, conditions): rule
 * order, name order and how names are grouped into rules do not matter, what each
 * syscall gets does. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sysrec/profile-diff.h"

struct entry_list {
        struct profile_entry *e;
        size_t n;
};

static void entry_done(struct profile_entry *e) {
        free(e->arch);
        free(e->name);
        free(e->action);
        free(e->args);
}

void profile_entries_free(struct profile_entry *e, size_t n) {
        for (size_t i = 0; i < n; i++)
                entry_done(&e[i]);
        free(e);
}

static int action_text(enum profile_action a, int errno_ret, char **ret) {
        const char *name = profile_action_to_string(a);

        if ((a == PROFILE_ACTION_ERRNO || a == PROFILE_ACTION_TRACE) && errno_ret >= 0)
                return asprintf(ret, "%s(%d)", name, errno_ret) < 0 ? -ENOMEM : 0;
        /* ERRNO without errnoRet is EPERM to runtimes: the same as ERRNO(1) */
        if (a == PROFILE_ACTION_ERRNO)
                return asprintf(ret, "%s(1)", name) < 0 ? -ENOMEM : 0;
        *ret = strdup(name);
        return *ret ? 0 : -ENOMEM;
}

static int list_add(struct entry_list *l, const char *arch, const char *name, const struct profile_rule *rule) {
        struct profile_entry *e = reallocarray(l->e, l->n + 1, sizeof(*e)), *n;

        if (!e)
                return -ENOMEM;
        l->e = e;
        n = &e[l->n];
        *n = (struct profile_entry){ .allows = !profile_action_denies(rule->action) };
        n->arch = strdup(arch);
        n->name = strdup(name);
        if (!n->arch || !n->name || action_text(rule->action, rule->errno_ret, &n->action) < 0 ||
            profile_args_text(rule->args, rule->n_args, &n->args) < 0) {
                entry_done(n);
                return -ENOMEM;
        }
        l->n++;
        return 0;
}

static int entry_compare(const void *x, const void *y) {
        const struct profile_entry *a = x, *b = y;
        int c;

        if ((c = strcmp(a->arch, b->arch)) || (c = strcmp(a->name, b->name)) || (c = strcmp(a->action, b->action)))
                return c;
        return strcmp(a->args, b->args);
}

static int collect(const struct profile *p, struct entry_list *ret) {
        struct entry_list l = {};
        const uint32_t *arches;
        uint32_t native;
        size_t n_arches = profile_arches(p, &native, &arches);
        int r;

        for (size_t a = 0; a < n_arches; a++) {
                char arch[64];

                if ((r = profile_arch_to_string(arches[a], arch, sizeof(arch))) < 0)
                        goto fail;
                for (size_t i = 0; i < p->n_rules; i++)
                        for (size_t j = 0; j < p->rules[i].n_names; j++)
                                if ((r = list_add(&l, arch, p->rules[i].names[j], &p->rules[i])) < 0)
                                        goto fail;
        }
        if (l.n > 0) /* qsort() and bsearch() want a non-NULL array */
                qsort(l.e, l.n, sizeof(*l.e), entry_compare);
        *ret = l;
        return 0;
fail:
        profile_entries_free(l.e, l.n);
        return r;
}

static int copy_entry(const struct profile_entry *src, struct entry_list *dst) {
        struct profile_entry *e = reallocarray(dst->e, dst->n + 1, sizeof(*e));

        if (!e)
                return -ENOMEM;
        dst->e = e;
        e[dst->n] = (struct profile_entry){ .allows = src->allows,
                                            .arch = strdup(src->arch),
                                            .name = strdup(src->name),
                                            .action = strdup(src->action),
                                            .args = strdup(src->args) };
        if (!e[dst->n].arch || !e[dst->n].name || !e[dst->n].action || !e[dst->n].args) {
                entry_done(&e[dst->n]);
                return -ENOMEM;
        }
        dst->n++;
        return 0;
}

/* Entries of x not in y (both sorted), appended to out. */
static int subtract(const struct entry_list *x, const struct entry_list *y, struct entry_list *out) {
        int r;

        for (size_t i = 0; i < x->n; i++)
                if ((y->n == 0 || !bsearch(&x->e[i], y->e, y->n, sizeof(*y->e), entry_compare)) &&
                    (r = copy_entry(&x->e[i], out)) < 0)
                        return r;
        return 0;
}

static int flags_text(uint32_t flags, char **ret) {
        char *s = strdup("");

        for (unsigned bit = 0; s && bit < 32; bit++)
                if (flags & (1U << bit)) {
                        const char *name = profile_flag_to_string(1U << bit);
                        char *t;
                        if (asprintf(&t, "%s%s%s", s, *s ? "," : "", name ?: "?") < 0)
                                t = NULL;
                        free(s);
                        s = t;
                }
        *ret = s;
        return s ? 0 : -ENOMEM;
}

static int diff_top(const struct profile *a, const struct profile *b, struct profile_diff *d) {
        int r;

        if ((r = action_text(a->default_action, a->default_errno_ret, &d->default_a)) < 0 ||
            (r = action_text(b->default_action, b->default_errno_ret, &d->default_b)) < 0)
                return r;
        if (strcmp(d->default_a, d->default_b) == 0) {
                free(d->default_a);
                free(d->default_b);
                d->default_a = d->default_b = NULL;
        }
        if (a->flags == b->flags)
                return 0;
        if ((r = flags_text(a->flags, &d->flags_a)) < 0 || (r = flags_text(b->flags, &d->flags_b)) < 0)
                return r;
        return 0;
}

int profile_diff(const struct profile *a, const struct profile *b, struct profile_diff *ret) {
        struct entry_list la = {}, lb = {}, added = {}, removed = {};
        struct profile_diff d = {};
        int r;

        if ((r = collect(a, &la)) < 0 || (r = collect(b, &lb)) < 0 || (r = subtract(&lb, &la, &added)) < 0 ||
            (r = subtract(&la, &lb, &removed)) < 0 || (r = diff_top(a, b, &d)) < 0)
                goto finish;
        d.added = TAKE_PTR(added.e);
        d.n_added = added.n;
        added.n = 0;
        d.removed = TAKE_PTR(removed.e);
        d.n_removed = removed.n;
        removed.n = 0;
        *ret = d;
        d = (struct profile_diff){};
finish:
        profile_entries_free(la.e, la.n);
        profile_entries_free(lb.e, lb.n);
        profile_entries_free(added.e, added.n);
        profile_entries_free(removed.e, removed.n);
        profile_diff_done(&d);
        return r;
}

bool profile_diff_is_empty(const struct profile_diff *d) {
        return d->n_added == 0 && d->n_removed == 0 && !d->default_a && !d->flags_a;
}

void profile_diff_done(struct profile_diff *d) {
        profile_entries_free(d->added, d->n_added);
        profile_entries_free(d->removed, d->n_removed);
        free(d->default_a);
        free(d->default_b);
        free(d->flags_a);
        free(d->flags_b);
        *d = (struct profile_diff){};
}

/* Whether list (sorted) lets arch/name through unconditionally or under args. */
static bool list_allows(const struct entry_list *l, const struct profile_entry *want) {
        for (size_t i = 0; i < l->n; i++)
                if (l->e[i].allows && strcmp(l->e[i].arch, want->arch) == 0 && strcmp(l->e[i].name, want->name) == 0 &&
                    (l->e[i].args[0] == 0 || strcmp(l->e[i].args, want->args) == 0))
                        return true;
        return false;
}

int profile_covers(const struct profile *a, const struct profile *b, struct profile_entry **ret_missing,
                   size_t *ret_n) {
        struct entry_list la = {}, lb = {}, missing = {};
        int r;

        *ret_missing = NULL;
        *ret_n = 0;
        /* an allowing default lets through what no rule names */
        if (!profile_action_denies(a->default_action))
                return 0;
        if ((r = collect(a, &la)) < 0 || (r = collect(b, &lb)) < 0)
                goto finish;
        for (size_t i = 0; i < lb.n; i++)
                if (lb.e[i].allows && !list_allows(&la, &lb.e[i]) && (r = copy_entry(&lb.e[i], &missing)) < 0)
                        goto finish;
        if (!profile_action_denies(b->default_action)) {
                /* b allows what it does not name: a cannot cover that with a list */
                struct profile_entry all = { .arch = (char *) "*",
                                             .name = (char *) "*",
                                             .action = (char *) "default",
                                             .args = (char *) "",
                                             .allows = true };
                if ((r = copy_entry(&all, &missing)) < 0)
                        goto finish;
        }
        *ret_missing = TAKE_PTR(missing.e);
        *ret_n = missing.n;
        missing.n = 0;
finish:
        profile_entries_free(la.e, la.n);
        profile_entries_free(lb.e, lb.n);
        profile_entries_free(missing.e, missing.n);
        return r;
}
