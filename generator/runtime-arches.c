/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The "architectures" values runc (libcontainer/seccomp/config.go) and crun (any
 * name libseccomp resolves) both accept: libseccomp's list without PARISC and
 * PARISC64, which runc refuses. Sorted. */
#include <string.h>

#include "sysrec/check-tables.h"
#include "sysrec/macro.h"
#include "sysrec/profile.h"

const char *const runtime_arch_table[] = {
        "SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM",      "SCMP_ARCH_MIPS",        "SCMP_ARCH_MIPS64", "SCMP_ARCH_MIPS64N32",
        "SCMP_ARCH_MIPSEL",  "SCMP_ARCH_MIPSEL64", "SCMP_ARCH_MIPSEL64N32", "SCMP_ARCH_PPC",    "SCMP_ARCH_PPC64",
        "SCMP_ARCH_PPC64LE", "SCMP_ARCH_RISCV64",  "SCMP_ARCH_S390",        "SCMP_ARCH_S390X",  "SCMP_ARCH_X32",
        "SCMP_ARCH_X86",     "SCMP_ARCH_X86_64",
};

const unsigned runtime_arch_table_size = ELEMENTSOF(runtime_arch_table);

bool runtime_arch_accepted(uint32_t scmp_token) {
        char name[64];

        if (profile_arch_to_string(scmp_token, name, sizeof(name)) < 0)
                return false;
        for (unsigned i = 0; i < runtime_arch_table_size; i++)
                if (strcmp(runtime_arch_table[i], name) == 0)
                        return true;
        return false;
}
