/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>

#include "sysrec/profile-check.h"
#include "unit.h"

static struct profile *parse(const char *text) {
        struct profile *p = NULL;
        struct parse_error err = {};

        ck_assert_msg(profile_parse(text, strlen(text), &p, &err) == 0, "%s: %s", err.field, err.message);
        return p;
}

/* The severity of the finding on field whose message contains what; -1 if none. */
static int finding(const struct profile_check *c, const char *field, const char *what) {
        for (size_t i = 0; i < c->n_findings; i++)
                if (strcmp(c->findings[i].field ?: "", field) == 0 && strstr(c->findings[i].message, what))
                        return (int) c->findings[i].severity;
        return -1;
}

/* The result points into the profile, returned to be freed after it. */
static struct profile *check(const char *text, struct profile_check *c) {
        struct profile *p = parse(text);
        ck_assert_int_eq(profile_check(p, c), 0);
        return p;
}

START_TEST(test_clean) {
        struct profile_check c = {};
        _cleanup_(profile_freep) struct profile *p = NULL;

        p = check(
                "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"defaultErrnoRet\":1,\"architectures\":[\"SCMP_ARCH_X86_64\"],"
                "\"syscalls\":[{\"names\":[\"read\",\"write\",\"exit_group\"],\"action\":\"SCMP_ACT_ALLOW\"}]}",
                &c);
        ck_assert_uint_eq(c.n_findings, 0);
        ck_assert_uint_eq(c.n_sizes, 1);
        ck_assert_uint_gt(c.sizes[0].linear, 0);
        ck_assert_uint_gt(c.sizes[0].tree, 0);
        ck_assert_uint_eq(c.n_allowed, 3);
        ck_assert_uint_eq(c.n_beyond_default, 0);
        profile_check_done(&c);
}
END_TEST

START_TEST(test_findings) {
        struct profile_check c = {};
        _cleanup_(profile_freep) struct profile *p = NULL;

        p = check("{\"defaultAction\":\"SCMP_ACT_KILL\",\"architectures\":[\"SCMP_ARCH_PARISC\"],"
                  "\"syscalls\":[{\"names\":[\"opne\",\"mount\"],\"action\":\"SCMP_ACT_ALLOW\"}]}",
                  &c);
        ck_assert_int_eq(finding(&c, "architectures[0]", "runc"), CHECK_ERROR);
        ck_assert_int_eq(finding(&c, "defaultAction", "calling thread"), CHECK_WARNING);
        ck_assert_int_eq(finding(&c, "syscalls[0].names[0]", "unknown syscall"), CHECK_ERROR);
        ck_assert_int_eq(finding(&c, "syscalls[0].names[1]", "mount"), CHECK_WARNING);
        ck_assert_uint_eq(c.n_sizes, 0); /* errors: not compiled */
        profile_check_done(&c);
}
END_TEST

START_TEST(test_architectures) {
        struct profile_check c = {};
        _cleanup_(profile_freep) struct profile *p = NULL;

        p = check(
                "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"architectures\":[\"SCMP_ARCH_X86_64\",\"SCMP_ARCH_AARCH64\"],"
                "\"syscalls\":[{\"names\":[\"open\",\"stat\",\"newfstatat\",\"arch_prctl\",\"bpf\"],"
                "\"action\":\"SCMP_ACT_ALLOW\"},{\"names\":[\"getpid\"],\"action\":\"SCMP_ACT_KILL\"},"
                "{\"names\":[\"gettid\"],\"action\":\"SCMP_ACT_NOTIFY\"}]}",
                &c);
        ck_assert_int_eq(finding(&c, "defaultErrnoRet", "missing"), CHECK_WARNING);
        /* open without openat: aarch64 would deny what the program makes there */
        ck_assert_int_eq(finding(&c, "syscalls[0].names[0]", "SCMP_ARCH_AARCH64"), CHECK_WARNING);
        /* stat with newfstatat, and arch_prctl, which has no counterpart: notes */
        ck_assert_int_eq(finding(&c, "syscalls[0].names[1]", "SCMP_ARCH_AARCH64"), CHECK_NOTE);
        ck_assert_int_eq(finding(&c, "syscalls[0].names[3]", "SCMP_ARCH_AARCH64"), CHECK_NOTE);
        ck_assert_int_eq(finding(&c, "syscalls[0].names[4]", "bpf"), CHECK_WARNING);
        ck_assert_int_eq(finding(&c, "syscalls[1].action", "SCMP_ACT_KILL"), CHECK_WARNING);
        ck_assert_int_eq(finding(&c, "listenerPath", "missing"), CHECK_ERROR);
        ck_assert_uint_eq(c.n_beyond_default, 1);
        ck_assert_str_eq(c.beyond_default[0], "bpf");
        profile_check_done(&c);
}
END_TEST

/* Per architecture and for the whole profile, both layouts. */
START_TEST(test_sizes) {
        struct profile_check c = {};
        _cleanup_(profile_freep) struct profile *p = NULL;

        p = check("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"defaultErrnoRet\":1,\"architectures\":[\"SCMP_ARCH_X86_64\","
                  "\"SCMP_ARCH_AARCH64\",\"SCMP_ARCH_RISCV64\"],\"listenerPath\":\"/run/a.sock\",\"syscalls\":["
                  "{\"names\":[\"read\",\"openat\"],\"action\":\"SCMP_ACT_ALLOW\"},{\"names\":[\"gettid\"],\"action\":"
                  "\"SCMP_ACT_NOTIFY\"}]}",
                  &c);
        ck_assert_uint_eq(profile_check_count(&c, CHECK_ERROR), 0);
        ck_assert_uint_eq(c.n_sizes, 4);
        ck_assert_uint_eq(c.sizes[1].arch, SCMP_ARCH_AARCH64);
        ck_assert_uint_eq(c.sizes[3].arch, 0);
        ck_assert_uint_gt(c.sizes[3].linear, c.sizes[0].linear);
        profile_check_done(&c);
}
END_TEST

Suite *unit_suite(void) {
        Suite *s = suite_create("profile-check");
        TCase *tc = tcase_create("core");

        tcase_add_test(tc, test_clean);
        tcase_add_test(tc, test_findings);
        tcase_add_test(tc, test_architectures);
        tcase_add_test(tc, test_sizes);
        suite_add_tcase(s, tc);
        return s;
}
