/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Invariants of the data tables generate --arch and check use: sorted, unique,
 * every name real, and the legacy map complete against libseccomp's tables. */
#include <seccomp.h>
#include <stdlib.h>
#include <string.h>

#include "sysrec/check-tables.h"
#include "sysrec/profile.h"
#include "sysrec/syscall-map.h"
#include "unit.h"

static uint32_t arch(const char *name) {
        uint32_t token = seccomp_arch_resolve_name(name);
        ck_assert_msg(token != 0, "libseccomp does not know %s", name);
        return token;
}

START_TEST(test_map_sorted_unique) {
        for (unsigned i = 1; i < syscall_map_table_size; i++)
                ck_assert_msg(strcmp(syscall_map_table[i - 1].from, syscall_map_table[i].from) < 0, "%s before %s",
                              syscall_map_table[i - 1].from, syscall_map_table[i].from);
        ck_assert_ptr_nonnull(syscall_map_find("open"));
        ck_assert_ptr_null(syscall_map_find("openat"));
}
END_TEST

/* Every x86_64 syscall missing on aarch64 or riscv64 has a mapping or is listed as
 * having no counterpart. */
START_TEST(test_map_complete) {
        const uint32_t targets[] = { arch("aarch64"), arch("riscv64") };

        for (int nr = 0; nr < 1024; nr++) {
                char *name = seccomp_syscall_resolve_num_arch(SCMP_ARCH_X86_64, nr);

                if (!name)
                        continue;
                for (size_t t = 0; t < ELEMENTSOF(targets); t++)
                        ck_assert_msg(syscall_exists_on(targets[t], name) || syscall_map_find(name),
                                      "x86_64 %s is missing on %s and not in syscall_map_table", name,
                                      t ? "riscv64" : "aarch64");
                free(name);
        }
}
END_TEST

/* Each replacement exists on aarch64 or riscv64, and every mapping with one leaves
 * at least one on each; the source names are x86_64 names. */
START_TEST(test_map_targets_exist) {
        const uint32_t a64 = arch("aarch64"), rv = arch("riscv64");

        for (unsigned i = 0; i < syscall_map_table_size; i++) {
                const struct syscall_map *m = &syscall_map_table[i];
                bool on_a64 = false, on_rv = false;

                ck_assert_msg(syscall_exists_on(SCMP_ARCH_X86_64, m->from), "%s is not an x86_64 syscall", m->from);
                for (size_t t = 0; m->to[t]; t++) {
                        bool a = syscall_exists_on(a64, m->to[t]), r = syscall_exists_on(rv, m->to[t]);
                        ck_assert_msg(a || r, "%s -> %s: on neither aarch64 nor riscv64", m->from, m->to[t]);
                        on_a64 = on_a64 || a;
                        on_rv = on_rv || r;
                }
                if (m->to[0])
                        ck_assert_msg(on_a64 && on_rv, "%s: no replacement on %s", m->from,
                                      on_a64 ? "riscv64" : "aarch64");
        }
}
END_TEST

START_TEST(test_risky_table) {
        for (unsigned i = 0; i < risky_syscall_table_size; i++) {
                ck_assert_msg(syscall_exists_anywhere(risky_syscall_table[i].name), "%s", risky_syscall_table[i].name);
                if (i > 0)
                        ck_assert_msg(strcmp(risky_syscall_table[i - 1].name, risky_syscall_table[i].name) < 0, "%s",
                                      risky_syscall_table[i].name);
        }
        ck_assert_ptr_nonnull(risky_syscall_find("mount"));
        ck_assert_ptr_nonnull(risky_syscall_find("userfaultfd"));
        ck_assert_ptr_null(risky_syscall_find("read"));
}
END_TEST

START_TEST(test_runtime_default_table) {
        for (unsigned i = 0; i < runtime_default_table_size; i++) {
                ck_assert_msg(syscall_exists_anywhere(runtime_default_table[i].name), "%s",
                              runtime_default_table[i].name);
                if (i > 0)
                        ck_assert_msg(strcmp(runtime_default_table[i - 1].name, runtime_default_table[i].name) < 0,
                                      "%s", runtime_default_table[i].name);
        }
        ck_assert_ptr_nonnull(runtime_default_find("read"));
        ck_assert(runtime_default_find("socket")->conditional);
        ck_assert_ptr_null(runtime_default_find("mount")); /* needs CAP_SYS_ADMIN */
}
END_TEST

START_TEST(test_runtime_arches) {
        uint32_t token;

        for (unsigned i = 0; i < runtime_arch_table_size; i++) {
                ck_assert_int_eq(profile_arch_from_string(runtime_arch_table[i], &token), 0);
                ck_assert(runtime_arch_accepted(token));
                if (i > 0)
                        ck_assert(strcmp(runtime_arch_table[i - 1], runtime_arch_table[i]) < 0);
        }
        ck_assert(!runtime_arch_accepted(arch("parisc")));
}
END_TEST

Suite *unit_suite(void) {
        Suite *s = suite_create("syscall-map");
        TCase *tc = tcase_create("tables");

        tcase_add_test(tc, test_map_sorted_unique);
        tcase_add_test(tc, test_map_complete);
        tcase_add_test(tc, test_map_targets_exist);
        tcase_add_test(tc, test_risky_table);
        tcase_add_test(tc, test_runtime_default_table);
        tcase_add_test(tc, test_runtime_arches);
        suite_add_tcase(s, tc);
        return s;
}
