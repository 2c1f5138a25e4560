/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <seccomp.h>
#include <string.h>

#include "sysrec/profile-update.h"
#include "unit.h"

static struct profile *parse(const char *text) {
        struct profile *p = NULL;
        struct parse_error err = {};

        ck_assert_msg(profile_parse(text, strlen(text), &p, &err) == 0, "%s: %s", err.field, err.message);
        return p;
}

static void assert_json(const struct profile *p, const char *expected) {
        _cleanup_free_ char *text = NULL;
        _cleanup_(profile_freep) struct profile *q = parse(expected);
        _cleanup_free_ char *want = NULL;

        ck_assert_int_eq(profile_to_json_string(p, &text), 0);
        ck_assert_int_eq(profile_to_json_string(q, &want), 0);
        ck_assert_str_eq(text, want);
}

static struct syscall_set *set_of(const uint32_t *nrs, size_t n, enum sysrec_arch arch) {
        struct syscall_set *set;

        ck_assert_int_eq(syscall_set_new(&set), 0);
        for (size_t i = 0; i < n; i++)
                ck_assert_int_eq(syscall_set_add(set, arch, nrs[i], 1, NULL), 0);
        return set;
}

/* getcpu 309, mkdir 83, clone3 435; 9999 has no name. */
START_TEST(test_names_join_the_allow_rule_sorted) {
        _cleanup_(profile_freep) struct profile *p =
                parse("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"architectures\":[\"SCMP_ARCH_X86_64\"],\"syscalls\":["
                      "{\"names\":[\"read\",\"write\"],\"action\":\"SCMP_ACT_ALLOW\"},"
                      "{\"names\":[\"clone3\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":38},"
                      "{\"names\":[\"mkdir\",\"rmdir\"],\"action\":\"SCMP_ACT_KILL_PROCESS\"}]}");
        _cleanup_(syscall_set_freep) struct syscall_set *set =
                set_of((const uint32_t[]){ 309, 83, 435, 9999 }, 4, SYSREC_ARCH_X86_64);

        ck_assert_int_eq(profile_allow_syscalls(p, set), 0);
        assert_json(p, "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"architectures\":[\"SCMP_ARCH_X86_64\"],\"syscalls\":["
                       "{\"names\":[\"clone3\",\"getcpu\",\"mkdir\",\"read\",\"write\"],\"action\":\"SCMP_ACT_ALLOW\"},"
                       "{\"names\":[\"rmdir\"],\"action\":\"SCMP_ACT_KILL_PROCESS\"}]}");
}
END_TEST

START_TEST(test_allow_rule_made_and_architecture_added) {
        _cleanup_(profile_freep) struct profile *p =
                parse("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"architectures\":[\"SCMP_ARCH_X86_64\"],\"syscalls\":["
                      "{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,\"value\":0,\"op\":"
                      "\"SCMP_CMP_EQ\"}]}]}");
        _cleanup_(syscall_set_freep) struct syscall_set *set = set_of((const uint32_t[]){ 20 }, 1, SYSREC_ARCH_I386);

        ck_assert_int_eq(profile_allow_syscalls(p, set), 0);
        assert_json(p,
                    "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"architectures\":[\"SCMP_ARCH_X86_64\",\"SCMP_ARCH_X86\"],"
                    "\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,"
                    "\"value\":0,\"op\":\"SCMP_CMP_EQ\"}]},{\"names\":[\"getpid\"],\"action\":\"SCMP_ACT_ALLOW\"}]}");
}
END_TEST

Suite *unit_suite(void) {
        Suite *s = suite_create("profile-update");
        TCase *tc = tcase_create("core");

        tcase_add_test(tc, test_names_join_the_allow_rule_sorted);
        tcase_add_test(tc, test_allow_rule_made_and_architecture_added);
        suite_add_tcase(s, tc);
        return s;
}
