/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <linux/seccomp.h>
#include <seccomp.h>
#include <string.h>

#include "sysrec/profile.h"
#include "unit.h"

static struct profile *load_every_field(void) {
        struct parse_error err = {};
        struct profile *p = NULL;

        ck_assert_msg(profile_load_file(unit_data_path("profile-every-field.json"), &p, &err) == 0, "%s: %s", err.field,
                      err.message);
        return p;
}

START_TEST(test_every_field) {
        _cleanup_(profile_freep) struct profile *p = load_every_field();

        ck_assert_int_eq(p->default_action, PROFILE_ACTION_ERRNO);
        ck_assert_int_eq(p->default_errno_ret, 1);
        ck_assert_uint_eq(p->n_architectures, 3);
        ck_assert_uint_eq(p->architectures[0], SCMP_ARCH_X86_64);
        ck_assert_uint_eq(p->architectures[1], SCMP_ARCH_X86);
        ck_assert_uint_eq(p->architectures[2], SCMP_ARCH_X32);
        ck_assert_uint_eq(p->flags, SECCOMP_FILTER_FLAG_LOG | SECCOMP_FILTER_FLAG_SPEC_ALLOW);
        ck_assert_str_eq(p->listener_path, "/run/agent.sock");
        ck_assert_str_eq(p->listener_metadata, "metadata");
        ck_assert_uint_eq(p->n_rules, 11);
        ck_assert_uint_eq(p->rules[0].n_names, 4);
        ck_assert_str_eq(p->rules[0].names[3], "mseal");
        ck_assert_ptr_null(p->rules[0].names[4]);
        ck_assert_str_eq(p->rules[0].comment, "the basics");
        ck_assert_int_eq(p->rules[0].errno_ret, -1);
        ck_assert_uint_eq(p->rules[1].n_args, 2);
        ck_assert_uint_eq(p->rules[1].args[1].value, 8);
        ck_assert_int_eq(p->rules[2].args[0].op, SCMP_CMP_MASKED_EQ);
        ck_assert_uint_eq(p->rules[2].args[0].value, 2114060288);
        ck_assert_int_eq(p->rules[3].errno_ret, 11);
        ck_assert_uint_eq(p->rules[3].n_args, 6);
        ck_assert_int_eq(p->rules[3].args[0].op, SCMP_CMP_NE);
        ck_assert_int_eq(p->rules[3].args[4].op, SCMP_CMP_GT);
        ck_assert_uint_eq(p->rules[3].args[5].index, 5);
        ck_assert_uint_eq(p->rules[3].args[5].value, UINT64_MAX);
        ck_assert_int_eq(p->rules[4].action, PROFILE_ACTION_KILL);
        ck_assert_int_eq(p->rules[8].action, PROFILE_ACTION_TRACE);
        ck_assert_int_eq(p->rules[8].errno_ret, 7);
        ck_assert_int_eq(p->rules[10].action, PROFILE_ACTION_NOTIFY);
}
END_TEST

/* What the writer prints the reader reads back to the same bytes. */
START_TEST(test_round_trip) {
        _cleanup_(profile_freep) struct profile *p = load_every_field(), *q = NULL;
        _cleanup_free_ char *a = NULL, *b = NULL;
        struct parse_error err = {};

        ck_assert_int_eq(profile_to_json_string(p, &a), 0);
        ck_assert_msg(profile_parse(a, strlen(a), &q, &err) == 0, "%s: %s", err.field, err.message);
        ck_assert_int_eq(profile_to_json_string(q, &b), 0);
        ck_assert_str_eq(a, b);
}
END_TEST

static void parse_one_rule(const char *rule, struct profile **ret) {
        char text[1024];
        struct parse_error err = {};

        snprintf(text, sizeof(text), "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[%s]}", rule);
        ck_assert_msg(profile_parse(text, strlen(text), ret, &err) == 0, "%s: %s: %s", text, err.field, err.message);
}

START_TEST(test_every_action) {
        for (int a = 0; a < _PROFILE_ACTION_MAX; a++) {
                _cleanup_(profile_freep) struct profile *p = NULL;
                char rule[256];

                snprintf(rule, sizeof(rule), "{\"names\":[\"read\"],\"action\":\"%s\"}", profile_action_to_string(a));
                parse_one_rule(rule, &p);
                ck_assert_int_eq(p->rules[0].action, a);
        }
}
END_TEST

START_TEST(test_every_op) {
        for (int op = SCMP_CMP_NE; op < _SCMP_CMP_MAX; op++) {
                _cleanup_(profile_freep) struct profile *p = NULL;
                char rule[256];

                snprintf(rule, sizeof(rule),
                         "{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ERRNO\",\"args\":[{\"index\":2,\"value\":3,"
                         "\"valueTwo\":4,\"op\":\"%s\"}]}",
                         profile_op_to_string(op));
                parse_one_rule(rule, &p);
                ck_assert_int_eq(p->rules[0].args[0].op, op);
                ck_assert_uint_eq(p->rules[0].args[0].index, 2);
                ck_assert_uint_eq(p->rules[0].args[0].value, 3);
                ck_assert_uint_eq(p->rules[0].args[0].value_two, 4);
        }
}
END_TEST

