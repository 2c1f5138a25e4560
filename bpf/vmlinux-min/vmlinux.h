/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Used only when the build machine has no /sys/kernel/btf/vmlinux to generate the
 * full vmlinux.h from (see meson.build): the few kernel types sysrec.bpf.c reads,
 * with only the fields it reads. preserve_access_index makes every access a CO-RE
 * relocation, resolved against the loading kernel's BTF, so field offsets here do
 * not matter. */
#pragma once

typedef unsigned char __u8;
typedef short int __s16;
typedef short unsigned int __u16;
typedef int __s32;
typedef unsigned int __u32;
typedef long long int __s64;
typedef long long unsigned int __u64;
typedef __u32 u32;
typedef __u64 u64;
typedef _Bool bool;
enum {
        false = 0,
        true = 1,
};
typedef __u16 __be16;
typedef __u32 __be32;
typedef __u32 __wsum;

enum bpf_map_type {
        BPF_MAP_TYPE_HASH = 1,
        BPF_MAP_TYPE_ARRAY = 2,
        BPF_MAP_TYPE_PERCPU_ARRAY = 6,
        BPF_MAP_TYPE_RINGBUF = 27,
};

enum {
        BPF_ANY = 0,
};

#pragma clang attribute push(__attribute__((preserve_access_index)), apply_to = record)

struct pt_regs {
        long unsigned int orig_ax;
};

typedef struct {
        int counter;
} atomic_t;

struct thread_info {
        __u32 status;
};

struct signal_struct {
        atomic_t live;
};

struct ns_common {
        unsigned int inum;
};

struct mnt_namespace {
        struct ns_common ns;
};

struct nsproxy {
        struct mnt_namespace *mnt_ns;
};

struct task_struct {
        struct thread_info thread_info;
        int pid;
        int tgid;
        struct signal_struct *signal;
        struct nsproxy *nsproxy;
};

#pragma clang attribute pop
