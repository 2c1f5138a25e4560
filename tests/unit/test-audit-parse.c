/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>

#include "sysrec/audit-collect.h"
#include "sysrec/audit-parse.h"
#include "sysrec/syscall-names.h"
#include "unit.h"

#define SECCOMP_TAIL                                                                                         \
        "auid=4294967295 uid=0 gid=0 ses=7 pid=679 comm=\"true\" exe=\"/usr/bin/true\" sig=0 arch=c000003e " \
        "syscall=257 compat=0 ip=0x7f1148bf1b1d code=0x7ffc0000"

static struct audit_line parse_ok(const char *text) {
        struct audit_line l;
        struct parse_error err = {};

        ck_assert_int_eq(audit_parse_line(text, strlen(text), &l, &err), 0);
        return l;
}

static void assert_openat(const char *text) {
        struct audit_line l = parse_ok(text);

        ck_assert_int_eq(l.kind, AUDIT_LINE_SECCOMP);
        ck_assert_int_eq(l.seccomp.nr, 257);
        ck_assert_uint_eq(l.seccomp.audit_arch, 0xc000003e);
        ck_assert_uint_eq(l.seccomp.code, 0x7ffc0000);
        ck_assert_int_eq(l.seccomp.pid, 679);
        ck_assert_uint_eq(l.seccomp.ses, 7);
        ck_assert_uint_eq(l.seccomp.time_ms, 1795649713191);
        ck_assert_uint_eq(l.seccomp.serial, 38);
}

START_TEST(test_formats) {
        assert_openat("type=SECCOMP msg=audit(1795649713.191:38): " SECCOMP_TAIL);
        assert_openat("node=web1 type=SECCOMP msg=audit(1795649713.191:38): " SECCOMP_TAIL);
        assert_openat("[  728.931760] audit: type=1326 audit(1795649713.191:38): " SECCOMP_TAIL);
        assert_openat("[Sat Nov 22 14:41:34 2026] audit: type=1326 audit(1795649713.191:38): " SECCOMP_TAIL);
        assert_openat("Nov 22 14:41:34 node1 kernel: audit: type=1326 audit(1795649713.191:38): " SECCOMP_TAIL);
        assert_openat("172.20.0.2: kern:  notice: [2026-11-22T14:41:34.1Z]: audit: type=1326 "
                      "audit(1795649713.191:38): " SECCOMP_TAIL);
        assert_openat("type=SECCOMP msg=audit(1795649713.191:38): " SECCOMP_TAIL "\035ARCH=x86_64 SYSCALL=openat");
}
END_TEST

START_TEST(test_fields_by_name_not_position) {
        struct audit_line l = parse_ok("type=SECCOMP msg=audit(1.5:1): code=0x50001 syscall=1 arch=c000003e pid=9 "
                                       "subj=unconfined extra=1 ppid=4 auid=3");

        ck_assert_int_eq(l.seccomp.nr, 1);
        ck_assert_int_eq(l.seccomp.pid, 9); /* not ppid's, nor auid's */
        ck_assert_uint_eq(audit_action_from_code(l.seccomp.code), AUDIT_ACTION_ERRNO);
        ck_assert(!l.seccomp.has_ses);
        ck_assert_uint_eq(l.seccomp.time_ms, 1005);
}
END_TEST

START_TEST(test_hex_values) {
        struct audit_line l = parse_ok("type=SECCOMP msg=audit(1.000:1): comm=6E67696E7820776F726B6572 "
                                       "exe=\"/usr/sbin/nginx\" arch=c000003e syscall=0 code=0x7ffc0000");
        char buf[64];

        audit_value_decode(&l.seccomp.comm, buf, sizeof(buf));
        ck_assert_str_eq(buf, "nginx worker");
        audit_value_decode(&l.seccomp.exe, buf, sizeof(buf));
        ck_assert_str_eq(buf, "/usr/sbin/nginx");
        /* cut to the buffer, still terminated */
        audit_value_decode(&l.seccomp.comm, buf, 4);
        ck_assert_str_eq(buf, "ngi");
}
END_TEST

static void assert_error(const char *text, const char *field) {
        struct audit_line l;
        struct parse_error err = {};

        ck_assert_int_eq(audit_parse_line(text, strlen(text), &l, &err), -EINVAL);
        ck_assert_str_eq(err.field, field);
        ck_assert_uint_gt(err.column, 0);
}

START_TEST(test_bad_records) {
        assert_error("type=SECCOMP msg=audit(1.000:1): arch=c000003e sysc", "syscall");
        assert_error("type=SECCOMP msg=audit(1.000:1): syscall=1", "arch");
        assert_error("type=SECCOMP msg=audit(1.000:1): arch=zz syscall=1", "arch");
        assert_error("type=SECCOMP msg=audit(1.000:1): arch=c000003e syscall=1x", "syscall");
        assert_error("type=SECCOMP msg=audit(garbage): arch=c000003e syscall=1", "msg");
        assert_error("type=SECCOMP", "msg");
        assert_error("audit: type=1326 audit(1.000:1): comm=\"unterminated arch=c000003e syscall=1", "arch");
}
END_TEST

