/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sysrec/profile-build.h"
#include "sysrec/syscall-names.h"

static int compare_strings(const void *a, const void *b) {
        return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/* Sorted unique names of every named syscall in set; the strings are not owned. */
static int collect_names(const struct syscall_set *set, const char ***ret, size_t *ret_n) {
        const char **names = calloc(syscall_set_total(set) + 1, sizeof(char *));
        size_t n = 0, unique = 0;

        if (!names)
                return -ENOMEM;
        for (unsigned a = 0; a < _SYSREC_ARCH_MAX; a++)
                for (size_t i = 0; i < set->arch[a].n; i++)
                        if (syscall_name(a, set->arch[a].entries[i].nr, &names[n]) >= 0)
                                n++;
        qsort(names, n, sizeof(char *), compare_strings);
        for (size_t i = 0; i < n; i++)
                if (unique == 0 || strcmp(names[unique - 1], names[i]) != 0)
                        names[unique++] = names[i];
        *ret = names;
        *ret_n = unique;
        return 0;
}

int profile_build(const struct syscall_set *set, const struct profile_build_options *o, struct profile **ret) {
        _cleanup_(profile_freep) struct profile *p = NULL;
        _cleanup_free_ const char **names = NULL;
        size_t n_names;
        int r;

        r = profile_new(&p);
        if (r < 0)
                return r;
        p->default_action = o->default_action;
        p->default_errno_ret = o->default_action == PROFILE_ACTION_ERRNO ? o->errno_ret : -1;

        for (unsigned a = 0; a < _SYSREC_ARCH_MAX; a++)
                if (set->arch[a].n > 0) {
                        r = profile_add_architecture(p, sysrec_arch_to_scmp(a));
                        if (r < 0)
                                return r;
                }

        r = collect_names(set, &names, &n_names);
        if (r < 0)
                return r;
        if (n_names > 0) {
                r = profile_add_rule(p, names, n_names, PROFILE_ACTION_ALLOW, -1, NULL);
                if (r < 0)
                        return r;
        }
        if (!o->no_clone3) {
                r = profile_add_clone3_enosys(p);
                if (r < 0)
                        return r;
        }
        *ret = TAKE_PTR(p);
        return 0;
}
