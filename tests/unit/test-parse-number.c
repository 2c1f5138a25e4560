/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "sysrec/parse-number.h"
#include "unit.h"

START_TEST(test_uint64) {
        uint64_t v;

        ck_assert_int_eq(parse_uint64("0", &v), 0);
        ck_assert_uint_eq(v, 0);
        ck_assert_int_eq(parse_uint64("0x10", &v), 0);
        ck_assert_uint_eq(v, 16);
        ck_assert_int_eq(parse_uint64("18446744073709551615", &v), 0);
        ck_assert_int_eq(parse_uint64("18446744073709551616", &v), -ERANGE);
        ck_assert_int_eq(parse_uint64("-1", &v), -EINVAL);
        ck_assert_int_eq(parse_uint64("", &v), -EINVAL);
        ck_assert_int_eq(parse_uint64(" 1", &v), -EINVAL);
        ck_assert_int_eq(parse_uint64("1x", &v), -EINVAL);
}
END_TEST

START_TEST(test_narrow) {
        uint32_t u;
        pid_t pid;
        int i;

        ck_assert_int_eq(parse_uint32("4294967296", &u), -ERANGE);
        ck_assert_int_eq(parse_int("-5", &i), 0);
        ck_assert_int_eq(i, -5);
        ck_assert_int_eq(parse_int("2147483648", &i), -ERANGE);
        ck_assert_int_eq(parse_pid("0", &pid), -ERANGE);
        ck_assert_int_eq(parse_pid("123", &pid), 0);
        ck_assert_int_eq(pid, 123);
}
END_TEST

Suite *unit_suite(void) {
        Suite *s = suite_create("parse-number");
        TCase *tc = tcase_create("core");

        tcase_add_test(tc, test_uint64);
        tcase_add_test(tc, test_narrow);
        suite_add_tcase(s, tc);
        return s;
}
