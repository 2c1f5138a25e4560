// SPDX-License-Identifier: LGPL-2.1-or-later
/* The eBPF recording backend's kernel side: on raw_syscalls:sys_enter (BTF-enabled
 * tracepoint), count each syscall of a target in per-CPU slots and report its first
 * sighting through a ring buffer. Targets are decided here: the thread groups in
 * the tgids map (seeded with the held child, followed across fork, pruned at exit),
 * or every task of one mount namespace (a container, and what is exec'd into it)
 * or of one cgroup. */
#include "vmlinux.h"
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "events.h"

#define NR_EXECVE_X86_64   59
#define NR_EXECVEAT_X86_64 322

char LICENSE[] SEC("license") = "GPL";

/* The followed thread groups. The hash holds them all: user space watches it empty.
 * Every syscall on the machine asks whether its caller is followed, so for tgids
 * below tgid_slots the question goes to an array indexed by tgid instead, which
 * the verifier inlines: on the syscall-bound benchmark the hash lookup alone cost
 * 28 ns per syscall of every process. User space sizes it from pid_max. */
struct {
        __uint(type, BPF_MAP_TYPE_HASH);
        __uint(max_entries, 65536);
        __type(key, __u32);   /* thread-group id */
        __type(value, __u32); /* SYSREC_TGID_* */
} tgids SEC(".maps");

struct {
        __uint(type, BPF_MAP_TYPE_ARRAY);
        __uint(max_entries, 1); /* set to tgid_slots before loading */
        __type(key, __u32);
        __type(value, __u32); /* SYSREC_TGID_*, 0 when not followed */
} tgid_array SEC(".maps");

const volatile __u32 tgid_slots = 0;
/* Not 0: follow every task in the mount namespace with this inode, or in the cgroup
 * (v2) with this id, not the tgids. */
const volatile __u32 target_mntns = 0;
const volatile __u64 target_cgroup = 0;

struct {
        __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
        __uint(max_entries, SYSREC_BPF_SLOTS);
        __type(key, __u32);
        __type(value, __u64);
} counts SEC(".maps");

/* Shared by all CPUs: the first to set a slot reports it. */
struct {
        __uint(type, BPF_MAP_TYPE_ARRAY);
        __uint(max_entries, SYSREC_BPF_SLOTS);
        __type(key, __u32);
        __type(value, __u32);
} seen SEC(".maps");

struct {
        __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
        __uint(max_entries, SYSREC_COUNTER_MAX);
        __type(key, __u32);
        __type(value, __u64);
} counters SEC(".maps");

struct {
        __uint(type, BPF_MAP_TYPE_RINGBUF);
        __uint(max_entries, 256 * 1024);
} firsts SEC(".maps");

static void counter_add(__u32 which) {
        __u64 *v = bpf_map_lookup_elem(&counters, &which);
        if (v)
                (*v)++;
}

/* The state of a thread group, NULL or 0 when not followed. */
/* Apart, so that clang cannot merge the two lookups into one call whose map is
 * chosen at run time: the verifier inlines a lookup only when it knows the map at
 * the call, and the merged one cost a helper call on every syscall of the machine. */
static __noinline __u32 *tgid_state_hashed(__u32 tgid) {
        return bpf_map_lookup_elem(&tgids, &tgid);
}

/* The array's own bound check sends larger tgids to the hash, so that this path
 * does not read tgid_slots. */
static __u32 *tgid_state(__u32 tgid) {
        __u32 *state = bpf_map_lookup_elem(&tgid_array, &tgid);

        return state ? state : tgid_state_hashed(tgid);
}

static void report_first(__u32 slot, __u32 tid) {
        struct sysrec_first_event *e = bpf_ringbuf_reserve(&firsts, sizeof(*e), 0);

        if (!e) {
                counter_add(SYSREC_LOSS_RINGBUF);
                return;
        }
        e->slot = slot;
        e->tid = tid;
        bpf_get_current_comm(e->comm, sizeof(e->comm));
        bpf_ringbuf_submit(e, 0);
}

/* Whether a held thread group starts recording with this syscall: sysrec's own
 * code (or a runtime's, for the OCI hook) runs in it until its exec (x86_64). */
static bool start_recording(__u32 *state, __u32 tgid, long s) {
        if (s != NR_EXECVE_X86_64 && s != NR_EXECVEAT_X86_64)
                return false;
        *state = SYSREC_TGID_RECORDING;
        if (tgid < tgid_slots) { /* the hash, which fork copies from, too */
                __u32 *h = bpf_map_lookup_elem(&tgids, &tgid);
                if (h)
                        *h = SYSREC_TGID_RECORDING;
        }
        return true;
}

