/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Syscalls added after Linux 6.7, which libseccomp 2.5.4 cannot name, from the
 * kernel's arch/x86/entry/syscalls/syscall_{64,32}.tbl. Every one is "common" in the
 * 64-bit table, so x32 has it with the x32 bit. Since Linux 5.1 (424) new syscalls
 * get the same number on every architecture but alpha and mips, so the others share
 * the x86 numbers (scripts/syscall.tbl, arch/{arm,powerpc,s390}/.../syscall.tbl). Keep sorted by name: the unit test
 * checks order, uniqueness and agreement with libseccomp where it knows a name. */
#include "sysrec/macro.h"
#include "sysrec/syscall-names.h"

#define X32(n) ((int32_t) ((n) | SYSREC_X32_SYSCALL_BIT))
#define ALL(n)                                                                                     \
        {                                                                                          \
                [SYSREC_ARCH_X86_64] = (n), [SYSREC_ARCH_I386] = (n), [SYSREC_ARCH_X32] = X32(n),  \
                [SYSREC_ARCH_AARCH64] = (n), [SYSREC_ARCH_ARM] = (n), [SYSREC_ARCH_PPC64LE] = (n), \
                [SYSREC_ARCH_S390X] = (n), [SYSREC_ARCH_RISCV64] = (n),                            \
        }

const struct syscall_extra syscall_extra_table[] = {
        { "file_getattr", ALL(468) },      /* 6.17 */
        { "file_setattr", ALL(469) },      /* 6.17 */
        { "getxattrat", ALL(464) },        /* 6.13 */
        { "listmount", ALL(458) },         /* 6.8 */
        { "listxattrat", ALL(465) },       /* 6.13 */
        { "lsm_get_self_attr", ALL(459) }, /* 6.8 */
        { "lsm_list_modules", ALL(461) },  /* 6.8 */
        { "lsm_set_self_attr", ALL(460) }, /* 6.8 */
        { "mseal", ALL(462) },             /* 6.10 */
        { "open_tree_attr", ALL(467) },    /* 6.15 */
        { "removexattrat", ALL(466) },     /* 6.13 */
        { "setxattrat", ALL(463) },        /* 6.13 */
        { "statmount", ALL(457) },         /* 6.8 */
};

const unsigned syscall_extra_table_size = ELEMENTSOF(syscall_extra_table);
