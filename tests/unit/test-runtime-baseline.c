/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <seccomp.h>
#include <string.h>

#include "sysrec/runtime-baseline.h"
#include "sysrec/syscall-names.h"
#include "unit.h"

/* Invariants of the data: every list sorted and unique, every name one libseccomp
 * knows on x86_64 (where it was measured), one entry per runtime and setting. */
START_TEST(test_lists_sorted_unique) {
        for (size_t i = 0; i < runtime_baseline_table_size; i++) {
                const char *const *names = runtime_baseline_table[i].names;

                ck_assert_ptr_nonnull(names[0]);
                for (size_t j = 1; names[j]; j++)
                        ck_assert_msg(strcmp(names[j - 1], names[j]) < 0, "%s %s: %s before %s",
                                      runtime_baseline_table[i].runtime, runtime_baseline_table[i].version,
                                      names[j - 1], names[j]);
        }
}
END_TEST

START_TEST(test_names_known_to_libseccomp) {
        for (size_t i = 0; i < runtime_baseline_table_size; i++)
                for (const char *const *name = runtime_baseline_table[i].names; *name; name++)
                        ck_assert_msg(seccomp_syscall_resolve_name_arch(SCMP_ARCH_X86_64, *name) >= 0,
                                      "%s: %s unknown on x86_64", runtime_baseline_table[i].runtime, *name);
}
END_TEST

START_TEST(test_one_entry_per_setting) {
        for (size_t i = 0; i < runtime_baseline_table_size; i++) {
                const struct runtime_baseline *b = &runtime_baseline_table[i];

                ck_assert_ptr_eq(runtime_baseline_find(b->runtime, b->no_new_privileges), b);
                /* both settings measured, or the union would silently lack one */
                ck_assert_ptr_nonnull(runtime_baseline_find(b->runtime, !b->no_new_privileges));
                /* every list ends with the entrypoint's exec */
                ck_assert(str_in_set("execve", b->names));
        }
}
END_TEST

START_TEST(test_lookup) {
        const struct runtime_baseline *b = runtime_baseline_find("crun", false);

        ck_assert_ptr_nonnull(b);
        ck_assert(!b->no_new_privileges);
        ck_assert(runtime_baseline_known("crun"));
        ck_assert(runtime_baseline_known("runc"));
        ck_assert(!runtime_baseline_known("none"));
        ck_assert(!runtime_baseline_known("youki"));
        ck_assert_ptr_null(runtime_baseline_find("youki", true));
}
END_TEST

static bool set_has(const struct syscall_set *set, enum sysrec_arch arch, const char *name) {
        int32_t nr;

        ck_assert_int_eq(syscall_number(sysrec_arch_to_scmp(arch), name, &nr), 0);
        return syscall_set_find(set, arch, (uint32_t) nr) != NULL;
}

/* Both settings' names join the set, with count 0, on the recorded architecture. */
START_TEST(test_add_union) {
        _cleanup_(syscall_set_freep) struct syscall_set *set = NULL;
        const struct syscall_entry *e;

        ck_assert_int_eq(syscall_set_new(&set), 0);
        ck_assert_int_eq(syscall_set_add(set, SYSREC_ARCH_X86_64, 0 /* read */, 3, NULL), 0);
        ck_assert_int_eq(runtime_baseline_add("crun", set), 0);
        for (int nnp = 0; nnp <= 1; nnp++)
                for (const char *const *name = runtime_baseline_find("crun", nnp)->names; *name; name++)
                        ck_assert_msg(set_has(set, SYSREC_ARCH_X86_64, *name), "%s missing", *name);
        ck_assert(set_has(set, SYSREC_ARCH_X86_64, "setresuid"));
        e = syscall_set_find(set, SYSREC_ARCH_X86_64, 0);
        ck_assert_uint_eq(e->count, 3); /* what was recorded stays as it was */
        ck_assert_uint_eq(syscall_set_count(set, SYSREC_ARCH_I386), 0);
}
END_TEST

/* The runtime is native: an i386 recording gets the names on x86_64; a foreign
 * architecture's recording gets them on that architecture. */
START_TEST(test_add_architectures) {
        _cleanup_(syscall_set_freep) struct syscall_set *set = NULL;

        ck_assert_int_eq(syscall_set_new(&set), 0);
        ck_assert_int_eq(syscall_set_add(set, SYSREC_ARCH_I386, 3 /* read */, 1, NULL), 0);
        ck_assert_int_eq(syscall_set_add(set, SYSREC_ARCH_AARCH64, 63 /* read */, 1, NULL), 0);
        ck_assert_int_eq(runtime_baseline_add("runc", set), 0);
        ck_assert(set_has(set, SYSREC_ARCH_X86_64, "setgroups"));
        ck_assert(set_has(set, SYSREC_ARCH_I386, "setgroups"));
        ck_assert(set_has(set, SYSREC_ARCH_AARCH64, "setgroups"));
        ck_assert_uint_eq(syscall_set_count(set, SYSREC_ARCH_X32), 0);
}
END_TEST

START_TEST(test_add_empty_and_unknown) {
        _cleanup_(syscall_set_freep) struct syscall_set *set = NULL;

        ck_assert_int_eq(syscall_set_new(&set), 0);
        ck_assert_int_eq(runtime_baseline_add("youki", set), -ENOENT);
        ck_assert_uint_eq(syscall_set_total(set), 0);
        ck_assert_int_eq(runtime_baseline_add("crun", set), 0);
        ck_assert(set_has(set, SYSREC_ARCH_X86_64, "execve"));
}
END_TEST

Suite *unit_suite(void) {
        Suite *s = suite_create("runtime-baseline");
        TCase *tc = tcase_create("core");

        tcase_add_test(tc, test_lists_sorted_unique);
        tcase_add_test(tc, test_names_known_to_libseccomp);
        tcase_add_test(tc, test_one_entry_per_setting);
        tcase_add_test(tc, test_lookup);
        tcase_add_test(tc, test_add_union);
        tcase_add_test(tc, test_add_architectures);
        tcase_add_test(tc, test_add_empty_and_unknown);
        suite_add_tcase(s, tc);
        return s;
}