/* A syscall of a target: counted, and reported if no CPU has seen it before. The
 * shared `seen` slot is read only when this CPU's count was 0: once per syscall and
 * CPU, not at every call. */
static __always_inline int record_syscall(struct task_struct *task, long s) {
        __u32 slot, *first;
        __u64 *count;

        if (s < 0) {
                counter_add(SYSREC_LOSS_NR_RANGE);
                return 0;
        }
        slot = (__u32) s;
        count = bpf_map_lookup_elem(&counts, &slot);
        if (!count || (*count)++ != 0)
                return 0;
        first = bpf_map_lookup_elem(&seen, &slot);
        if (first && *first == 0 && __sync_fetch_and_add(first, 1) == 0)
                report_first(slot, (__u32) task->pid);
        return 0;
}

/* Every syscall on the machine comes to one of these three, whichever user space
 * loads: nothing before the checks, and one helper call for all of them (task is a
 * BTF pointer, whose fields are read directly; bpf_get_current_pid_tgid() would be
 * a second call). The three are apart so that a call reads only what its kind of
 * target needs: no mode flags from .rodata, whose loads stay in the JIT'd code even
 * when the verifier knows their values. */
SEC("tp_btf/sys_enter")
int BPF_PROG(sys_enter_by_tgid, struct pt_regs *regs, long id) {
        struct task_struct *task = bpf_get_current_task_btf();
        __u32 tgid = (__u32) task->tgid, *state = tgid_state(tgid);
        long s;

        if (!state || *state == 0)
                return 0;
        s = sysrec_slot_of(task->thread_info.status, id);
        if (*state == SYSREC_TGID_HELD && !start_recording(state, tgid, s))
                return 0;
        return record_syscall(task, s);
}

SEC("tp_btf/sys_enter")
int BPF_PROG(sys_enter_by_mntns, struct pt_regs *regs, long id) {
        struct task_struct *task = bpf_get_current_task_btf();

        if (task->nsproxy->mnt_ns->ns.inum != target_mntns)
                return 0;
        return record_syscall(task, sysrec_slot_of(task->thread_info.status, id));
}

SEC("tp_btf/sys_enter")
int BPF_PROG(sys_enter_by_cgroup, struct pt_regs *regs, long id) {
        struct task_struct *task;

        if (bpf_get_current_cgroup_id() != target_cgroup)
                return 0; /* the one helper call for the others */
        task = bpf_get_current_task_btf();
        return record_syscall(task, sysrec_slot_of(task->thread_info.status, id));
}

SEC("tp_btf/sched_process_fork")
int BPF_PROG(sched_process_fork, struct task_struct *parent, struct task_struct *child) {
        __u32 ptgid = BPF_CORE_READ(parent, tgid), ctgid = BPF_CORE_READ(child, tgid);
        __u32 *state, value;

        if (target_cgroup) { /* followed by cgroup: only counted; the child is in the parent's */
                if (ctgid != ptgid && bpf_get_current_cgroup_id() == target_cgroup)
                        counter_add(SYSREC_COUNT_PROCESSES);
                return 0;
        }
        if (target_mntns) { /* followed by namespace: only counted */
                if (ctgid != ptgid && BPF_CORE_READ(child, nsproxy, mnt_ns, ns.inum) == target_mntns)
                        counter_add(SYSREC_COUNT_PROCESSES);
                return 0;
        }
        state = tgid_state(ptgid);
        if (!state || *state == 0 || ctgid == ptgid) /* not ours, or a thread of a known group */
                return 0;
        value = *state;
        if (bpf_map_update_elem(&tgids, &ctgid, &value, BPF_ANY) < 0) {
                counter_add(SYSREC_LOSS_TGIDS_FULL);
                return 0;
        }
        if (ctgid < tgid_slots)
                bpf_map_update_elem(&tgid_array, &ctgid, &value, BPF_ANY);
        counter_add(SYSREC_COUNT_PROCESSES);
        return 0;
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(sched_process_exit, struct task_struct *task) {
        __u32 tgid = BPF_CORE_READ(task, tgid), zero = 0;

        /* the group's last thread: signal->live has dropped to 0 before this point */
        if (BPF_CORE_READ(task, signal, live.counter) != 0 || !bpf_map_lookup_elem(&tgids, &tgid))
                return 0;
        if (tgid < tgid_slots)
                bpf_map_update_elem(&tgid_array, &tgid, &zero, BPF_ANY);
        bpf_map_delete_elem(&tgids, &tgid);
        return 0;
}
