/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "summary.h"
#include "sysrec/log.h"
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

void summary_add_stats(struct recording *rec, const struct record_stats *stats) {
        rec->events = stats->events;
        rec->processes = stats->processes;
        if (stats->lost > 0)
                (void) recording_add_loss(rec, "events", stats->lost);
        if (stats->lost_first > 0)
                (void) recording_add_loss(rec, "first-process", stats->lost_first);
        if (stats->lost_processes > 0)
                (void) recording_add_loss(rec, "processes", stats->lost_processes);
}

int summary_parse_output_option(int c, const char *arg, struct recording_outputs *o) {
        switch (c) {
        case 'o':
                o->profile = arg;
                return 1;
        case ARG_OUTPUT_SAVE_RECORDING:
                o->recording = arg;
                return 1;
        case 'c':
                o->table = true;
                return 1;
        case 'q':
                o->quiet = true;
                return 1;
        case ARG_RUNTIME:
                return runtime_option_parse(arg, &o->runtime) < 0 ? -EINVAL : 1;
        default:
                return output_parse_profile_option(c, arg, &o->build);
        }
}

int summary_start_recording(struct recording *rec, char *const *command, const char *backend) {
        int r = recording_set_command(rec, command);

        if (r >= 0)
                r = recording_set_kernel_from_uname(rec);
        if (r >= 0 && !(rec->backend = strdup(backend)))
                r = -ENOMEM;
        return r < 0 ? log_error_errno(r, "Failed to start the recording: %m") : 0;
}

int summary_check_outputs(const struct recording_outputs *o) {
        if (!o->profile && !o->recording && !o->table)
                return log_error_errno(-EINVAL,
                                       "Nothing to write: give -o FILE (- for stdout), --save-recording FILE or -c.");
        return 0;
}

int summary_write_profile(const struct recording *rec, const struct recording_outputs *o) {
        if (o->base)
                return output_write_profile_onto(rec, o->base, o->profile);
        return output_write_profile(rec, &o->build, o->profile);
}

int summary_write_outputs(struct recording *rec, const struct recording_outputs *o) {
        int r = 0;

        if (!o->quiet)
                summary_print(rec);
        if (o->table)
                summary_print_table(rec);
        if (o->recording && output_write_recording(rec, o->recording) < 0)
                r = -EIO;
        if (!o->profile)
                return r;
        if (runtime_option_apply(o->runtime, rec->syscalls) < 0)
                return -EIO;
        if (summary_write_profile(rec, o) < 0)
                r = -EIO;
        return r;
}
