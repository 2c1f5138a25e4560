/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Every x86_64 syscall that libseccomp 2.5.4 has no number for on aarch64 or
 * riscv64, and what glibc calls there instead (sysdeps/unix/sysv/linux: open()
 * is openat(AT_FDCWD, ...), pause() is ppoll(NULL, 0, NULL, NULL), ...). An entry
 * with no replacement has no counterpart: x86-only, or never implemented. The unit
 * test checks order, that every x86_64 name missing on aarch64 or riscv64 is here,
 * and that each replacement exists on aarch64 or riscv64. */
#include <seccomp.h>
#include <stdlib.h>

#include "sysrec/arch.h"
#include "sysrec/macro.h"
#include "sysrec/syscall-map.h"
#include "sysrec/syscall-names.h"

#define TO(...) \
        { __VA_ARGS__, NULL }
#define NONE \
        { NULL }

const struct syscall_map syscall_map_table[] = {
        { "_sysctl", NONE }, /* removed in 5.5 */
        { "access", TO("faccessat", "faccessat2") },
        { "afs_syscall", NONE }, /* never implemented */
        { "alarm", TO("setitimer") },
        { "arch_prctl", NONE }, /* x86 only */
        { "chmod", TO("fchmodat") },
        { "chown", TO("fchownat") },
        { "creat", TO("openat") },
        { "create_module", NONE }, /* removed in 2.6 */
        { "dup2", TO("dup3") },
        { "epoll_create", TO("epoll_create1") },
        { "epoll_ctl_old", NONE }, /* never implemented */
        { "epoll_wait", TO("epoll_pwait") },
        { "epoll_wait_old", NONE }, /* never implemented */
        { "eventfd", TO("eventfd2") },
        { "fork", TO("clone") },
        { "futimesat", TO("utimensat") },
        { "get_kernel_syms", NONE }, /* removed in 2.6 */
        { "get_thread_area", NONE }, /* x86 only */
        { "getdents", TO("getdents64") },
        { "getpgrp", TO("getpgid") },
        { "getpmsg", NONE }, /* never implemented */
        { "inotify_init", TO("inotify_init1") },
        { "ioperm", NONE }, /* x86 only */
        { "iopl", NONE },   /* x86 only */
        { "lchown", TO("fchownat") },
        { "link", TO("linkat") },
        { "lstat", TO("newfstatat") },
        { "mkdir", TO("mkdirat") },
        { "mknod", TO("mknodat") },
        { "modify_ldt", NONE }, /* x86 only */
        { "open", TO("openat") },
        { "pause", TO("ppoll") },
        { "pipe", TO("pipe2") },
        { "poll", TO("ppoll") },
        { "putpmsg", NONE },      /* never implemented */
        { "query_module", NONE }, /* removed in 2.6 */
        { "readlink", TO("readlinkat") },
        { "rename", TO("renameat", "renameat2") },
        { "renameat", TO("renameat2") }, /* riscv64 has only renameat2 */
        { "rmdir", TO("unlinkat") },
        { "security", NONE }, /* never implemented */
        { "select", TO("pselect6") },
        { "set_thread_area", NONE }, /* x86 only */
        { "signalfd", TO("signalfd4") },
        { "stat", TO("newfstatat") },
        { "symlink", TO("symlinkat") },
        { "sysfs", NONE }, /* obsolete, no replacement */
        { "time", TO("clock_gettime") },
        { "tuxcall", NONE }, /* never implemented */
        { "unlink", TO("unlinkat") },
        { "uselib", NONE }, /* a.out only */
        { "ustat", NONE },  /* obsolete, no replacement */
        { "utime", TO("utimensat") },
        { "utimes", TO("utimensat") },
        { "vfork", TO("clone") },
        { "vserver", NONE }, /* never implemented */
};

const unsigned syscall_map_table_size = ELEMENTSOF(syscall_map_table);

const struct syscall_map *syscall_map_find(const char *from) {
        return bsearch(from, syscall_map_table, syscall_map_table_size, sizeof(syscall_map_table[0]),
                       syscall_table_name_compare);
}

bool syscall_exists_on(uint32_t scmp_arch, const char *name) {
        int32_t nr;

        if (syscall_number(scmp_arch, name, &nr) >= 0)
                return true;
        /* Our table of syscalls newer than libseccomp has columns for the
         * architectures we record only; each of its syscalls was added to every
         * architecture at once, so elsewhere we take it to exist. */
        return sysrec_arch_from_scmp(scmp_arch) < 0 && syscall_extra_find_name(name);
}

bool syscall_exists_anywhere(const char *name) {
        /* libseccomp gives a negative pseudo-number, not __NR_SCMP_ERROR, for a
         * name it knows on some other architecture */
        return seccomp_syscall_resolve_name(name) != __NR_SCMP_ERROR || syscall_extra_find_name(name);
}
