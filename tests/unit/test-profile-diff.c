/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>

#include "sysrec/profile-diff.h"
#include "unit.h"

static struct profile *parse(const char *text) {
        struct profile *p = NULL;
        struct parse_error err = {};

        ck_assert_msg(profile_parse(text, strlen(text), &p, &err) == 0, "%s: %s", err.field, err.message);
        return p;
}

#define PROFILE(rules) "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"defaultErrnoRet\":1,\"syscalls\":[" rules "]}"

/* Rule order, name order and grouping do not matter; ERRNO without errnoRet is EPERM. */
START_TEST(test_same_behaviour_is_equal) {
        _cleanup_(profile_freep) struct profile *a =
                parse(PROFILE("{\"names\":[\"read\",\"write\"],\"action\":\"SCMP_ACT_ALLOW\"},"
                              "{\"names\":[\"mkdir\"],\"action\":\"SCMP_ACT_ERRNO\"}"));
        _cleanup_(profile_freep) struct profile *b =
                parse(PROFILE("{\"names\":[\"mkdir\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":1},"
                              "{\"names\":[\"write\"],\"action\":\"SCMP_ACT_ALLOW\"},{\"names\":[\"read\"],\"action\":"
                              "\"SCMP_ACT_ALLOW\"}"));
        struct profile_diff d = {};

        ck_assert_int_eq(profile_diff(a, b, &d), 0);
        ck_assert(profile_diff_is_empty(&d));
        profile_diff_done(&d);
}
END_TEST

START_TEST(test_differences) {
        _cleanup_(profile_freep) struct profile *a =
                parse(PROFILE("{\"names\":[\"read\",\"write\"],\"action\":\"SCMP_ACT_ALLOW\"}"));
        _cleanup_(profile_freep) struct profile *b = parse(
                "{\"defaultAction\":\"SCMP_ACT_KILL_PROCESS\",\"flags\":[\"SECCOMP_FILTER_FLAG_LOG\"],\"syscalls\":["
                "{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ALLOW\"},{\"names\":[\"getcpu\"],\"action\":\"SCMP_ACT_"
                "ALLOW\","
                "\"args\":[{\"index\":1,\"value\":0,\"op\":\"SCMP_CMP_EQ\"}]}]}");
        struct profile_diff d = {};

        ck_assert_int_eq(profile_diff(a, b, &d), 0);
        ck_assert(!profile_diff_is_empty(&d));
        ck_assert_uint_eq(d.n_added, 1);
        ck_assert_str_eq(d.added[0].name, "getcpu");
        ck_assert_str_eq(d.added[0].args, " [1 SCMP_CMP_EQ 0 0]");
        ck_assert_uint_eq(d.n_removed, 1);
        ck_assert_str_eq(d.removed[0].name, "write");
        ck_assert_str_eq(d.removed[0].arch, "SCMP_ARCH_X86_64");
        ck_assert_str_eq(d.default_a, "SCMP_ACT_ERRNO(1)");
        ck_assert_str_eq(d.default_b, "SCMP_ACT_KILL_PROCESS");
        ck_assert_str_eq(d.flags_a, "");
        ck_assert_str_eq(d.flags_b, "SECCOMP_FILTER_FLAG_LOG");
        profile_diff_done(&d);
}
END_TEST

/* An architecture more is every syscall more, on that architecture. */
START_TEST(test_architectures) {
        _cleanup_(profile_freep) struct profile *a = parse("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"architectures\":["
                                                           "\"SCMP_ARCH_X86_64\"],\"syscalls\":[{\"names\":"
                                                           "[\"read\"],\"action\":\"SCMP_ACT_ALLOW\"}]}");
        _cleanup_(profile_freep) struct profile *b = parse(
                "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"architectures\":[\"SCMP_ARCH_X86_64\",\"SCMP_ARCH_X86\"],"
                "\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ALLOW\"}]}");
        struct profile_diff d = {};

        ck_assert_int_eq(profile_diff(a, b, &d), 0);
        ck_assert_uint_eq(d.n_added, 1);
        ck_assert_str_eq(d.added[0].arch, "SCMP_ARCH_X86");
        ck_assert_uint_eq(d.n_removed, 0);
        profile_diff_done(&d);
}
END_TEST

static size_t missing(const char *a_text, const char *b_text) {
        _cleanup_(profile_freep) struct profile *a = parse(a_text), *b = parse(b_text);
        struct profile_entry *m = NULL;
        size_t n = 99;

        ck_assert_int_eq(profile_covers(a, b, &m, &n), 0);
        profile_entries_free(m, n);
        return n;
}

START_TEST(test_covers) {
        const char *wide = PROFILE("{\"names\":[\"read\",\"getcpu\"],\"action\":\"SCMP_ACT_ALLOW\"}");
        const char *narrow = PROFILE("{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ALLOW\"},{\"names\":[\"getcpu\"],"
                                     "\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,\"value\":0,\"op\":"
                                     "\"SCMP_CMP_EQ\"}]}");

        ck_assert_uint_eq(missing(wide, narrow), 0); /* unconditional covers conditional */
        ck_assert_uint_eq(missing(narrow, wide), 1); /* but not the other way */
        ck_assert_uint_eq(missing(narrow, narrow), 0);
        ck_assert_uint_eq(missing("{\"defaultAction\":\"SCMP_ACT_ALLOW\"}", wide), 0);
        ck_assert_uint_eq(missing(wide, "{\"defaultAction\":\"SCMP_ACT_LOG\"}"), 1);
}
END_TEST

Suite *unit_suite(void) {
        Suite *s = suite_create("profile-diff");
        TCase *tc = tcase_create("core");

        tcase_add_test(tc, test_same_behaviour_is_equal);
        tcase_add_test(tc, test_differences);
        tcase_add_test(tc, test_architectures);
        tcase_add_test(tc, test_covers);
        suite_add_tcase(s, tc);
        return s;
}
