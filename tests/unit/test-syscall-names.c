/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <seccomp.h>
#include <string.h>

#include "sysrec/syscall-names.h"
#include "unit.h"

/* Invariants of the data table: sorted, unique, and where libseccomp knows a name,
 * the same numbers (so a libseccomp upgrade that adds them cannot disagree). */
START_TEST(test_table_sorted_unique) {
        for (unsigned i = 1; i < syscall_extra_table_size; i++)
                ck_assert_int_lt(strcmp(syscall_extra_table[i - 1].name, syscall_extra_table[i].name), 0);
}
END_TEST

START_TEST(test_table_agrees_with_libseccomp) {
        for (unsigned i = 0; i < syscall_extra_table_size; i++)
                for (int a = 0; a < _SYSREC_ARCH_MAX; a++) {
                        int nr = seccomp_syscall_resolve_name_arch(sysrec_arch_to_scmp(a), syscall_extra_table[i].name);
                        if (nr >= 0)
                                ck_assert_int_eq(nr, syscall_extra_table[i].nr[a]);
                        if (syscall_extra_table[i].nr[a] >= 0 && a == SYSREC_ARCH_X32)
                                ck_assert(syscall_extra_table[i].nr[a] & SYSREC_X32_SYSCALL_BIT);
                }
}
END_TEST

START_TEST(test_names_from_libseccomp) {
        const char *name;

        ck_assert_int_eq(syscall_name(SYSREC_ARCH_X86_64, 0, &name), 0);
        ck_assert_str_eq(name, "read");
        ck_assert_int_eq(syscall_name(SYSREC_ARCH_I386, 3, &name), 0);
        ck_assert_str_eq(name, "read");
        ck_assert_int_eq(syscall_name(SYSREC_ARCH_X32, SYSREC_X32_SYSCALL_BIT | 0, &name), 0);
        ck_assert_str_eq(name, "read");
        ck_assert_int_eq(syscall_name(SYSREC_ARCH_X86_64, 456, &name), 0);
        ck_assert_str_eq(name, "futex_requeue");
}
END_TEST

/* Audit records of other nodes are named with their architecture's table, never the
 * native one: 56 is openat on aarch64 and riscv64, 5 is open on arm; arm's private
 * calls lie far above the others. */
START_TEST(test_names_foreign_architectures) {
        const char *name, *first;

        ck_assert_int_eq(syscall_name(SYSREC_ARCH_AARCH64, 56, &name), 0);
        ck_assert_str_eq(name, "openat");
        ck_assert_int_eq(syscall_name(SYSREC_ARCH_RISCV64, 56, &name), 0);
        ck_assert_str_eq(name, "openat");
        ck_assert_int_eq(syscall_name(SYSREC_ARCH_ARM, 5, &name), 0);
        ck_assert_str_eq(name, "open");
        ck_assert_int_eq(syscall_name(SYSREC_ARCH_ARM, 0xf0002, &name), 0);
        ck_assert_str_eq(name, "cacheflush");
        first = name;
        ck_assert_int_eq(syscall_name(SYSREC_ARCH_ARM, 0xf0002, &name), 0);
        ck_assert_ptr_eq(name, first); /* the same string: from the list, not made again */
        ck_assert_int_eq(syscall_name(SYSREC_ARCH_PPC64LE, 462, &name), 0);
        ck_assert_str_eq(name, "mseal");
        ck_assert_int_eq(syscall_name(SYSREC_ARCH_S390X, 0xf0002, &name), -ENOENT);
}
END_TEST

/* Numbers libseccomp 2.5.4 cannot name come from our table, per architecture. */
START_TEST(test_names_libseccomp_lacks) {
        const char *name;
        int32_t nr;

        ck_assert_int_eq(syscall_name(SYSREC_ARCH_X86_64, 462, &name), 0);
        ck_assert_str_eq(name, "mseal");
        ck_assert_int_eq(syscall_name(SYSREC_ARCH_I386, 457, &name), 0);
        ck_assert_str_eq(name, "statmount");
        ck_assert_int_eq(syscall_name(SYSREC_ARCH_X32, SYSREC_X32_SYSCALL_BIT | 469, &name), 0);
        ck_assert_str_eq(name, "file_setattr");
        ck_assert_int_eq(syscall_number(SCMP_ARCH_X86_64, "listmount", &nr), 0);
        ck_assert_int_eq(nr, 458);
        ck_assert_int_eq(syscall_number(SCMP_ARCH_X86_64, "read", &nr), 0);
        ck_assert_int_eq(nr, 0);
}
END_TEST

/* A number nobody knows stays unnamed: kept by the caller and reported, not dropped. */
START_TEST(test_unknown_numbers) {
        const char *name;
        int32_t nr;

        ck_assert_int_eq(syscall_name(SYSREC_ARCH_X86_64, 470, &name), -ENOENT);
        ck_assert_int_eq(syscall_name(SYSREC_ARCH_X86_64, 100000, &name), -ENOENT);
        ck_assert_int_eq(syscall_name(SYSREC_ARCH_X86_64, 0xffffffffU, &name), -ENOENT);
        ck_assert_int_eq(syscall_number(SCMP_ARCH_X86_64, "no_such_syscall", &nr), -ENOENT);
        ck_assert_int_eq(syscall_number(SCMP_ARCH_MIPS, "mseal", &nr), -ENOENT); /* not in our table */
        ck_assert_int_eq(syscall_number(SCMP_ARCH_AARCH64, "mseal", &nr), 0);
        ck_assert_int_eq(nr, 462);
}
END_TEST

Suite *unit_suite(void) {
        Suite *s = suite_create("syscall-names");
        TCase *tc = tcase_create("core");

        tcase_add_test(tc, test_table_sorted_unique);
        tcase_add_test(tc, test_table_agrees_with_libseccomp);
        tcase_add_test(tc, test_names_from_libseccomp);
        tcase_add_test(tc, test_names_libseccomp_lacks);
        tcase_add_test(tc, test_names_foreign_architectures);
        tcase_add_test(tc, test_unknown_numbers);
        suite_add_tcase(s, tc);
        return s;
}
