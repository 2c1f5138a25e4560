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

START_TEST(test_duration) {
        uint64_t ns;

        ck_assert_int_eq(parse_duration_nsec("2", &ns), 0);
        ck_assert_uint_eq(ns, 2000000000U);
        ck_assert_int_eq(parse_duration_nsec("0.5", &ns), 0);
        ck_assert_uint_eq(ns, 500000000U);
        ck_assert_int_eq(parse_duration_nsec(".25", &ns), 0);
        ck_assert_uint_eq(ns, 250000000U);
        ck_assert_int_eq(parse_duration_nsec("1.000000001", &ns), 0);
        ck_assert_uint_eq(ns, 1000000001U);
        ck_assert_int_eq(parse_duration_nsec("1.0000000001", &ns), -EINVAL);
        ck_assert_int_eq(parse_duration_nsec("", &ns), -EINVAL);
        ck_assert_int_eq(parse_duration_nsec(".", &ns), -EINVAL);
        ck_assert_int_eq(parse_duration_nsec("1.", &ns), -EINVAL);
        ck_assert_int_eq(parse_duration_nsec("-1", &ns), -EINVAL);
        ck_assert_int_eq(parse_duration_nsec("+1", &ns), -EINVAL);
        ck_assert_int_eq(parse_duration_nsec("1e3", &ns), -EINVAL);
        ck_assert_int_eq(parse_duration_nsec("0x10", &ns), -EINVAL);
        ck_assert_int_eq(parse_duration_nsec("1s", &ns), -EINVAL);
        ck_assert_int_eq(parse_duration_nsec("18446744074", &ns), -ERANGE);
        ck_assert_int_eq(parse_duration_nsec("99999999999999999999999", &ns), -ERANGE);
}
END_TEST

Suite *unit_suite(void) {
        Suite *s = suite_create("parse-number");
        TCase *tc = tcase_create("core");

        tcase_add_test(tc, test_uint64);
        tcase_add_test(tc, test_narrow);
        tcase_add_test(tc, test_duration);
        suite_add_tcase(s, tc);
        return s;
}
