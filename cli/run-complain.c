/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include "run-complain.h"
#include "sysrec/atomic-file.h"
#include "sysrec/log.h"
#include "sysrec/profile-filter.h"
#include "sysrec/profile-update.h"
#include "sysrec/seccomp-notify.h"
#include "sysrec/syscall-names.h"

struct complainer {
        const char *profile_path;
        struct syscall_set *missing;
        uint64_t lost;
};

static void complain_on_syscall(void *userdata, pid_t tid, uint32_t audit_arch, uint32_t nr) {
        struct complainer *c = userdata;
        struct syscall_entry *e;
        char number[SYSCALL_NUMBER_MAX];
        bool created;
        int arch = sysrec_arch_from_audit(audit_arch, nr);

        if (arch < 0 || syscall_set_get(c->missing, arch, nr, &e, &created) < 0) {
                c->lost++;
                return;
        }
        e->count++;
        if (!created)
                return;
        process_origin_read(tid, &e->first);
        log_warning("complain: %s would deny %s (%s) to %d (%s)", c->profile_path,
                    syscall_name_or_number(arch, nr, number), sysrec_arch_to_string(arch), (int) tid, e->first.comm);
}

static void complain_summary(const struct complainer *c) {
        size_t n = syscall_set_total(c->missing);

        if (c->lost > 0)
                log_warning("complain: %" PRIu64 " notifications were lost: the list may be short.", c->lost);
        if (n == 0)
                log_info("complain: %s allows every syscall the command made.", c->profile_path);
        else
                log_info("complain: %zu syscall%s missing from %s.", n, n == 1 ? "" : "s", c->profile_path);
}

static int complain_update(struct profile *p, const struct complainer *c, const char *update_path) {
        _cleanup_free_ char *text = NULL;
        int r = profile_allow_syscalls(p, c->missing);

        if (r >= 0)
                r = profile_to_json_string(p, &text);
        if (r >= 0)
                r = atomic_file_write(update_path, text, strlen(text));
        return r < 0 ? log_error_errno(r, "Failed to write %s: %m", update_path) : 0;
}

int run_complain(struct profile *p, const struct profile_filter *filter, const char *profile_path,
                 const char *update_path, const char *path, char *const *argv, int *ret_wait_status,
                 enum child_stage *ret_stage, bool *ret_update_failed) {
        _cleanup_(syscall_set_freep) struct syscall_set *missing = NULL;
        struct complainer c = { .profile_path = profile_path };
        struct notify_handler h = { .on_syscall = complain_on_syscall, .userdata = &c };
        struct sock_fprog prog = profile_filter_fprog(filter);
        struct notify_stats stats = {};
        int r;

        if ((r = syscall_set_new(&missing)) < 0)
                return r;
        c.missing = missing;
        r = notify_run(path, argv, &prog, filter->flags, &h, &stats, ret_wait_status, ret_stage);
        c.lost += stats.lost;
        if (r < 0)
                return r;
        complain_summary(&c);
        *ret_update_failed = update_path && complain_update(p, &c, update_path) < 0;
        return 0;
}
