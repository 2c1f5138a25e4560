/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Syscalls worth a second look when a profile allows them: most container runtimes
 * deny them by default, or allow them only with the capability they need, because
 * each reaches past the container (mounts, namespaces, another process's memory,
 * the kernel, the clock, the machine). Sorted by name. */
#include <string.h>

#include "sysrec/check-tables.h"
#include "sysrec/macro.h"

const struct risky_syscall risky_syscall_table[] = {
        { "acct", "turns process accounting on or off host-wide" },
        { "add_key", "adds keys to the kernel keyring, which is not namespaced" },
        { "bpf", "loads programs into the kernel" },
        { "clock_adjtime", "adjusts the host clock" },
        { "clock_settime", "sets the host clock" },
        { "create_module", "loads kernel code" },
        { "delete_module", "unloads kernel modules" },
        { "finit_module", "loads kernel modules" },
        { "fsconfig", "configures a new mount" },
        { "fsmount", "creates a mount" },
        { "fsopen", "starts a new mount" },
        { "fspick", "reconfigures an existing mount" },
        { "init_module", "loads kernel modules" },
        { "ioperm", "gives access to I/O ports" },
        { "iopl", "gives access to all I/O ports" },
        { "kexec_file_load", "replaces the running kernel" },
        { "kexec_load", "replaces the running kernel" },
        { "keyctl", "manages the kernel keyring, which is not namespaced" },
        { "lookup_dcookie", "reveals host paths" },
        { "mount", "changes the filesystem view" },
        { "mount_setattr", "changes mount properties" },
        { "move_mount", "moves mounts" },
        { "name_to_handle_at", "with open_by_handle_at, opens files outside the container's root" },
        { "nfsservctl", "controls the kernel NFS server" },
        { "open_by_handle_at", "opens files by handle, outside the container's root" },
        { "open_tree", "clones mounts" },
        { "perf_event_open", "exposes kernel and other processes' activity" },
        { "personality", "can turn off address space randomisation" },
        { "pivot_root", "changes the root filesystem" },
        { "process_vm_readv", "reads other processes' memory" },
        { "process_vm_writev", "writes other processes' memory" },
        { "ptrace", "controls other processes" },
        { "quotactl", "manages disk quotas" },
        { "quotactl_fd", "manages disk quotas" },
        { "reboot", "reboots the machine or loads a kernel" },
        { "request_key", "reaches the kernel keyring, which is not namespaced" },
        { "setns", "joins other namespaces" },
        { "settimeofday", "sets the host clock" },
        { "stime", "sets the host clock" },
        { "swapoff", "turns swap off host-wide" },
        { "swapon", "turns swap on host-wide" },
        { "syslog", "reads and clears the kernel log" },
        { "umount", "changes the filesystem view" },
        { "umount2", "changes the filesystem view" },
        { "unshare", "creates namespaces, a large kernel attack surface" },
        { "uselib", "loads a.out libraries" },
        { "userfaultfd", "stalls the kernel at chosen points, a common exploit aid" },
        { "vhangup", "hangs up the terminal" },
};

const unsigned risky_syscall_table_size = ELEMENTSOF(risky_syscall_table);

const struct risky_syscall *risky_syscall_find(const char *name) {
        for (unsigned i = 0; i < risky_syscall_table_size; i++)
                if (strcmp(risky_syscall_table[i].name, name) == 0)
                        return &risky_syscall_table[i];
        return NULL;
}
