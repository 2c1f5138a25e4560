/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>

#include "sysrec/oci-state.h"
#include "unit.h"

static int parse(const char *text, struct oci_state **ret, struct parse_error *err) {
        *err = (struct parse_error){};
        return oci_state_parse(text, strlen(text), ret, err);
}

/* What crun and runc give a createRuntime hook, with oci-seccomp-bpf-hook's
 * annotation: the process, and both paths. */
START_TEST(test_state_with_annotation) {
        _cleanup_(oci_state_freep) struct oci_state *s = NULL;
        struct parse_error err;

        ck_assert_int_eq(parse("{\"ociVersion\":\"1.0.2\",\"id\":\"web\",\"status\":\"created\",\"pid\":4242,"
                               "\"bundle\":\"/b\",\"annotations\":{\"io.containers.trace-syscall\":"
                               "\"if:/etc/in.json;of:/tmp/out.json\",\"other\":\"x\"}}",
                               &s, &err),
                         0);
        ck_assert_str_eq(s->id, "web");
        ck_assert_int_eq(s->pid, 4242);
        ck_assert_str_eq(s->bundle, "/b");
        ck_assert_str_eq(s->trace_input, "/etc/in.json");
        ck_assert_str_eq(s->trace_output, "/tmp/out.json");
}
END_TEST

START_TEST(test_state_without_annotation) {
        _cleanup_(oci_state_freep) struct oci_state *s = NULL;
        struct parse_error err;

        ck_assert_int_eq(parse("{\"id\":\"web\",\"pid\":7}", &s, &err), 0);
        ck_assert_ptr_null(s->trace_input);
        ck_assert_ptr_null(s->trace_output);
}
END_TEST

/* Each refusal names the field: the hook's one line says what to fix. */
START_TEST(test_errors_name_the_field) {
        static const struct {
                const char *text, *field;
        } cases[] = {
                { "{\"id\":\"x\",\"pid\":0}", "pid" },
                { "{\"id\":\"x\"}", "pid" },
                { "{\"pid\":3}", "id" },
                { "{\"id\":\"x\",\"pid\":-3}", "pid" },
                { "{\"id\":\"x\",\"pid\":3,\"annotations\":[]}", "annotations" },
                { "{\"id\":\"x\",\"pid\":3,\"annotations\":{\"io.containers.trace-syscall\":\"of:rel\"}}",
                  "annotations.io.containers.trace-syscall" },
                { "{\"id\":\"x\",\"pid\":3,\"annotations\":{\"io.containers.trace-syscall\":\"if:/a\"}}",
                  "annotations.io.containers.trace-syscall" },
                { "{\"id\":\"x\",\"pid\":3,\"annotations\":{\"io.containers.trace-syscall\":\"of:/a;of:/b\"}}",
                  "annotations.io.containers.trace-syscall" },
                { "{\"id\":\"x\",\"pid\":3,\"annotations\":{\"io.containers.trace-syscall\":\"out:/a\"}}",
                  "annotations.io.containers.trace-syscall" },
        };

        for (size_t i = 0; i < ELEMENTSOF(cases); i++) {
                struct oci_state *s = NULL;
                struct parse_error err;

                ck_assert_int_lt(parse(cases[i].text, &s, &err), 0);
                ck_assert_ptr_null(s);
                ck_assert_msg(strcmp(err.field, cases[i].field) == 0, "%s: field '%s'", cases[i].text, err.field);
        }
}
END_TEST

Suite *unit_suite(void) {
        Suite *s = suite_create("oci-state");
        TCase *tc = tcase_create("core");

        tcase_add_test(tc, test_state_with_annotation);
        tcase_add_test(tc, test_state_without_annotation);
        tcase_add_test(tc, test_errors_name_the_field);
        suite_add_tcase(s, tc);
        return s;
}
