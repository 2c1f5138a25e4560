// SPDX-License-Identifier: LGPL-2.1-or-later
/* The least a sys_enter program can cost: it returns at once. What it costs every
 * syscall of the machine is the floor for sysrec's bpf backend (bench/tracepoint-floor.sh). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char LICENSE[] SEC("license") = "GPL";

SEC("tp_btf/sys_enter")
int BPF_PROG(floor_sys_enter, struct pt_regs *regs, long id) {
        return 0;
}
