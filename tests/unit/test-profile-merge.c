/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdlib.h>
#include <string.h>

#include "sysrec/profile-merge.h"
#include "unit.h"

static struct profile *parse(const char *text) {
        struct profile *p = NULL;
        struct parse_error err = {};

        ck_assert_msg(profile_parse(text, strlen(text), &p, &err) == 0, "%s: %s", err.field, err.message);
        return p;
}

#define A                                                                                                    \
        "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"defaultErrnoRet\":1,\"architectures\":[\"SCMP_ARCH_X86\"]," \
        "\"syscalls\":[{\"names\":[\"write\",\"read\",\"ptrace\"],\"action\":\"SCMP_ACT_ALLOW\"},"           \
        "{\"names\":[\"socket\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,\"value\":1,"          \
        "\"op\":\"SCMP_CMP_EQ\"}]},{\"names\":[\"mkdir\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":"           \
        "[{\"index\":0,\"value\":1,\"op\":\"SCMP_CMP_EQ\"}],\"comment\":\"dropped\"}]}"
#define B                                                                                             \
        "{\"defaultAction\":\"SCMP_ACT_KILL_PROCESS\",\"architectures\":[\"SCMP_ARCH_AARCH64\","      \
        "\"SCMP_ARCH_X86_64\"],\"syscalls\":[{\"names\":[\"ptrace\"],\"action\":\"SCMP_ACT_ERRNO\"}," \
        "{\"names\":[\"socket\",\"openat\"],\"action\":\"SCMP_ACT_ALLOW\"},{\"names\":[\"mkdir\"],"   \
        "\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":1,\"value\":2,\"op\":\"SCMP_CMP_EQ\"}]}]}"

static char *merged_text(const char *x, const char *y, size_t *ret_conflicts) {
        _cleanup_(profile_freep) struct profile *a = parse(x), *b = parse(y), *m = NULL;
        const struct profile *in[] = { a, b };
        struct merge_conflict *c = NULL;
        size_t n = 0;
        char *text = NULL;

        ck_assert_int_eq(profile_merge(in, 2, NULL, &m, &c, &n), 0);
        merge_conflicts_free(c, n);
        ck_assert_int_eq(profile_to_json_string(m, &text), 0);
        if (ret_conflicts)
                *ret_conflicts = n;
        return text;
}

START_TEST(test_least_permissive) {
        _cleanup_(profile_freep) struct profile *a = parse(A), *b = parse(B), *m = NULL;
        const struct profile *in[] = { a, b };
        struct merge_conflict *c = NULL;
        size_t n = 0;
        bool ptrace = false;

        ck_assert_int_eq(profile_merge(in, 2, NULL, &m, &c, &n), 0);
        ck_assert_int_eq(m->default_action, PROFILE_ACTION_KILL_PROCESS);
        /* the default, and ptrace: ALLOW in A, ERRNO (EPERM) in B */
        ck_assert_uint_eq(n, 2);
        for (size_t i = 0; i < n; i++)
                if (strcmp(c[i].name, "ptrace") == 0) {
                        ptrace = true;
                        ck_assert_str_eq(c[i].kept, "SCMP_ACT_ERRNO(1)");
                        ck_assert_str_eq(c[i].dropped, "SCMP_ACT_ALLOW");
                }
        ck_assert(ptrace);
        merge_conflicts_free(c, n);
        /* architectures united, in sysrec's order */
        ck_assert_uint_eq(m->n_architectures, 3);
        ck_assert_uint_eq(m->architectures[0], SCMP_ARCH_X86_64);
        ck_assert_uint_eq(m->architectures[1], SCMP_ARCH_X86);
}
END_TEST

/* socket unconditional in B covers A's conditional rule; mkdir's two conditional
 * rules stay separate; comments go. */
START_TEST(test_conditional_rules) {
        _cleanup_free_ char *text = merged_text(A, B, NULL);
        _cleanup_(profile_freep) struct profile *m = parse(text);
        size_t mkdir_rules = 0;

        for (size_t i = 0; i < m->n_rules; i++) {
                const struct profile_rule *r = &m->rules[i];
                ck_assert_ptr_null(r->comment);
                for (size_t j = 0; j < r->n_names; j++) {
                        if (strcmp(r->names[j], "socket") == 0)
                                ck_assert_uint_eq(r->n_args, 0);
                        if (strcmp(r->names[j], "mkdir") == 0) {
                                ck_assert_uint_eq(r->n_args, 1);
                                mkdir_rules++;
                        }
                }
        }
        ck_assert_uint_eq(mkdir_rules, 2);
        ck_assert_uint_eq(m->rules[0].action, PROFILE_ACTION_ALLOW);
        ck_assert_str_eq(m->rules[0].names[0], "openat"); /* sorted */
}
END_TEST

START_TEST(test_order_does_not_matter) {
        _cleanup_free_ char *ab = merged_text(A, B, NULL), *ba = merged_text(B, A, NULL);

        ck_assert_str_eq(ab, ba);
}
END_TEST

START_TEST(test_merge_with_itself) {
        _cleanup_free_ char *aa = merged_text(A, A, NULL);
        size_t n = 1;
        _cleanup_free_ char *again = merged_text(aa, aa, &n);

        ck_assert_uint_eq(n, 0);
        ck_assert_str_eq(aa, again);
}
END_TEST

START_TEST(test_clone3) {
        _cleanup_(profile_freep) struct profile *a = parse(A), *m = NULL;
        const struct profile *in[] = { a };
        struct merge_options o = { .clone3_enosys = true };
        struct merge_conflict *c = NULL;
        size_t n = 0;
        const struct profile_rule *last;

        ck_assert_int_eq(profile_merge(in, 1, &o, &m, &c, &n), 0);
        last = &m->rules[m->n_rules - 1];
        ck_assert_str_eq(last->names[0], "clone3");
        ck_assert_int_eq(last->errno_ret, 38);
        merge_conflicts_free(c, n);
}
END_TEST

START_TEST(test_coverage_and_detection) {
        static const char rec_text[] = "{\"format\":\"sysrec-recording\",\"version\":1,\"architectures\":{"
                                       "\"x86_64\":[{\"nr\":0,\"count\":5},{\"nr\":1,\"count\":1}]}}";
        _cleanup_(syscall_set_freep) struct syscall_set *cov = NULL;
        _cleanup_(profile_freep) struct profile *p = NULL, *b = parse(B);
        _cleanup_(recording_freep) struct recording *rec = NULL, *none = NULL;
        struct parse_error err = {};

        ck_assert_int_eq(merge_input_parse(rec_text, strlen(rec_text), &p, &rec, &err), 0);
        ck_assert_ptr_null(p);
        ck_assert_ptr_nonnull(rec);
        ck_assert_int_eq(merge_input_parse(A, strlen(A), &p, &none, &err), 0);
        ck_assert_ptr_nonnull(p);
        ck_assert_ptr_null(none);

        /* the recording: read (0) and write (1) on x86_64; A: read on x86 (3);
         * B, twice: openat (257) on x86_64, not ptrace (denied) */
        ck_assert_int_eq(syscall_set_new(&cov), 0);
        ck_assert_int_eq(merge_coverage_add_recording(cov, rec), 0);
        ck_assert_int_eq(merge_coverage_add_profile(cov, p), 0);
        ck_assert_int_eq(merge_coverage_add_profile(cov, b), 0);
        ck_assert_int_eq(merge_coverage_add_profile(cov, b), 0);
        ck_assert_uint_eq(syscall_set_find(cov, SYSREC_ARCH_X86_64, 0)->count, 1);
        ck_assert_uint_eq(syscall_set_find(cov, SYSREC_ARCH_X86_64, 1)->count, 1);
        ck_assert_uint_eq(syscall_set_find(cov, SYSREC_ARCH_X86_64, 257)->count, 2);
        ck_assert_uint_eq(syscall_set_find(cov, SYSREC_ARCH_I386, 3)->count, 1);
        ck_assert_ptr_null(syscall_set_find(cov, SYSREC_ARCH_X86_64, 101 /* ptrace: denied in B */));
}
END_TEST

Suite *unit_suite(void) {
        Suite *s = suite_create("profile-merge");
        TCase *tc = tcase_create("core");

        tcase_add_test(tc, test_least_permissive);
        tcase_add_test(tc, test_conditional_rules);
        tcase_add_test(tc, test_order_does_not_matter);
        tcase_add_test(tc, test_merge_with_itself);
        tcase_add_test(tc, test_clone3);
        tcase_add_test(tc, test_coverage_and_detection);
        suite_add_tcase(s, tc);
        return s;
}