static void expect_error(const char *text, unsigned line, const char *field, const char *message) {
        _cleanup_(profile_freep) struct profile *p = NULL;
        struct parse_error err = {};

        ck_assert_msg(profile_parse(text, strlen(text), &p, &err) < 0, "accepted: %s", text);
        ck_assert_ptr_null(p);
        ck_assert_uint_eq(err.line, line);
        ck_assert_str_eq(err.field, field);
        ck_assert_msg(strstr(err.message, message), "message '%s' lacks '%s'", err.message, message);
}

#define RULE(r)                                                                                                       \
        "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ALLOW\"}," r \
        "]}"

START_TEST(test_errors_name_the_field) {
        expect_error("", 1, "", "unexpected end");
        expect_error(
                "{\n  \"defaultAction\": \"SCMP_ACT_ERRNO\",\n  \"syscalls\": [\n    {\"names\": [\"read\",]}\n  ]\n}",
                4, "", "syntax");
        expect_error("[]", 0, "", "not a JSON object");
        expect_error("{}", 0, "defaultAction", "missing");
        expect_error("{\"defaultAction\":\"SCMP_ACT_DENY\"}", 0, "defaultAction", "unknown action \"SCMP_ACT_DENY\"");
        expect_error("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"defaultErrnoRet\":-1}", 0, "defaultErrnoRet", "negative");
        expect_error("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"defaultErrnoRet\":65536}", 0, "defaultErrnoRet",
                     "out of range");
        expect_error("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"defaultErrnoRet\":\"1\"}", 0, "defaultErrnoRet",
                     "not an integer");
        expect_error("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"defaultaction\":\"SCMP_ACT_ALLOW\"}", 0, "defaultaction",
                     "unknown field");
        expect_error("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"archMap\":[]}", 0, "archMap", "Docker");
        expect_error(
                "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"architectures\":[\"SCMP_ARCH_X86_64\",\"SCMP_ARCH_VAX\"]}", 0,
                "architectures[1]", "unknown architecture \"SCMP_ARCH_VAX\"");
        expect_error("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"architectures\":\"SCMP_ARCH_X86_64\"}", 0,
                     "architectures", "not an array");
        expect_error("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"flags\":[\"SECCOMP_FILTER_FLAG_FAST\"]}", 0, "flags[0]",
                     "unknown flag");
        expect_error("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":{}}", 0, "syscalls", "not an array");
        expect_error(RULE("{\"action\":\"SCMP_ACT_ALLOW\"}"), 0, "syscalls[1].names", "missing or empty");
        expect_error(RULE("{\"names\":[],\"action\":\"SCMP_ACT_ALLOW\"}"), 0, "syscalls[1].names", "missing or empty");
        expect_error(RULE("{\"names\":[\"read\",\"\"],\"action\":\"SCMP_ACT_ALLOW\"}"), 0, "syscalls[1].names[1]",
                     "not a syscall name");
        expect_error(RULE("{\"names\":[\"read\"]}"), 0, "syscalls[1].action", "missing");
        expect_error(RULE("{\"name\":\"read\",\"action\":\"SCMP_ACT_ALLOW\"}"), 0, "syscalls[1].name", "Docker");
        expect_error(RULE("{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ALLOW\",\"errnoret\":1}"), 0,
                     "syscalls[1].errnoret", "unknown field");
        expect_error(RULE("{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":6,\"value\":1,"
                          "\"op\":\"SCMP_CMP_EQ\"}]}"),
                     0, "syscalls[1].args[0].index", "out of range");
        expect_error(RULE("{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,\"value\":1,"
                          "\"op\":\"SCMP_CMP_EQUAL\"}]}"),
                     0, "syscalls[1].args[0].op", "unknown operator");
        expect_error(RULE("{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,\"op\":\"SCMP_"
                          "CMP_EQ\"}]}"),
                     0, "syscalls[1].args[0].value", "missing");
        expect_error(RULE("{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,\"value\":1.5,"
                          "\"op\":\"SCMP_CMP_EQ\"}]}"),
                     0, "syscalls[1].args[0].value", "not an integer");
        expect_error(RULE("{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,\"value\":1,"
                          "\"op\":\"SCMP_CMP_EQ\",\"valuetwo\":2}]}"),
                     0, "syscalls[1].args[0].valuetwo", "unknown field");
}
END_TEST

Suite *unit_suite(void) {
        Suite *s = suite_create("profile-parse");
        TCase *tc = tcase_create("core");

        tcase_add_test(tc, test_every_field);
        tcase_add_test(tc, test_round_trip);
        tcase_add_test(tc, test_every_action);
        tcase_add_test(tc, test_every_op);
        tcase_add_test(tc, test_errors_name_the_field);
        suite_add_tcase(s, tc);
        return s;
}
