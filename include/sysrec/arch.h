/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stdint.h>

/* The architectures a recording keys syscalls by. x32 shares AUDIT_ARCH_X86_64 with
 * x86_64 and is told apart by bit 30 of the number, which we keep in the number as
 * the kernel and libseccomp do (x32 read is 0x40000000). The recorders see only the
 * first three on these machines; the others come from audit records of other nodes.
 * The order is part of the BPF program's slot layout (bpf/events.h): append only. */
enum sysrec_arch {
        SYSREC_ARCH_X86_64,
        SYSREC_ARCH_I386,
        SYSREC_ARCH_X32,
        SYSREC_ARCH_AARCH64,
        SYSREC_ARCH_ARM,
        SYSREC_ARCH_PPC64LE,
        SYSREC_ARCH_S390X,
        SYSREC_ARCH_RISCV64,
        _SYSREC_ARCH_MAX,
};

#define SYSREC_X32_SYSCALL_BIT 0x40000000U

/* "x86_64", "i386", "x32", "aarch64", ...: the keys of a recording file. */
const char *sysrec_arch_to_string(enum sysrec_arch arch);
/* Accepts the names above; returns the arch or -EINVAL. */
int sysrec_arch_from_string(const char *s);

/* The libseccomp token (SCMP_ARCH_X86_64, ...), equal to the AUDIT_ARCH value
 * except for x32. */
uint32_t sysrec_arch_to_scmp(enum sysrec_arch arch);
/* Maps a libseccomp token back; -EAFNOSUPPORT for architectures we do not record. */
int sysrec_arch_from_scmp(uint32_t token);

/* From what the kernel reports (PTRACE_GET_SYSCALL_INFO's arch, seccomp_data.arch,
 * the audit record's arch=) and the number; -EAFNOSUPPORT when not one of ours. */
int sysrec_arch_from_audit(uint32_t audit_arch, uint64_t nr);
