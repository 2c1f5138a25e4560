/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <seccomp.h>
#include <string.h>

#include "sysrec/profile-build.h"
#include "unit.h"

static struct syscall_set *sample_set(void) {
        struct syscall_set *set;

        ck_assert_int_eq(syscall_set_new(&set), 0);
        ck_assert_int_eq(syscall_set_add(set, SYSREC_ARCH_X86_64, 1, 1, NULL), 0);    /* write */
        ck_assert_int_eq(syscall_set_add(set, SYSREC_ARCH_X86_64, 0, 1, NULL), 0);    /* read */
        ck_assert_int_eq(syscall_set_add(set, SYSREC_ARCH_X86_64, 462, 1, NULL), 0);  /* mseal */
        ck_assert_int_eq(syscall_set_add(set, SYSREC_ARCH_X86_64, 9999, 1, NULL), 0); /* no name */
        ck_assert_int_eq(syscall_set_add(set, SYSREC_ARCH_I386, 3, 1, NULL), 0);      /* read */
        ck_assert_int_eq(syscall_set_add(set, SYSREC_ARCH_I386, 20, 1, NULL), 0);     /* getpid */
        return set;
}

static const char expected[] = "{\n"
                               "  \"defaultAction\": \"SCMP_ACT_ERRNO\",\n"
                               "  \"defaultErrnoRet\": 1,\n"
                               "  \"architectures\": [\n"
                               "    \"SCMP_ARCH_X86_64\",\n"
                               "    \"SCMP_ARCH_X86\"\n"
                               "  ],\n"
                               "  \"syscalls\": [\n"
                               "    {\n"
                               "      \"names\": [\n"
                               "        \"getpid\",\n"
                               "        \"mseal\",\n"
                               "        \"read\",\n"
                               "        \"write\"\n"
                               "      ],\n"
                               "      \"action\": \"SCMP_ACT_ALLOW\"\n"
                               "    },\n"
                               "    {\n"
                               "      \"names\": [\n"
                               "        \"clone3\"\n"
                               "      ],\n"
                               "      \"action\": \"SCMP_ACT_ERRNO\",\n"
                               "      \"errnoRet\": 38\n"
                               "    }\n"
                               "  ]\n"
                               "}\n";

/* Architectures exactly those recorded, names unique and sorted, unnamed numbers left
 * out, clone3 denied with ENOSYS, and the exact bytes. */
START_TEST(test_build_exact_bytes) {
        _cleanup_(syscall_set_freep) struct syscall_set *set = sample_set();
        _cleanup_(profile_freep) struct profile *p = NULL;
        _cleanup_free_ char *a = NULL, *b = NULL;
        struct profile_build_options o = PROFILE_BUILD_OPTIONS_DEFAULT;

        ck_assert_int_eq(profile_build(set, &o, &p), 0);
        ck_assert_int_eq(profile_to_json_string(p, &a), 0);
        ck_assert_str_eq(a, expected);
        profile_free(TAKE_PTR(p));
        ck_assert_int_eq(profile_build(set, &o, &p), 0);
        ck_assert_int_eq(profile_to_json_string(p, &b), 0);
        ck_assert_str_eq(a, b);
}
END_TEST

START_TEST(test_clone3_recorded_is_allowed) {
        _cleanup_(syscall_set_freep) struct syscall_set *set = NULL;
        _cleanup_(profile_freep) struct profile *p = NULL;
        struct profile_build_options o = PROFILE_BUILD_OPTIONS_DEFAULT;

        ck_assert_int_eq(syscall_set_new(&set), 0);
        ck_assert_int_eq(syscall_set_add(set, SYSREC_ARCH_X86_64, 435, 1, NULL), 0); /* clone3 */
        ck_assert_int_eq(profile_build(set, &o, &p), 0);
        ck_assert_uint_eq(p->n_rules, 1);
        ck_assert_str_eq(p->rules[0].names[0], "clone3");
        ck_assert_int_eq(p->rules[0].action, PROFILE_ACTION_ALLOW);
}
END_TEST

START_TEST(test_default_actions) {
        _cleanup_(syscall_set_freep) struct syscall_set *set = sample_set();
        struct profile_build_options o = { .default_action = PROFILE_ACTION_KILL_PROCESS, .errno_ret = 1 };
        _cleanup_(profile_freep) struct profile *p = NULL;

        ck_assert_int_eq(profile_build(set, &o, &p), 0);
        ck_assert_int_eq(p->default_action, PROFILE_ACTION_KILL_PROCESS);
        ck_assert_int_eq(p->default_errno_ret, -1); /* only with ERRNO */
        ck_assert_uint_eq(p->n_rules, 2);           /* clone3 must still fall back */
        profile_free(TAKE_PTR(p));

        o.default_action = PROFILE_ACTION_LOG;
        ck_assert_int_eq(profile_build(set, &o, &p), 0);
        ck_assert_uint_eq(p->n_rules, 1); /* logged, not refused: no clone3 rule */
        profile_free(TAKE_PTR(p));

        o = (struct profile_build_options){ .default_action = PROFILE_ACTION_ERRNO, .errno_ret = 13 };
        ck_assert_int_eq(profile_build(set, &o, &p), 0);
        ck_assert_int_eq(p->default_errno_ret, 13);
}
END_TEST

START_TEST(test_action_strings) {
        for (int a = 0; a < _PROFILE_ACTION_MAX; a++)
                ck_assert_int_eq(profile_action_from_string(profile_action_to_string(a)), a);
        ck_assert_int_eq(profile_action_from_string("SCMP_ACT_ALOW"), -EINVAL);
        ck_assert_uint_eq(profile_action_to_scmp(PROFILE_ACTION_ERRNO, -1), SCMP_ACT_ERRNO(EPERM));
        ck_assert_uint_eq(profile_action_to_scmp(PROFILE_ACTION_KILL, -1), SCMP_ACT_KILL_THREAD);
}
END_TEST

Suite *unit_suite(void) {
        Suite *s = suite_create("profile-build");
        TCase *tc = tcase_create("core");

        tcase_add_test(tc, test_build_exact_bytes);
        tcase_add_test(tc, test_clone3_recorded_is_allowed);
        tcase_add_test(tc, test_default_actions);
        tcase_add_test(tc, test_action_strings);
        suite_add_tcase(s, tc);
        return s;
}
