/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Types shared by sysrec.bpf.c and user space: fixed-width only. */
#pragma once

#define SYSREC_BPF_ARCHES   3    /* enum sysrec_arch: x86_64, i386, x32 */
#define SYSREC_BPF_MAX_NR   1024 /* numbers per architecture counted; above: lost */
#define SYSREC_BPF_SLOTS    (SYSREC_BPF_ARCHES * SYSREC_BPF_MAX_NR)
#define SYSREC_BPF_COMM_LEN 16

/* Values of the tgids map: a held child counts nothing until its execve. */
#define SYSREC_TGID_HELD      1
#define SYSREC_TGID_RECORDING 2

/* Indexes of the per-CPU counters array. */
enum sysrec_bpf_counter {
        SYSREC_LOSS_RINGBUF,    /* a first sighting not delivered: attribution lost */
        SYSREC_LOSS_NR_RANGE,   /* a number beyond SYSREC_BPF_MAX_NR: not counted */
        SYSREC_LOSS_TGIDS_FULL, /* a child not followed: the tgids map was full */
        SYSREC_COUNT_PROCESSES, /* thread groups followed after the target */
        SYSREC_COUNTER_MAX,
};

#define SYSREC_BPF_TS_COMPAT 0x0002     /* arch/x86/include/asm/thread_info.h */
#define SYSREC_BPF_X32_BIT   0x40000000 /* arch/x86/include/uapi/asm/unistd.h */

/* The counts slot of a syscall from a task whose thread_info.status is ts_status:
 * i386 compat tasks carry TS_COMPAT, x32 calls the x32 bit in the number. -1 when
 * the number is beyond what is counted. Shared with user space, whose unit tests
 * feed it synthetic calls, since 32-bit emulation may be off where they run. */
static inline long sysrec_slot_of(__u32 ts_status, long id) {
        __u32 arch = 0, nr = (__u32) id;

        if (ts_status & SYSREC_BPF_TS_COMPAT)
                arch = 1;
        else if (nr & SYSREC_BPF_X32_BIT) {
                arch = 2;
                nr &= ~SYSREC_BPF_X32_BIT;
        }
        if (nr >= SYSREC_BPF_MAX_NR)
                return -1;
        return (long) (arch * SYSREC_BPF_MAX_NR + nr);
}

/* And back: architecture (enum sysrec_arch) and number, x32 bit restored. */
static inline void sysrec_slot_split(__u32 slot, __u32 *ret_arch, __u32 *ret_nr) {
        *ret_arch = slot / SYSREC_BPF_MAX_NR;
        *ret_nr = slot % SYSREC_BPF_MAX_NR;
        if (*ret_arch == 2)
                *ret_nr |= SYSREC_BPF_X32_BIT;
}

/* Sent once per (arch, nr): who made it first. */
struct sysrec_first_event {
        __u32 slot; /* arch * SYSREC_BPF_MAX_NR + nr without the x32 bit */
        __u32 tid;
        char comm[SYSREC_BPF_COMM_LEN];
};