START_TEST(test_other_lines) {
        ck_assert_int_eq(parse_ok("type=SYSCALL msg=audit(1.0:1): arch=c000003e syscall=59").kind, AUDIT_LINE_OTHER);
        ck_assert_int_eq(parse_ok("type=USER_AVC msg=audit(1.0:1): msg='type=1326 syscall=1'").kind, AUDIT_LINE_OTHER);
        ck_assert_int_eq(parse_ok("").kind, AUDIT_LINE_OTHER);
        ck_assert_int_eq(parse_ok("e1000: 5 callbacks suppressed").kind, AUDIT_LINE_OTHER);
}
END_TEST

START_TEST(test_loss_lines) {
        struct audit_line l = parse_ok("[  741.799822] kauditd_printk_skb: 29 callbacks suppressed");

        ck_assert_int_eq(l.kind, AUDIT_LINE_SUPPRESSED);
        ck_assert_uint_eq(l.count, 29);
        l = parse_ok("[ 1.0] audit: audit_lost=6 audit_rate_limit=0 audit_backlog_limit=64");
        ck_assert_int_eq(l.kind, AUDIT_LINE_LOST);
        ck_assert_uint_eq(l.count, 6);
}
END_TEST

START_TEST(test_actions) {
        unsigned m;

        ck_assert_uint_eq(audit_action_from_code(0x80000000), AUDIT_ACTION_KILL);
        ck_assert_uint_eq(audit_action_from_code(0x00000000), AUDIT_ACTION_KILL);
        ck_assert_uint_eq(audit_action_from_code(0x00030000), AUDIT_ACTION_TRAP);
        ck_assert_uint_eq(audit_action_from_code(0x7ffc0000), AUDIT_ACTION_LOG);
        ck_assert_int_eq(audit_action_from_string("errno", &m), 0);
        ck_assert_uint_eq(m, AUDIT_ACTION_ERRNO);
        ck_assert_int_eq(audit_action_from_string("kil", &m), -EINVAL);
}
END_TEST

/* The collector names a foreign record with its own architecture's table. */
START_TEST(test_collect_foreign_arch) {
        _cleanup_(recording_freep) struct recording *rec = NULL;
        struct audit_filter f = AUDIT_FILTER_DEFAULT;
        struct audit_collector c;
        const char *a64 = "type=SECCOMP msg=audit(1.0:1): pid=1 arch=c00000b7 syscall=56 code=0x7ffc0000";
        const char *x32 = "type=SECCOMP msg=audit(1.0:2): pid=2 arch=c000003e syscall=1073741824 code=0x7ffc0000";
        const char *name;

        ck_assert_int_eq(recording_new(&rec), 0);
        audit_collector_init(&c, rec, &f);
        ck_assert_int_eq(audit_collector_feed_line(&c, a64, strlen(a64), 1), 0);
        ck_assert_int_eq(audit_collector_feed_line(&c, x32, strlen(x32), 2), 0);
        ck_assert_ptr_nonnull(syscall_set_find(rec->syscalls, SYSREC_ARCH_AARCH64, 56));
        ck_assert_int_eq(syscall_name(SYSREC_ARCH_AARCH64, 56, &name), 0);
        ck_assert_str_eq(name, "openat");
        ck_assert_ptr_nonnull(syscall_set_find(rec->syscalls, SYSREC_ARCH_X32, 0x40000000));
        ck_assert_ptr_null(syscall_set_find(rec->syscalls, SYSREC_ARCH_X86_64, 56));
        ck_assert_uint_eq(rec->processes, 2);
        audit_collector_done(&c);
}
END_TEST

START_TEST(test_collect_losses) {
        _cleanup_(recording_freep) struct recording *rec = NULL;
        struct audit_filter f = AUDIT_FILTER_DEFAULT;
        struct audit_collector c;
        const char *lines[] = { "kauditd_printk_skb: 5 callbacks suppressed", "audit: audit_lost=4 x=1",
                                "audit: audit_lost=6 x=1", "type=SECCOMP msg=audit(1.0:1): arch=c000003e" };

        ck_assert_int_eq(recording_new(&rec), 0);
        audit_collector_init(&c, rec, &f);
        for (size_t i = 0; i < ELEMENTSOF(lines); i++)
                ck_assert_int_eq(audit_collector_feed_line(&c, lines[i], strlen(lines[i]), i + 1), 0);
        ck_assert_int_eq(audit_collector_finish(&c), 0);
        /* 5 suppressed, audit_lost from 4 to 6 is 3 losses, 1 unparseable */
        ck_assert_uint_eq(recording_total_lost(rec), 9);
        ck_assert(strstr(c.stats.first_error, ":4:"));
        audit_collector_done(&c);
}
END_TEST

Suite *unit_suite(void) {
        Suite *s = suite_create("audit-parse");
        TCase *tc = tcase_create("core");

        tcase_add_test(tc, test_formats);
        tcase_add_test(tc, test_fields_by_name_not_position);
        tcase_add_test(tc, test_hex_values);
        tcase_add_test(tc, test_bad_records);
        tcase_add_test(tc, test_other_lines);
        tcase_add_test(tc, test_loss_lines);
        tcase_add_test(tc, test_actions);
        tcase_add_test(tc, test_collect_foreign_arch);
        tcase_add_test(tc, test_collect_losses);
        suite_add_tcase(s, tc);
        return s;
}
