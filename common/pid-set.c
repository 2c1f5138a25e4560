/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sysrec/pid-set.h"

static size_t pid_set_lower_bound(const struct pid_set *s, pid_t pid) {
        size_t lo = 0, hi = s->n;

        while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (s->pids[mid] < pid)
                        lo = mid + 1;
                else
                        hi = mid;
        }
        return lo;
}

int pid_set_add(struct pid_set *s, pid_t pid) {
        size_t pos = pid_set_lower_bound(s, pid);

        if (pos < s->n && s->pids[pos] == pid)
                return 0;
        if (s->n == s->allocated) {
                size_t n = s->allocated ? s->allocated * 2 : 16;
                pid_t *p = reallocarray(s->pids, n, sizeof(*p));
                if (!p)
                        return -ENOMEM;
                s->pids = p;
                s->allocated = n;
        }
        memmove(s->pids + pos + 1, s->pids + pos, (s->n - pos) * sizeof(pid_t));
        s->pids[pos] = pid;
        s->n++;
        return 1;
}

bool pid_set_remove(struct pid_set *s, pid_t pid) {
        size_t pos = pid_set_lower_bound(s, pid);

        if (pos >= s->n || s->pids[pos] != pid)
                return false;
        memmove(s->pids + pos, s->pids + pos + 1, (s->n - pos - 1) * sizeof(pid_t));
        s->n--;
        return true;
}

bool pid_set_contains(const struct pid_set *s, pid_t pid) {
        size_t pos = pid_set_lower_bound(s, pid);
        return pos < s->n && s->pids[pos] == pid;
}

void pid_set_done(struct pid_set *s) {
        free(s->pids);
        *s = (struct pid_set){};
}
