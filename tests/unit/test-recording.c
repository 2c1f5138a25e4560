/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>

#include "sysrec/recording.h"
#include "unit.h"

static struct recording *sample(void) {
        struct recording *r;
        struct syscall_origin o = { .pid = 42, .comm = "demo", .exe = (char *) "/usr/bin/demo" };

        ck_assert_int_eq(recording_new(&r), 0);
        ck_assert_int_eq(recording_set_command(r, (char *[]){ (char *) "demo", (char *) "-x", NULL }), 0);
        r->backend = strdup("ptrace");
        r->kernel = strdup("6.18.0");
        r->start = (struct timespec){ 1795000000, 123456000 };
        r->end = (struct timespec){ 1795000002, 5000 };
        r->events = 9;
        r->processes = 2;
        ck_assert_int_eq(syscall_set_add(r->syscalls, SYSREC_ARCH_X86_64, 0, 7, &o), 0);
        ck_assert_int_eq(syscall_set_add(r->syscalls, SYSREC_ARCH_X86_64, 9999, 1, &o), 0);
        ck_assert_int_eq(syscall_set_add(r->syscalls, SYSREC_ARCH_I386, 20, 1, NULL), 0);
        return r;
}

START_TEST(test_round_trip) {
        _cleanup_(recording_freep) struct recording *r = sample(), *back = NULL;
        _cleanup_free_ char *a = NULL, *b = NULL;
        struct parse_error err = {};

        ck_assert_int_eq(recording_to_json_string(r, &a), 0);
        ck_assert_int_eq(recording_parse(a, strlen(a), &back, &err), 0);
        ck_assert_int_eq(recording_to_json_string(back, &b), 0);
        ck_assert_str_eq(a, b);
        ck_assert_uint_eq(syscall_set_find(back->syscalls, SYSREC_ARCH_X86_64, 9999)->count, 1);
        ck_assert_str_eq(syscall_set_find(back->syscalls, SYSREC_ARCH_X86_64, 0)->first.exe, "/usr/bin/demo");
        ck_assert_int_eq(back->start.tv_nsec, 123456000);
        ck_assert(strstr(a, "\"complete\": true"));
}
END_TEST

START_TEST(test_losses_mark_incomplete) {
        _cleanup_(recording_freep) struct recording *r = sample();
        _cleanup_free_ char *a = NULL;

        ck_assert_int_eq(recording_add_loss(r, "events", 3), 0);
        ck_assert_int_eq(recording_add_loss(r, "events", 2), 0);
        ck_assert_uint_eq(recording_total_lost(r), 5);
        ck_assert_int_eq(recording_to_json_string(r, &a), 0);
        ck_assert(strstr(a, "\"complete\": false"));
        ck_assert(strstr(a, "\"events\": 5"));
}
END_TEST

static void expect_error(const char *text, unsigned line, const char *field, const char *message) {
        _cleanup_(recording_freep) struct recording *r = NULL;
        struct parse_error err = {};

        ck_assert_int_lt(recording_parse(text, strlen(text), &r, &err), 0);
        ck_assert_uint_eq(err.line, line);
        ck_assert_str_eq(err.field, field);
        ck_assert_msg(strstr(err.message, message), "message '%s' lacks '%s'", err.message, message);
}

START_TEST(test_errors_name_the_place) {
        expect_error("", 1, "", "unexpected end");
        expect_error("{\n\"format\": \"sysrec-recording\",\n\"version\": 1,\n\"architectures\": {\"x86_64\": [ "
                     "{\"nr\": } ]}}",
                     4, "", "syntax");
        /* json-c reports trailing text either as such or as a syntax error: the place is what counts */
        expect_error("{\"format\":\"sysrec-recording\",\"version\":1,\"architectures\":{}} x", 1, "", "");
        expect_error("[]", 0, "", "not a JSON object");
        expect_error("{\"format\":\"other\"}", 0, "format", "is this a sysrec recording");
        expect_error("{\"format\":\"sysrec-recording\",\"version\":2,\"architectures\":{}}", 0, "version", "version 2");
        expect_error("{\"format\":\"sysrec-recording\",\"version\":1}", 0, "architectures", "missing");
        expect_error("{\"format\":\"sysrec-recording\",\"version\":1,\"architectures\":{\"mips\":[]}}", 0,
                     "architectures.mips", "unknown architecture");
        expect_error("{\"format\":\"sysrec-recording\",\"version\":1,\"architectures\":{\"x86_64\":[{\"nr\":-1,"
                     "\"count\":1}]}}",
                     0, "architectures.x86_64[0].nr", "negative");
        expect_error("{\"format\":\"sysrec-recording\",\"version\":1,\"architectures\":{\"x86_64\":[{\"nr\":1}]}}", 0,
                     "architectures.x86_64[0].count", "missing");
        expect_error(
                "{\"format\":\"sysrec-recording\",\"version\":1,\"architectures\":{\"x86_64\":[{\"nr\":1,\"count\":1,"
                "\"first\":{\"pid\":0}}]}}",
                0, "architectures.x86_64[0].first.pid", "not a process id");
        expect_error("{\"format\":\"sysrec-recording\",\"version\":1,\"start\":\"yesterday\",\"architectures\":{}}", 0,
                     "start", "RFC 3339");
}
END_TEST

Suite *unit_suite(void) {
        Suite *s = suite_create("recording");
        TCase *tc = tcase_create("core");

        tcase_add_test(tc, test_round_trip);
        tcase_add_test(tc, test_losses_mark_incomplete);
        tcase_add_test(tc, test_errors_name_the_place);
        suite_add_tcase(s, tc);
        return s;
}
