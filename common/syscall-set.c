/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sysrec/syscall-set.h"

int syscall_set_new(struct syscall_set **ret) {
        struct syscall_set *set = calloc(1, sizeof(*set));
        if (!set)
                return -ENOMEM;
        *ret = set;
        return 0;
}

void syscall_set_free(struct syscall_set *set) {
        if (!set)
                return;
        for (unsigned a = 0; a < _SYSREC_ARCH_MAX; a++) {
                for (size_t i = 0; i < set->arch[a].n; i++)
                        syscall_origin_done(&set->arch[a].entries[i].first);
                free(set->arch[a].entries);
        }
        free(set);
}

int syscall_origin_copy(struct syscall_origin *dst, const struct syscall_origin *src) {
        char *exe = NULL;

        if (src->exe) {
                exe = strdup(src->exe);
                if (!exe)
                        return -ENOMEM;
        }
        free(dst->exe);
        dst->pid = src->pid;
        memcpy(dst->comm, src->comm, sizeof(dst->comm));
        dst->comm[sizeof(dst->comm) - 1] = 0;
        dst->exe = exe;
        return 0;
}

void syscall_origin_done(struct syscall_origin *o) {
        free(o->exe);
        o->exe = NULL;
}

/* Index of the first entry with number >= nr. */
static size_t list_lower_bound(const struct syscall_list *l, uint32_t nr) {
        size_t lo = 0, hi = l->n;

        while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (l->entries[mid].nr < nr)
                        lo = mid + 1;
                else
                        hi = mid;
        }
        return lo;
}

static int list_insert_at(struct syscall_list *l, size_t pos, uint32_t nr) {
        if (l->n == l->allocated) {
                size_t n = l->allocated ? l->allocated * 2 : 64;
                struct syscall_entry *e = reallocarray(l->entries, n, sizeof(*e));
                if (!e)
                        return -ENOMEM;
                l->entries = e;
                l->allocated = n;
        }
        memmove(l->entries + pos + 1, l->entries + pos, (l->n - pos) * sizeof(*l->entries));
        l->entries[pos] = (struct syscall_entry){ .nr = nr };
        l->n++;
        return 0;
}

int syscall_set_get(struct syscall_set *set, enum sysrec_arch arch, uint32_t nr, struct syscall_entry **ret,
                    bool *ret_new) {
        struct syscall_list *l;
        size_t pos;
        int r;

        if ((unsigned) arch >= _SYSREC_ARCH_MAX)
                return -EINVAL;
        l = &set->arch[arch];
        pos = list_lower_bound(l, nr);
        if (pos < l->n && l->entries[pos].nr == nr) {
                *ret = &l->entries[pos];
                if (ret_new)
                        *ret_new = false;
                return 0;
        }
        r = list_insert_at(l, pos, nr);
        if (r < 0)
                return r;
        *ret = &l->entries[pos];
        if (ret_new)
                *ret_new = true;
        return 0;
}

int syscall_set_add(struct syscall_set *set, enum sysrec_arch arch, uint32_t nr, uint64_t count,
                    const struct syscall_origin *first) {
        struct syscall_entry *e;
        int r;

        r = syscall_set_get(set, arch, nr, &e, NULL);
        if (r < 0)
                return r;
        e->count += count;
        if (e->first.pid == 0 && first && first->pid != 0)
                return syscall_origin_copy(&e->first, first);
        return 0;
}

const struct syscall_entry *syscall_set_find(const struct syscall_set *set, enum sysrec_arch arch, uint32_t nr) {
        const struct syscall_list *l;
        size_t pos;

        if ((unsigned) arch >= _SYSREC_ARCH_MAX)
                return NULL;
        l = &set->arch[arch];
        pos = list_lower_bound(l, nr);
        if (pos < l->n && l->entries[pos].nr == nr)
                return &l->entries[pos];
        return NULL;
}

int syscall_set_merge(struct syscall_set *dst, const struct syscall_set *src) {
        for (unsigned a = 0; a < _SYSREC_ARCH_MAX; a++)
                for (size_t i = 0; i < src->arch[a].n; i++) {
                        const struct syscall_entry *e = &src->arch[a].entries[i];
                        int r = syscall_set_add(dst, a, e->nr, e->count, &e->first);
                        if (r < 0)
                                return r;
                }
        return 0;
}

size_t syscall_set_count(const struct syscall_set *set, enum sysrec_arch arch) {
        if ((unsigned) arch >= _SYSREC_ARCH_MAX)
                return 0;
        return set->arch[arch].n;
}

size_t syscall_set_total(const struct syscall_set *set) {
        size_t n = 0;
        for (unsigned a = 0; a < _SYSREC_ARCH_MAX; a++)
                n += set->arch[a].n;
        return n;
}
