/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Runtime baselines: the syscalls an OCI runtime makes in the container's init
 * process after installing the container's seccomp filter, up to and including the
 * execve of the entrypoint. Measured by scripts/measure-runtime-baseline.sh on
 * Debian 12, x86_64, Linux 6.18: the runtime under 'strace -f', a busybox-static
 * bundle whose filter allows everything but kexec_load; the thread that installs the
 * filter, and what it clones afterwards, followed to its execve; 10 runs (runc: 15)
 * per noNewPrivileges setting as uid 0 and as uid 65534, the union kept.
 *
 * With noNewPrivileges the runtimes install the filter last, just before the exec;
 * without it they must install it while still privileged, then drop capabilities
 * and switch user under it (capset, prctl, setresuid/setuid, setgroups...).
 *
 * crun 1.8.1 (Debian 12): after seccomp() it closes its sync socket and execs;
 * without noNewPrivileges it also drops the bounding set, switches ids, sets
 * capabilities, resets every signal handler and tells its parent it is ready.
 *
 * runc 1.1.5 (Debian 12, Go 1.19), with prctl(PR_SET_SECCOMP): runc init is a Go
 * program, so futex and rt_sigreturn (the runtime's preemption signal) appear in
 * some runs only; other Go runtime calls (nanosleep, sched_yield, tgkill, mmap...)
 * were never seen after the filter but could be on a busier machine.
 *
 * Refresh: run the script for the new version and replace the lists; add an entry
 * per version only when lists differ between versions in use. Keep each list
 * sorted: the unit test checks order, uniqueness and that libseccomp knows every
 * name on x86_64. */
#include <errno.h>
#include <string.h>

#include "sysrec/arch.h"
#include "sysrec/macro.h"
#include "sysrec/runtime-baseline.h"
#include "sysrec/syscall-names.h"

static const char *const crun_nnp[] = {
        "close",
        "execve",
        NULL,
};

static const char *const crun_no_nnp[] = {
        "capset", "close", "execve", "prctl", "rt_sigaction", "rt_sigprocmask", "setresgid", "setresuid", "write", NULL,
};

static const char *const runc_nnp[] = {
        "close",  "epoll_ctl", "execve",       "fstatfs", "futex", "getdents64",
        "getpid", "openat",    "rt_sigreturn", "write",   NULL,
};

static const char *const runc_no_nnp[] = {
        "capget", "capset",  "chdir",        "close",  "epoll_ctl",  "execve", "faccessat2", "fchown",     "fcntl",
        "fstat",  "fstatfs", "futex",        "getcwd", "getdents64", "getpid", "getppid",    "newfstatat", "openat",
        "prctl",  "read",    "rt_sigreturn", "setgid", "setgroups",  "setuid", "write",      NULL,
};

const struct runtime_baseline runtime_baseline_table[] = {
        { "crun", "1.8.1", true, crun_nnp },
        { "crun", "1.8.1", false, crun_no_nnp },
        { "runc", "1.1.5", true, runc_nnp },
        { "runc", "1.1.5", false, runc_no_nnp },
};

const size_t runtime_baseline_table_size = ELEMENTSOF(runtime_baseline_table);

const struct runtime_baseline *runtime_baseline_find(const char *runtime, bool no_new_privileges) {
        for (size_t i = 0; i < runtime_baseline_table_size; i++)
                if (strcmp(runtime_baseline_table[i].runtime, runtime) == 0 &&
                    runtime_baseline_table[i].no_new_privileges == no_new_privileges)
                        return &runtime_baseline_table[i];
        return NULL;
}

bool runtime_baseline_known(const char *runtime) {
        return runtime_baseline_find(runtime, true) || runtime_baseline_find(runtime, false);
}

static int add_names(const struct runtime_baseline *b, enum sysrec_arch arch, struct syscall_set *set) {
        for (const char *const *name = b->names; *name; name++) {
                int32_t nr;
                int r;

                if (syscall_number(sysrec_arch_to_scmp(arch), *name, &nr) < 0)
                        continue; /* not on this architecture */
                if ((r = syscall_set_add(set, arch, (uint32_t) nr, 0, NULL)) < 0)
                        return r;
        }
        return 0;
}

int runtime_baseline_add(const char *runtime, struct syscall_set *set) {
        bool target[_SYSREC_ARCH_MAX] = {};
        bool any = false;
        int r;

        if (!runtime_baseline_known(runtime))
                return -ENOENT;
        for (unsigned a = 0; a < _SYSREC_ARCH_MAX; a++)
                if (syscall_set_count(set, a) > 0)
                        target[a] = any = true;
        if (!any || target[SYSREC_ARCH_I386] || target[SYSREC_ARCH_X32])
                target[SYSREC_ARCH_X86_64] = true;

        for (unsigned a = 0; a < _SYSREC_ARCH_MAX; a++) {
                if (!target[a])
                        continue;
                for (int nnp = 0; nnp <= 1; nnp++) {
                        const struct runtime_baseline *b = runtime_baseline_find(runtime, nnp);

                        if (b && (r = add_names(b, a, set)) < 0)
                                return r;
                }
        }
        return 0;
}
