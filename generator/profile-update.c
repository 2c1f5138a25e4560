/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>

#include "sysrec/profile-update.h"
#include "sysrec/syscall-names.h"

static void remove_from_denying_rules(struct profile *p, const char *name) {
        for (size_t i = p->n_rules; i-- > 0;) {
                struct profile_rule *rule = &p->rules[i];

                if (profile_action_denies(rule->action) && profile_rule_remove_name(rule, name) && rule->n_names == 0)
                        profile_remove_rule(p, i);
        }
}

static int find_allow_rule(struct profile *p, struct profile_rule **ret) {
        for (size_t i = 0; i < p->n_rules; i++)
                if (p->rules[i].action == PROFILE_ACTION_ALLOW && p->rules[i].n_args == 0) {
                        *ret = &p->rules[i];
                        return 0;
                }
        return profile_add_rule(p, NULL, 0, PROFILE_ACTION_ALLOW, -1, ret);
}

static int allow_name(struct profile *p, const char *name) {
        struct profile_rule *rule;
        int r;

        remove_from_denying_rules(p, name);
        /* looked up after the removal, which moves rules */
        if ((r = find_allow_rule(p, &rule)) < 0)
                return r;
        return profile_rule_add_name(rule, name);
}

int profile_allow_syscalls(struct profile *p, const struct syscall_set *set) {
        int r;

        for (unsigned a = 0; a < _SYSREC_ARCH_MAX; a++) {
                if (set->arch[a].n > 0 && p->n_architectures > 0 &&
                    (r = profile_add_architecture(p, sysrec_arch_to_scmp(a))) < 0)
                        return r;
                for (size_t i = 0; i < set->arch[a].n; i++) {
                        const char *name;

                        if (syscall_name(a, set->arch[a].entries[i].nr, &name) < 0)
                                continue;
                        if ((r = allow_name(p, name)) < 0)
                                return r;
                }
        }
        return 0;
}
