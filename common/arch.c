/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <linux/audit.h>
#include <string.h>

#include "sysrec/arch.h"
#include "sysrec/macro.h"

/* libseccomp's SCMP_ARCH_X32: EM_X86_64 little-endian without __AUDIT_ARCH_64BIT. */
#define SCMP_TOKEN_X32 (62U | __AUDIT_ARCH_LE)

static const struct {
        const char *name;
        uint32_t scmp_token;
} arch_table[_SYSREC_ARCH_MAX] = {
        [SYSREC_ARCH_X86_64] = { "x86_64", AUDIT_ARCH_X86_64 },
        [SYSREC_ARCH_I386] = { "i386", AUDIT_ARCH_I386 },
        [SYSREC_ARCH_X32] = { "x32", SCMP_TOKEN_X32 },
        [SYSREC_ARCH_AARCH64] = { "aarch64", AUDIT_ARCH_AARCH64 },
        [SYSREC_ARCH_ARM] = { "arm", AUDIT_ARCH_ARM },
        [SYSREC_ARCH_PPC64LE] = { "ppc64le", AUDIT_ARCH_PPC64LE },
        [SYSREC_ARCH_S390X] = { "s390x", AUDIT_ARCH_S390X },
        [SYSREC_ARCH_RISCV64] = { "riscv64", AUDIT_ARCH_RISCV64 },
};

const char *sysrec_arch_to_string(enum sysrec_arch arch) {
        if ((unsigned) arch >= _SYSREC_ARCH_MAX)
                return NULL;
        return arch_table[arch].name;
}

int sysrec_arch_from_string(const char *s) {
        for (unsigned i = 0; i < ELEMENTSOF(arch_table); i++)
                if (strcmp(arch_table[i].name, s) == 0)
                        return (int) i;
        return -EINVAL;
}

uint32_t sysrec_arch_to_scmp(enum sysrec_arch arch) {
        if ((unsigned) arch >= _SYSREC_ARCH_MAX)
                return 0;
        return arch_table[arch].scmp_token;
}

int sysrec_arch_from_scmp(uint32_t token) {
        for (unsigned i = 0; i < ELEMENTSOF(arch_table); i++)
                if (arch_table[i].scmp_token == token)
                        return (int) i;
        return -EAFNOSUPPORT;
}

int sysrec_arch_from_audit(uint32_t audit_arch, uint64_t nr) {
        switch (audit_arch) {
        case AUDIT_ARCH_X86_64:
                /* A negative number (syscall(-1)) is an invalid x86_64 call, not x32. */
                if (nr <= INT32_MAX && (nr & SYSREC_X32_SYSCALL_BIT))
                        return SYSREC_ARCH_X32;
                return SYSREC_ARCH_X86_64;
        case AUDIT_ARCH_I386:
                return SYSREC_ARCH_I386;
        default:
                /* Elsewhere the audit arch is the libseccomp token. */
                return sysrec_arch_from_scmp(audit_arch);
        }
}
