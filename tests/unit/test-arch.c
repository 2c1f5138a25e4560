/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <linux/audit.h>
#include <seccomp.h>

#include "sysrec/arch.h"
#include "unit.h"

START_TEST(test_strings_round_trip) {
        for (int a = 0; a < _SYSREC_ARCH_MAX; a++)
                ck_assert_int_eq(sysrec_arch_from_string(sysrec_arch_to_string(a)), a);
        ck_assert_int_eq(sysrec_arch_from_string("aarch64"), SYSREC_ARCH_AARCH64);
        ck_assert_int_eq(sysrec_arch_from_string("arm64"), -EINVAL);
}
END_TEST

START_TEST(test_scmp_tokens_match_libseccomp) {
        ck_assert_uint_eq(sysrec_arch_to_scmp(SYSREC_ARCH_X86_64), SCMP_ARCH_X86_64);
        ck_assert_uint_eq(sysrec_arch_to_scmp(SYSREC_ARCH_I386), SCMP_ARCH_X86);
        ck_assert_uint_eq(sysrec_arch_to_scmp(SYSREC_ARCH_X32), SCMP_ARCH_X32);
        ck_assert_int_eq(sysrec_arch_from_scmp(SCMP_ARCH_X32), SYSREC_ARCH_X32);
        ck_assert_uint_eq(sysrec_arch_to_scmp(SYSREC_ARCH_AARCH64), SCMP_ARCH_AARCH64);
        ck_assert_uint_eq(sysrec_arch_to_scmp(SYSREC_ARCH_ARM), SCMP_ARCH_ARM);
        ck_assert_uint_eq(sysrec_arch_to_scmp(SYSREC_ARCH_PPC64LE), SCMP_ARCH_PPC64LE);
        ck_assert_uint_eq(sysrec_arch_to_scmp(SYSREC_ARCH_S390X), SCMP_ARCH_S390X);
        ck_assert_uint_eq(sysrec_arch_to_scmp(SYSREC_ARCH_RISCV64), SCMP_ARCH_RISCV64);
        ck_assert_int_eq(sysrec_arch_from_scmp(SCMP_ARCH_MIPS), -EAFNOSUPPORT);
}
END_TEST

/* Compat and x32 as the kernel reports them (32-bit emulation is off here, so these
 * are synthetic): i386 by its audit arch, x32 by the number's bit. */
START_TEST(test_from_audit) {
        ck_assert_int_eq(sysrec_arch_from_audit(AUDIT_ARCH_X86_64, 0), SYSREC_ARCH_X86_64);
        ck_assert_int_eq(sysrec_arch_from_audit(AUDIT_ARCH_X86_64, 0x40000000 | 39), SYSREC_ARCH_X32);
        ck_assert_int_eq(sysrec_arch_from_audit(AUDIT_ARCH_I386, 20), SYSREC_ARCH_I386);
        /* syscall(-1) is an invalid x86_64 call, not x32 */
        ck_assert_int_eq(sysrec_arch_from_audit(AUDIT_ARCH_X86_64, UINT64_MAX), SYSREC_ARCH_X86_64);
        ck_assert_int_eq(sysrec_arch_from_audit(AUDIT_ARCH_X86_64, 0xffffffffU), SYSREC_ARCH_X86_64);
        /* other nodes' audit records: the arch decides, bit 30 means nothing there */
        ck_assert_int_eq(sysrec_arch_from_audit(AUDIT_ARCH_AARCH64, 0x40000000), SYSREC_ARCH_AARCH64);
        ck_assert_int_eq(sysrec_arch_from_audit(AUDIT_ARCH_RISCV64, 56), SYSREC_ARCH_RISCV64);
        ck_assert_int_eq(sysrec_arch_from_audit(AUDIT_ARCH_MIPS, 0), -EAFNOSUPPORT);
}
END_TEST

Suite *unit_suite(void) {
        Suite *s = suite_create("arch");
        TCase *tc = tcase_create("core");

        tcase_add_test(tc, test_strings_round_trip);
        tcase_add_test(tc, test_scmp_tokens_match_libseccomp);
        tcase_add_test(tc, test_from_audit);
        suite_add_tcase(s, tc);
        return s;
}
