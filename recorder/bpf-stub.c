/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Built with -Dbpf=disabled (or auto without clang, bpftool or libbpf). */
#include <errno.h>

#include "sysrec/bpf-record.h"

int bpf_recorder_new(const struct bpf_recorder_config *config, struct bpf_recorder **ret) {
        (void) config, (void) ret;
        return -EOPNOTSUPP;
}

void bpf_recorder_free(struct bpf_recorder *b) {
        (void) b;
}

int bpf_recorder_run(struct bpf_recorder *b, char *const *argv, struct syscall_set *set, struct record_stats *stats,
                     int *ret_wait_status) {
        (void) b, (void) argv, (void) set, (void) stats, (void) ret_wait_status;
        return -EOPNOTSUPP;
}

int bpf_recorder_attach(struct bpf_recorder *b, const struct attach_options *o, struct syscall_set *set,
                        struct record_stats *stats, bool *ret_exited) {
        (void) b, (void) o, (void) set, (void) stats, (void) ret_exited;
        return -EOPNOTSUPP;
}
