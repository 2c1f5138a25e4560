/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "summary.h"
#include "sysrec/syscall-names.h"

static double seconds_between(const struct timespec *a, const struct timespec *b) {
        return (double) (b->tv_sec - a->tv_sec) + (double) (b->tv_nsec - a->tv_nsec) / 1e9;
}

void summary_print(const struct recording *rec) {
        fprintf(stderr, "sysrec: %" PRIu64 " syscalls from %" PRIu64 " process%s in %.3f s (%s):", rec->events,
                rec->processes, rec->processes == 1 ? "" : "es", seconds_between(&rec->start, &rec->end),
                rec->backend ?: "?");
        for (unsigned a = 0; a < _SYSREC_ARCH_MAX; a++)
                if (rec->syscalls->arch[a].n > 0)
                        fprintf(stderr, " %zu distinct on %s", rec->syscalls->arch[a].n, sysrec_arch_to_string(a));
        if (syscall_set_total(rec->syscalls) == 0)
                fputs(" none", stderr);
        fputc('\n', stderr);
        for (size_t i = 0; i < rec->n_losses; i++)
                if (rec->losses[i].count > 0)
                        fprintf(stderr, "sysrec: warning: %" PRIu64 " %s lost: the recording is incomplete\n",
                                rec->losses[i].count, rec->losses[i].name);
}

struct table_row {
        enum sysrec_arch arch;
        const struct syscall_entry *entry;
};

static int compare_rows(const void *a, const void *b) {
        const struct table_row *x = a, *y = b;

        if (x->entry->count != y->entry->count)
                return x->entry->count < y->entry->count ? 1 : -1;
        if (x->arch != y->arch)
                return x->arch < y->arch ? -1 : 1;
        return x->entry->nr < y->entry->nr ? -1 : x->entry->nr > y->entry->nr;
}

void summary_print_table(const struct recording *rec) {
        size_t n = syscall_set_total(rec->syscalls), k = 0;
        struct table_row *rows = calloc(n ? n : 1, sizeof(*rows));

        if (!rows)
                return;
        for (unsigned a = 0; a < _SYSREC_ARCH_MAX; a++)
                for (size_t i = 0; i < rec->syscalls->arch[a].n; i++)
                        rows[k++] = (struct table_row){ a, &rec->syscalls->arch[a].entries[i] };
        qsort(rows, n, sizeof(*rows), compare_rows);

        fprintf(stderr, "%9s %-24s %-7s %s\n", "calls", "syscall", "arch", "first by");
        fprintf(stderr, "--------- ------------------------ ------- ------------------------\n");
        for (size_t i = 0; i < n; i++) {
                const struct syscall_entry *e = rows[i].entry;
                char unnamed[SYSCALL_NUMBER_MAX];
                const char *name = syscall_name_or_number(rows[i].arch, e->nr, unnamed);

                fprintf(stderr, "%9" PRIu64 " %-24s %-7s %d %s\n", e->count, name, sysrec_arch_to_string(rows[i].arch),
                        e->first.pid, e->first.comm);
        }
        fprintf(stderr, "--------- ------------------------ ------- ------------------------\n");
        fprintf(stderr, "%9" PRIu64 " %-24s\n", rec->events, "total");
        free(rows);
}
