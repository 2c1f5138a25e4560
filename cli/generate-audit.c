/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <seccomp.h>
#include <string.h>

#include "generate-audit.h"
#include "output.h"
#include "sysrec/log.h"
#include "sysrec/profile.h"

/* The architectures a kernel of the native one runs programs of. */
static const uint32_t *native_family(size_t *ret_n) {
        static const uint32_t x86_64[] = { SCMP_ARCH_X86_64, SCMP_ARCH_X86, SCMP_ARCH_X32 };
        static const uint32_t aarch64[] = { SCMP_ARCH_AARCH64, SCMP_ARCH_ARM };
        static const uint32_t s390x[] = { SCMP_ARCH_S390X, SCMP_ARCH_S390 };
        static uint32_t native[1];

        switch (seccomp_arch_native()) {
        case SCMP_ARCH_X86_64:
                *ret_n = ELEMENTSOF(x86_64);
                return x86_64;
        case SCMP_ARCH_AARCH64:
                *ret_n = ELEMENTSOF(aarch64);
                return aarch64;
        case SCMP_ARCH_S390X:
                *ret_n = ELEMENTSOF(s390x);
                return s390x;
        default:
                native[0] = seccomp_arch_native();
                *ret_n = 1;
                return native;
        }
}

/* {"defaultAction": "SCMP_ACT_LOG"} with the architectures this machine runs (x86_64,
 * x86 and x32 here): with none listed, runtimes load the native one only, and a
 * 32-bit program's syscalls would meet the bad-architecture action (a kill) instead
 * of being logged. */
static int generate_audit_mode_write(const char *path) {
        _cleanup_(profile_freep) struct profile *p = NULL;
        const uint32_t *arches;
        size_t n;
        int r;

        if ((r = profile_new(&p)) < 0)
                return log_error_errno(r, "Out of memory.");
        p->default_action = PROFILE_ACTION_LOG;
        p->default_errno_ret = -1;
        arches = native_family(&n);
        for (size_t i = 0; i < n; i++)
                if ((r = profile_add_architecture(p, arches[i])) < 0)
                        return log_error_errno(r, "Out of memory.");
        return output_write_profile_json(p, path);
}

/* from's rules as they are, with SCMP_ACT_LOG as the default: what it allows runs
 * quietly, what it explicitly denies stays denied, everything else is logged. */
static int generate_complain_from_write(const char *from, const char *path) {
        _cleanup_(profile_freep) struct profile *p = NULL;
        struct parse_error err = {};
        int r;

        r = profile_load_file(from, &p, &err);
        if (r < 0)
                return output_log_load_error(r, from, &err);
        if (p->default_action == PROFILE_ACTION_ALLOW)
                log_warning("%s allows every syscall by default: with SCMP_ACT_LOG instead, every syscall its "
                            "rules do not name is logged.",
                            from);
        p->default_action = PROFILE_ACTION_LOG;
        p->default_errno_ret = -1;
        return output_write_profile_json(p, path);
}

int generate_audit_check_args(bool audit_mode, const char *complain_from, int n_recordings, bool other_options) {
        if (audit_mode && complain_from)
                return log_error_errno(-EINVAL, "--audit-mode and --complain-from exclude each other.");
        if (other_options)
                return log_error_errno(-EINVAL,
                                       "--%s takes none of --arch, --runtime, --default-action and --errno: "
                                       "its profile's default is SCMP_ACT_LOG, its rules are what it is given.",
                                       audit_mode ? "audit-mode" : "complain-from");
        if (n_recordings > 0)
                return log_error_errno(-EINVAL,
                                       "--%s takes no RECORDING; --default-action=log allows recorded "
                                       "syscalls and logs the rest.",
                                       audit_mode ? "audit-mode" : "complain-from");
        return 1;
}

int generate_audit_write(const char *from, const char *path) {
        return from ? generate_complain_from_write(from, path) : generate_audit_mode_write(path);
}
