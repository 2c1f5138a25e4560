/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <fcntl.h>
#include <seccomp.h>
#include <string.h>
#include <unistd.h>

#include "sysrec/profile-build.h"
#include "sysrec/profile-filter.h"
#include "sysrec/profile-retarget.h"
#include "sysrec/syscall-map.h"
#include "unit.h"

static bool rule_has(const struct profile_rule *rule, const char *name) {
        for (size_t i = 0; i < rule->n_names; i++)
                if (strcmp(rule->names[i], name) == 0)
                        return true;
        return false;
}

/* The profile of an x86_64 recording of open, stat, arch_prctl, rename and read,
 * for x86_64, aarch64 and riscv64. */
static struct profile *retargeted(struct retarget_note **notes, size_t *n) {
        static const uint32_t x86_64_nrs[] = { 0 /* read */, 2 /* open */, 4 /* stat */, 82 /* rename */,
                                               158 /* arch_prctl */ };
        _cleanup_(syscall_set_freep) struct syscall_set *set = NULL;
        struct profile_build_options o = PROFILE_BUILD_OPTIONS_DEFAULT;
        uint32_t targets[3];
        struct profile *p = NULL;

        ck_assert_int_eq(retarget_arch_from_string("x86_64", &targets[0]), 0);
        ck_assert_int_eq(retarget_arch_from_string("arm64", &targets[1]), 0);
        ck_assert_int_eq(retarget_arch_from_string("SCMP_ARCH_RISCV64", &targets[2]), 0);
        ck_assert_int_eq(syscall_set_new(&set), 0);
        for (size_t i = 0; i < ELEMENTSOF(x86_64_nrs); i++)
                ck_assert_int_eq(syscall_set_add(set, SYSREC_ARCH_X86_64, x86_64_nrs[i], 1, NULL), 0);
        ck_assert_int_eq(profile_build(set, &o, &p), 0);
        ck_assert_int_eq(profile_retarget(p, targets, 3, notes, n), 0);
        return p;
}

START_TEST(test_names_per_target) {
        struct retarget_note *notes = NULL;
        bool rename_seen = false;
        size_t n = 0;
        _cleanup_(profile_freep) struct profile *p = retargeted(&notes, &n);
        const struct profile_rule *allow = &p->rules[0];
        uint32_t token;

        ck_assert_uint_eq(p->n_architectures, 3);
        ck_assert_int_eq(retarget_arch_from_string("aarch64", &token), 0);
        ck_assert_uint_eq(p->architectures[1], token);
        /* x86_64 keeps its own names; the others get what replaces them */
        ck_assert(rule_has(allow, "open") && rule_has(allow, "openat"));
        ck_assert(rule_has(allow, "stat") && rule_has(allow, "newfstatat"));
        ck_assert(rule_has(allow, "renameat") && rule_has(allow, "renameat2"));
        ck_assert(rule_has(allow, "arch_prctl") && rule_has(allow, "read"));
        /* each (name, target) once: open, stat and arch_prctl on two targets,
         * rename on aarch64 (renameat renameat2) and riscv64 (renameat2) */
        ck_assert_uint_eq(n, 8);
        ck_assert_str_eq(notes[0].from, "arch_prctl");
        ck_assert_ptr_null(notes[0].to);
        for (size_t i = 0; i < n; i++)
                if (strcmp(notes[i].from, "rename") == 0 && notes[i].arch == token) {
                        ck_assert_str_eq(notes[i].to, "renameat renameat2");
                        rename_seen = true;
                }
        ck_assert(rename_seen);
        retarget_notes_free(notes, n);
}
END_TEST

START_TEST(test_only_aarch64_drops_x86_names) {
        _cleanup_(profile_freep) struct profile *p = NULL;
        struct retarget_note *notes = NULL;
        size_t n = 0;
        uint32_t a64;

        p = retargeted(&notes, &n);
        retarget_notes_free(notes, n);
        ck_assert_int_eq(retarget_arch_from_string("aarch64", &a64), 0);
        ck_assert_int_eq(profile_retarget(p, &a64, 1, &notes, &n), 0);
        ck_assert(!rule_has(&p->rules[0], "open") && !rule_has(&p->rules[0], "arch_prctl"));
        ck_assert(rule_has(&p->rules[0], "openat"));
        for (size_t i = 0; i < p->n_rules; i++)
                for (size_t j = 0; j < p->rules[i].n_names; j++)
                        ck_assert_msg(syscall_exists_on(a64, p->rules[i].names[j]), "%s", p->rules[i].names[j]);
        retarget_notes_free(notes, n);
}
END_TEST

START_TEST(test_arch_names) {
        uint32_t token;

        ck_assert_int_eq(retarget_arch_from_string("amd64", &token), 0);
        ck_assert_uint_eq(token, SCMP_ARCH_X86_64);
        ck_assert_int_eq(retarget_arch_from_string("i386", &token), 0);
        ck_assert_uint_eq(token, SCMP_ARCH_X86);
        ck_assert_int_eq(retarget_arch_from_string("vax", &token), -EINVAL);
        ck_assert_int_eq(retarget_arch_from_string("native", &token), -EINVAL);
}
END_TEST

/* What a runtime does on each architecture the profile lists: a context for that
 * one, every rule, and the BPF program exported. */
static void load_on(const struct profile *p, uint32_t token) {
        scmp_filter_ctx ctx = seccomp_init(profile_action_to_scmp(p->default_action, p->default_errno_ret));
        int fd = open("/dev/null", O_WRONLY | O_CLOEXEC);

        ck_assert_ptr_nonnull(ctx);
        if (token != seccomp_arch_native()) {
                ck_assert_int_eq(seccomp_arch_add(ctx, token), 0);
                ck_assert_int_eq(seccomp_arch_remove(ctx, seccomp_arch_native()), 0);
        }
        for (size_t i = 0; i < p->n_rules; i++)
                for (size_t j = 0; j < p->rules[i].n_names; j++) {
                        const char *name = p->rules[i].names[j];
                        uint32_t action = profile_action_to_scmp(p->rules[i].action, p->rules[i].errno_ret);
                        /* as runc: the native number, which libseccomp translates by name */
                        ck_assert_msg(seccomp_syscall_resolve_name_arch(token, name) != __NR_SCMP_ERROR, "%s", name);
                        ck_assert_int_eq(seccomp_rule_add(ctx, action, seccomp_syscall_resolve_name(name), 0), 0);
                }
        ck_assert_int_eq(seccomp_export_bpf(ctx, fd), 0);
        close(fd);
        seccomp_release(ctx);
}

START_TEST(test_multi_arch_loads) {
        struct retarget_note *notes = NULL;
        size_t n = 0;
        _cleanup_(profile_freep) struct profile *p = retargeted(&notes, &n);
        _cleanup_(profile_filter_freep) struct profile_filter *f = NULL;
        struct parse_error err = {};

        retarget_notes_free(notes, n);
        for (size_t a = 0; a < p->n_architectures; a++)
                load_on(p, p->architectures[a]);
        ck_assert_msg(profile_filter_compile(p, &f, &err) == 0, "%s: %s", err.field, err.message);
}
END_TEST

Suite *unit_suite(void) {
        Suite *s = suite_create("profile-retarget");
        TCase *tc = tcase_create("core");

        tcase_add_test(tc, test_names_per_target);
        tcase_add_test(tc, test_only_aarch64_drops_x86_names);
        tcase_add_test(tc, test_arch_names);
        tcase_add_test(tc, test_multi_arch_loads);
        suite_add_tcase(s, tc);
        return s;
}
