/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "sysrec/syscall-set.h"
#include "unit.h"

START_TEST(test_add_keeps_sorted_and_counts) {
        _cleanup_(syscall_set_freep) struct syscall_set *set = NULL;
        const uint32_t nrs[] = { 300, 1, 59, 1, 0, 300, 1 };

        ck_assert_int_eq(syscall_set_new(&set), 0);
        for (size_t i = 0; i < ELEMENTSOF(nrs); i++)
                ck_assert_int_eq(syscall_set_add(set, SYSREC_ARCH_X86_64, nrs[i], 1, NULL), 0);
        ck_assert_uint_eq(syscall_set_count(set, SYSREC_ARCH_X86_64), 4);
        for (size_t i = 1; i < set->arch[SYSREC_ARCH_X86_64].n; i++)
                ck_assert_uint_lt(set->arch[SYSREC_ARCH_X86_64].entries[i - 1].nr,
                                  set->arch[SYSREC_ARCH_X86_64].entries[i].nr);
        ck_assert_uint_eq(syscall_set_find(set, SYSREC_ARCH_X86_64, 1)->count, 3);
        ck_assert_uint_eq(syscall_set_find(set, SYSREC_ARCH_X86_64, 300)->count, 2);
        ck_assert_ptr_null(syscall_set_find(set, SYSREC_ARCH_X86_64, 2));
}
END_TEST

START_TEST(test_architectures_are_separate) {
        _cleanup_(syscall_set_freep) struct syscall_set *set = NULL;

        ck_assert_int_eq(syscall_set_new(&set), 0);
        ck_assert_int_eq(syscall_set_add(set, SYSREC_ARCH_X86_64, 0, 1, NULL), 0);
        ck_assert_int_eq(syscall_set_add(set, SYSREC_ARCH_I386, 0, 1, NULL), 0);
        ck_assert_int_eq(syscall_set_add(set, SYSREC_ARCH_X32, SYSREC_X32_SYSCALL_BIT | 0, 1, NULL), 0);
        ck_assert_uint_eq(syscall_set_total(set), 3);
        ck_assert_ptr_null(syscall_set_find(set, SYSREC_ARCH_X32, 0));
        ck_assert_int_eq(syscall_set_add(set, _SYSREC_ARCH_MAX, 0, 1, NULL), -EINVAL);
}
END_TEST

START_TEST(test_first_origin_kept) {
        _cleanup_(syscall_set_freep) struct syscall_set *set = NULL;
        struct syscall_origin a = { .pid = 10, .comm = "first", .exe = (char *) "/bin/first" };
        struct syscall_origin b = { .pid = 20, .comm = "second", .exe = (char *) "/bin/second" };
        const struct syscall_entry *e;

        ck_assert_int_eq(syscall_set_new(&set), 0);
        ck_assert_int_eq(syscall_set_add(set, SYSREC_ARCH_X86_64, 39, 1, NULL), 0);
        ck_assert_int_eq(syscall_set_add(set, SYSREC_ARCH_X86_64, 39, 1, &a), 0);
        ck_assert_int_eq(syscall_set_add(set, SYSREC_ARCH_X86_64, 39, 5, &b), 0);
        e = syscall_set_find(set, SYSREC_ARCH_X86_64, 39);
        ck_assert_int_eq(e->first.pid, 10);
        ck_assert_str_eq(e->first.comm, "first");
        ck_assert_str_eq(e->first.exe, "/bin/first");
        ck_assert_uint_eq(e->count, 7);
}
END_TEST

START_TEST(test_merge_sums) {
        _cleanup_(syscall_set_freep) struct syscall_set *a = NULL, *b = NULL;

        ck_assert_int_eq(syscall_set_new(&a), 0);
        ck_assert_int_eq(syscall_set_new(&b), 0);
        ck_assert_int_eq(syscall_set_add(a, SYSREC_ARCH_X86_64, 1, 2, NULL), 0);
        ck_assert_int_eq(syscall_set_add(b, SYSREC_ARCH_X86_64, 1, 3, NULL), 0);
        ck_assert_int_eq(syscall_set_add(b, SYSREC_ARCH_I386, 4, 1, NULL), 0);
        ck_assert_int_eq(syscall_set_merge(a, b), 0);
        ck_assert_uint_eq(syscall_set_find(a, SYSREC_ARCH_X86_64, 1)->count, 5);
        ck_assert_uint_eq(syscall_set_count(a, SYSREC_ARCH_I386), 1);
}
END_TEST

START_TEST(test_many_numbers) {
        _cleanup_(syscall_set_freep) struct syscall_set *set = NULL;

        ck_assert_int_eq(syscall_set_new(&set), 0);
        for (int nr = 2000; nr > 0; nr -= 3)
                ck_assert_int_eq(syscall_set_add(set, SYSREC_ARCH_I386, nr, 1, NULL), 0);
        ck_assert_uint_eq(syscall_set_count(set, SYSREC_ARCH_I386), 667);
        ck_assert_ptr_nonnull(syscall_set_find(set, SYSREC_ARCH_I386, 2000));
        ck_assert_ptr_null(syscall_set_find(set, SYSREC_ARCH_I386, 1999));
}
END_TEST

Suite *unit_suite(void) {
        Suite *s = suite_create("syscall-set");
        TCase *tc = tcase_create("core");

        tcase_add_test(tc, test_add_keeps_sorted_and_counts);
        tcase_add_test(tc, test_architectures_are_separate);
        tcase_add_test(tc, test_first_origin_kept);
        tcase_add_test(tc, test_merge_sums);
        tcase_add_test(tc, test_many_numbers);
        suite_add_tcase(s, tc);
        return s;
}
