/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The slot arithmetic the BPF program runs in the kernel (bpf/events.h), fed with
 * synthetic i386-compat and x32 calls: 32-bit emulation may be off on the machines
 * that run the tests, so no real compat task can make them. */
#include <linux/types.h>

#include "events.h"
#include "sysrec/syscall-names.h"
#include "unit.h"

static const char *name_of_slot(long slot) {
        const char *name = NULL;
        __u32 arch, nr;

        ck_assert_int_ge(slot, 0);
        sysrec_slot_split((__u32) slot, &arch, &nr);
        ck_assert_int_ge(syscall_name((enum sysrec_arch) arch, nr, &name), 0);
        return name;
}

START_TEST(test_architectures) {
        ck_assert_int_eq(sysrec_slot_of(0, 39), 39);
        ck_assert_str_eq(name_of_slot(sysrec_slot_of(0, 39)), "getpid");
        /* i386: TS_COMPAT in thread_info.status; getpid is 20 there */
        ck_assert_int_eq(sysrec_slot_of(SYSREC_BPF_TS_COMPAT, 20), SYSREC_BPF_MAX_NR + 20);
        ck_assert_str_eq(name_of_slot(sysrec_slot_of(SYSREC_BPF_TS_COMPAT | 0x1, 20)), "getpid");
        /* x32: the x32 bit in the number, stripped for the slot and put back */
        ck_assert_int_eq(sysrec_slot_of(0, 0x40000000L | 39), 2 * SYSREC_BPF_MAX_NR + 39);
        ck_assert_str_eq(name_of_slot(sysrec_slot_of(0, 0x40000000L | 39)), "getpid");
        /* x32's own numbers from 512 (x32 rt_sigaction is 512) */
        ck_assert_str_eq(name_of_slot(sysrec_slot_of(0, 0x40000000L | 512)), "rt_sigaction");
}
END_TEST

START_TEST(test_out_of_range) {
        ck_assert_int_eq(sysrec_slot_of(0, SYSREC_BPF_MAX_NR), -1);
        ck_assert_int_eq(sysrec_slot_of(0, -1), -1); /* syscall(-1) */
        /* a compat task's number never carries the x32 meaning */
        ck_assert_int_eq(sysrec_slot_of(SYSREC_BPF_TS_COMPAT, 0x40000000L | 20), -1);
}
END_TEST

START_TEST(test_round_trip) {
        for (__u32 arch = 0; arch < SYSREC_BPF_ARCHES; arch++)
                for (__u32 nr = 0; nr < SYSREC_BPF_MAX_NR; nr++) {
                        __u32 status = arch == 1 ? SYSREC_BPF_TS_COMPAT : 0;
                        long id = arch == 2 ? (long) (nr | SYSREC_BPF_X32_BIT) : (long) nr;
                        long slot = sysrec_slot_of(status, id);
                        __u32 a, n;

                        ck_assert_int_ge(slot, 0);
                        ck_assert_int_lt(slot, SYSREC_BPF_SLOTS);
                        sysrec_slot_split((__u32) slot, &a, &n);
                        ck_assert_uint_eq(a, arch);
                        ck_assert_uint_eq(n, (__u32) id);
                }
}
END_TEST

Suite *unit_suite(void) {
        Suite *s = suite_create("bpf-events");
        TCase *tc = tcase_create("core");

        tcase_add_test(tc, test_architectures);
        tcase_add_test(tc, test_out_of_range);
        tcase_add_test(tc, test_round_trip);
        suite_add_tcase(s, tc);
        return s;
}
