/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* A profile recorded on one architecture, for others: names mapped per target
 * through syscall_map_table, since newer architectures dropped the x86_64 calls
 * their C library no longer makes (open, stat, poll, ...). */
#include <ctype.h>
#include <errno.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sysrec/profile-retarget.h"
#include "sysrec/syscall-map.h"

void retarget_notes_free(struct retarget_note *notes, size_t n) {
        for (size_t i = 0; i < n; i++) {
                free(notes[i].from);
                free(notes[i].to);
        }
        free(notes);
}

struct notes {
        struct retarget_note *e;
        size_t n;
};

static int note_add(struct notes *l, const char *from, uint32_t arch, const char *to) {
        struct retarget_note *e;

        for (size_t i = 0; i < l->n; i++)
                if (l->e[i].arch == arch && strcmp(l->e[i].from, from) == 0)
                        return 0; /* once per name and target, whatever rules name it */
        e = reallocarray(l->e, l->n + 1, sizeof(*e));
        if (!e)
                return -ENOMEM;
        l->e = e;
        e[l->n] = (struct retarget_note){ .from = strdup(from), .arch = arch, .to = to ? strdup(to) : NULL };
        l->n++;
        if (!e[l->n - 1].from || (to && !e[l->n - 1].to))
                return -ENOMEM;
        return 0;
}

/* Adds to out the names standing for name on arch, and notes the replacement. */
static int map_name(const char *name, uint32_t arch, bool conditional, struct profile_rule *out, struct notes *l) {
        const struct syscall_map *m = syscall_map_find(name);
        char to[128] = "";
        size_t used = 0;
        int k;

        if (syscall_exists_on(arch, name))
                return profile_rule_add_name(out, name);
        for (size_t i = 0; !conditional && m && m->to[i]; i++) {
                if (!syscall_exists_on(arch, m->to[i]))
                        continue;
                if ((k = profile_rule_add_name(out, m->to[i])) < 0)
                        return k;
                used += (size_t) snprintf(to + used, sizeof(to) - used, "%s%s", used ? " " : "", m->to[i]);
        }
        return note_add(l, name, arch, used ? to : NULL);
}

static int retarget_rule(struct profile_rule *rule, const uint32_t *targets, size_t n_targets, struct notes *l) {
        struct profile_rule out = { .names = calloc(1, sizeof(char *)) };
        int k = out.names ? 0 : -ENOMEM;

        for (size_t i = 0; k >= 0 && i < rule->n_names; i++)
                for (size_t t = 0; k >= 0 && t < n_targets; t++)
                        k = map_name(rule->names[i], targets[t], rule->n_args > 0, &out, l);
        for (size_t i = 0; i < rule->n_names; i++)
                free(rule->names[i]);
        free(rule->names);
        /* on failure the rule keeps what was mapped so far, and stays freeable */
        rule->names = out.names;
        rule->n_names = out.n_names;
        return k;
}

static int note_compare(const void *x, const void *y) {
        const struct retarget_note *a = x, *b = y;
        int c = strcmp(a->from, b->from);

        if (c == 0)
                c = strcmp(a->to ?: "", b->to ?: "");
        if (c == 0)
                c = a->arch < b->arch ? -1 : a->arch > b->arch;
        return c;
}

static int set_architectures(struct profile *p, const uint32_t *targets, size_t n_targets) {
        int k;

        p->n_architectures = 0;
        for (size_t t = 0; t < n_targets; t++)
                if ((k = profile_add_architecture(p, targets[t])) < 0)
                        return k;
        return 0;
}

int profile_retarget(struct profile *p, const uint32_t *targets, size_t n_targets, struct retarget_note **ret_notes,
                     size_t *ret_n) {
        struct notes l = {};
        int k = set_architectures(p, targets, n_targets);

        for (size_t i = 0; k >= 0 && i < p->n_rules; i++)
                k = retarget_rule(&p->rules[i], targets, n_targets, &l);
        /* a rule whose every name is gone would be refused as empty */
        for (size_t i = p->n_rules; k >= 0 && i > 0; i--)
                if (p->rules[i - 1].n_names == 0)
                        profile_remove_rule(p, i - 1);
        if (k < 0) {
                retarget_notes_free(l.e, l.n);
                return k;
        }
        if (l.n > 0)
                qsort(l.e, l.n, sizeof(*l.e), note_compare);
        *ret_notes = l.e;
        *ret_n = l.n;
        return 0;
}

int retarget_arch_from_string(const char *s, uint32_t *ret) {
        static const struct {
                const char *alias, *name;
        } aliases[] = { { "amd64", "x86_64" }, { "arm64", "aarch64" }, { "i386", "x86" }, { "i686", "x86" } };
        char lower[32];
        const char *name = lower;
        uint32_t token;
        size_t i;

        if (strncmp(s, "SCMP_ARCH_", 10) == 0)
                return profile_arch_from_string(s, ret);
        for (i = 0; s[i] && i + 1 < sizeof(lower); i++)
                lower[i] = (char) tolower((unsigned char) s[i]);
        if (s[i])
                return -EINVAL;
        lower[i] = 0;
        for (i = 0; i < ELEMENTSOF(aliases); i++)
                if (strcmp(lower, aliases[i].alias) == 0)
                        name = aliases[i].name;
        if (strcmp(name, "native") == 0 || (token = seccomp_arch_resolve_name(name)) == 0)
                return -EINVAL;
        *ret = token;
        return 0;
}
