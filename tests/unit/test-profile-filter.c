/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Compiled profiles enforced for real: a forked child loads the filter, makes one
 * syscall and exits with the errno it got, or dies of the action. */
#include <linux/seccomp.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "sysrec/profile-filter.h"
#include "unit.h"

#define NR_MSEAL 462         /* Linux 6.10: not in Debian's libseccomp */
#define NO_PID   0x7fff0005L /* above pid_max: getpgid() of it fails with ESRCH */

static struct profile_filter *compile(const char *text) {
        _cleanup_(profile_freep) struct profile *p = NULL;
        struct profile_filter *f = NULL;
        struct parse_error err = {};

        ck_assert_msg(profile_parse(text, strlen(text), &p, &err) == 0, "%s: %s", err.field, err.message);
        ck_assert_msg(profile_filter_compile(p, &f, &err) == 0, "%s: %s", err.field, err.message);
        ck_assert_uint_gt(f->len, 0);
        return f;
}

/* Wait status of a child that loads text's filter, then makes syscall nr(arg) and
 * exits with its errno (0 on success, 100 if the filter did not load). */
static int run_under(const char *text, long nr, long arg) {
        _cleanup_(profile_filter_freep) struct profile_filter *f = compile(text);
        struct sock_fprog prog = profile_filter_fprog(f);
        int status;
        pid_t pid = fork();

        ck_assert_int_ge(pid, 0);
        if (pid == 0) {
                /* exit_group directly: a sanitizer's _exit() would check for leaks
                 * with syscalls the filter denies */
                if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
                    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, f->flags, &prog) < 0)
                        syscall(SYS_exit_group, 100);
                syscall(SYS_exit_group, syscall(nr, arg, 0L, 0L) < 0 ? errno : 0);
        }
        ck_assert_int_eq(waitpid(pid, &status, 0), pid);
        return status;
}

static int errno_under(const char *text, long nr, long arg) {
        int status = run_under(text, nr, arg);

        ck_assert_msg(WIFEXITED(status), "child killed by signal %d", WTERMSIG(status));
        ck_assert_int_ne(WEXITSTATUS(status), 100);
        return WEXITSTATUS(status);
}

static void assert_killed(const char *text, long nr) {
        int status = run_under(text, nr, 0);

        ck_assert_msg(WIFSIGNALED(status) && WTERMSIG(status) == SIGSYS, "status 0x%x, not SIGSYS", status);
}

#define ALLOW_BUT(rule) "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[" rule "]}"
#define DENY_BUT(extra)                                                                                               \
        "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"defaultErrnoRet\":13,\"syscalls\":[{\"names\":[\"exit_group\"" extra \
        "],\"action\":\"SCMP_ACT_ALLOW\"}]}"

START_TEST(test_default_action) {
        ck_assert_int_eq(errno_under(DENY_BUT(), SYS_getppid, 0), EACCES);
        ck_assert_int_eq(errno_under(DENY_BUT(", \"getppid\""), SYS_getppid, 0), 0);
        /* without defaultErrnoRet, EPERM, as in runc and crun */
        ck_assert_int_eq(errno_under("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"names\":[\"exit_group\"],"
                                     "\"action\":\"SCMP_ACT_ALLOW\"}]}",
                                     SYS_getppid, 0),
                         EPERM);
        assert_killed("{\"defaultAction\":\"SCMP_ACT_KILL_PROCESS\"}", SYS_getppid);
}
END_TEST

START_TEST(test_every_action) {
        ck_assert_int_eq(
                errno_under(ALLOW_BUT("{\"names\":[\"getppid\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":42}"),
                            SYS_getppid, 0),
                42);
        ck_assert_int_eq(
                errno_under(ALLOW_BUT("{\"names\":[\"getppid\"],\"action\":\"SCMP_ACT_ERRNO\"}"), SYS_getppid, 0),
                EPERM);
        ck_assert_int_eq(
                errno_under(ALLOW_BUT("{\"names\":[\"getppid\"],\"action\":\"SCMP_ACT_ERRNO\"}"), SYS_getpid, 0), 0);
        /* SECCOMP_RET_TRACE with no tracer fails the call with ENOSYS */
        ck_assert_int_eq(
                errno_under(ALLOW_BUT("{\"names\":[\"getppid\"],\"action\":\"SCMP_ACT_TRACE\"}"), SYS_getppid, 0),
                ENOSYS);
        ck_assert_int_eq(
                errno_under(ALLOW_BUT("{\"names\":[\"getppid\"],\"action\":\"SCMP_ACT_LOG\"}"), SYS_getppid, 0), 0);
        ck_assert_int_eq(errno_under(DENY_BUT(", \"getppid\""), SYS_getppid, 0), 0);
        assert_killed(ALLOW_BUT("{\"names\":[\"getppid\"],\"action\":\"SCMP_ACT_KILL\"}"), SYS_getppid);
        assert_killed(ALLOW_BUT("{\"names\":[\"getppid\"],\"action\":\"SCMP_ACT_KILL_THREAD\"}"), SYS_getppid);
        assert_killed(ALLOW_BUT("{\"names\":[\"getppid\"],\"action\":\"SCMP_ACT_KILL_PROCESS\"}"), SYS_getppid);
        assert_killed(ALLOW_BUT("{\"names\":[\"getppid\"],\"action\":\"SCMP_ACT_TRAP\"}"), SYS_getppid);
}
END_TEST

/* ERRNO 11 for getpgid(pid) when pid OP value; otherwise ESRCH. */
static int getpgid_under(const char *op, long value, long value_two, long pid) {
        char text[512];

        snprintf(
                text, sizeof(text),
                ALLOW_BUT(
                        "{\"names\":[\"getpgid\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":11,\"args\":[{\"index\":0,"
                        "\"value\":%ld,\"valueTwo\":%ld,\"op\":\"%s\"}]}"),
                value, value_two, op);
        return errno_under(text, SYS_getpgid, pid);
}

START_TEST(test_every_op) {
        static const struct {
                const char *op;
                int below, equal, above; /* errno for NO_PID - 1, NO_PID, NO_PID + 1 */
        } cases[] = {
                { "SCMP_CMP_NE", 11, ESRCH, 11 }, { "SCMP_CMP_LT", 11, ESRCH, ESRCH },
                { "SCMP_CMP_LE", 11, 11, ESRCH }, { "SCMP_CMP_EQ", ESRCH, 11, ESRCH },
                { "SCMP_CMP_GE", ESRCH, 11, 11 }, { "SCMP_CMP_GT", ESRCH, ESRCH, 11 },
        };

        for (size_t i = 0; i < ELEMENTSOF(cases); i++) {
                ck_assert_int_eq(getpgid_under(cases[i].op, NO_PID, 0, NO_PID - 1), cases[i].below);
                ck_assert_int_eq(getpgid_under(cases[i].op, NO_PID, 0, NO_PID), cases[i].equal);
                ck_assert_int_eq(getpgid_under(cases[i].op, NO_PID, 0, NO_PID + 1), cases[i].above);
        }
        /* MASKED_EQ: value is the mask, valueTwo what the masked argument must equal */
        ck_assert_int_eq(getpgid_under("SCMP_CMP_MASKED_EQ", 0xff00, 0x1200, 0x7fff1234), 11);
        ck_assert_int_eq(getpgid_under("SCMP_CMP_MASKED_EQ", 0xff00, 0x1200, 0x7fff3412), ESRCH);
}
END_TEST

/* Two conditions on one argument make two rules, either of which matches (runc). */
START_TEST(test_repeated_index) {
        const char *text = ALLOW_BUT("{\"names\":[\"getpgid\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":11,\"args\":["
                                     "{\"index\":0,\"value\":2147418117,\"op\":\"SCMP_CMP_EQ\"},"
                                     "{\"index\":0,\"value\":2147418118,\"op\":\"SCMP_CMP_EQ\"}]}");

        ck_assert_int_eq(errno_under(text, SYS_getpgid, NO_PID), 11);
        ck_assert_int_eq(errno_under(text, SYS_getpgid, NO_PID + 1), 11);
        ck_assert_int_eq(errno_under(text, SYS_getpgid, NO_PID + 2), ESRCH);
}
END_TEST

/* mseal is newer than libseccomp 2.5.4: matched by our own instructions. */
START_TEST(test_syscall_newer_than_libseccomp) {
        ck_assert_int_eq(errno_under(ALLOW_BUT("{\"names\":[\"mseal\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":33}"),
                                     NR_MSEAL, 0),
                         33);
        ck_assert_int_ne(errno_under(DENY_BUT(", \"mseal\""), NR_MSEAL, 0), EACCES);
        ck_assert_int_eq(errno_under(DENY_BUT(), NR_MSEAL, 0), EACCES);
        /* x32's number of it is only matched when x32 is listed */
        ck_assert_int_eq(errno_under("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"defaultErrnoRet\":13,\"architectures\":["
                                     "\"SCMP_ARCH_X86_64\",\"SCMP_ARCH_X32\"],\"syscalls\":[{\"names\":[\"exit_group\","
                                     "\"getppid\"],\"action\":\"SCMP_ACT_ALLOW\"},{\"names\":[\"mseal\"],\"action\":"
                                     "\"SCMP_ACT_ERRNO\",\"errnoRet\":33}]}",
                                     NR_MSEAL, 0),
                         33);
}
END_TEST

START_TEST(test_architectures_and_flags) {
        /* only i386 listed: a native call is from a foreign architecture and killed */
        assert_killed("{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"architectures\":[\"SCMP_ARCH_X86\"]}", SYS_getppid);
        ck_assert_int_eq(
                errno_under(
                        "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"architectures\":[\"SCMP_ARCH_X86\","
                        "\"SCMP_ARCH_X86_64\"],\"flags\":[\"SECCOMP_FILTER_FLAG_LOG\","
                        "\"SECCOMP_FILTER_FLAG_SPEC_ALLOW\",\"SECCOMP_FILTER_FLAG_TSYNC\"],\"syscalls\":[{\"names\":"
                        "[\"getppid\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":42}]}",
                        SYS_getppid, 0),
                42);
}
END_TEST

static void expect_compile_error(const char *text, const char *field, const char *message) {
        _cleanup_(profile_freep) struct profile *p = NULL;
        struct profile_filter *f = NULL;
        struct parse_error err = {};

        ck_assert_int_eq(profile_parse(text, strlen(text), &p, &err), 0);
        ck_assert_int_lt(profile_filter_compile(p, &f, &err), 0);
        ck_assert_ptr_null(f);
        ck_assert_str_eq(err.field, field);
        ck_assert_msg(strstr(err.message, message), "message '%s' lacks '%s'", err.message, message);
}

START_TEST(test_errors_name_the_field) {
        expect_compile_error(ALLOW_BUT("{\"names\":[\"getppid\"],\"action\":\"SCMP_ACT_ERRNO\"},"
                                       "{\"names\":[\"read\",\"reed\"],\"action\":\"SCMP_ACT_ERRNO\"}"),
                             "syscalls[1].names[1]", "unknown syscall \"reed\"");
        expect_compile_error(ALLOW_BUT("{\"names\":[\"read\"],\"action\":\"SCMP_ACT_NOTIFY\"}"), "syscalls[0].action",
                             "seccomp agent");
        expect_compile_error("{\"defaultAction\":\"SCMP_ACT_NOTIFY\"}", "defaultAction", "seccomp agent");
        expect_compile_error(ALLOW_BUT("{\"names\":[\"mseal\"],\"action\":\"SCMP_ACT_ERRNO\",\"args\":[{\"index\":0,"
                                       "\"value\":1,\"op\":\"SCMP_CMP_EQ\"}]}"),
                             "syscalls[0].names[0]", "argument conditions on mseal");
}
END_TEST

static size_t count_returns(const struct profile_filter *f, uint32_t action) {
        size_t n = 0;

        for (size_t i = 0; i < f->len; i++)
                n += f->insns[i].code == (BPF_RET | BPF_K) && f->insns[i].k == action;
        return n;
}

/* Complain mode: whatever would stop a syscall asks the listener instead. */
START_TEST(test_complain) {
        const char *text =
                "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"names\":[\"read\"],\"action\":"
                "\"SCMP_ACT_ALLOW\"},{\"names\":[\"mkdir\"],\"action\":\"SCMP_ACT_KILL_PROCESS\"},{\"names\":"
                "[\"mseal\"],\"action\":\"SCMP_ACT_TRAP\"},{\"names\":[\"getpid\"],\"action\":\"SCMP_ACT_LOG\"}]}";
        _cleanup_(profile_freep) struct profile *p = NULL;
        _cleanup_(profile_filter_freep) struct profile_filter *f = NULL, *g = NULL;
        struct parse_error err = {};

        ck_assert_int_eq(profile_parse(text, strlen(text), &p, &err), 0);
        ck_assert_int_eq(profile_filter_compile_complain(p, &f, &err), 0);
        ck_assert(f->flags & SECCOMP_FILTER_FLAG_NEW_LISTENER);
        ck_assert_uint_ge(count_returns(f, SECCOMP_RET_USER_NOTIF), 1);
        ck_assert_uint_eq(count_returns(f, SECCOMP_RET_KILL_PROCESS), 0);
        ck_assert_uint_eq(count_returns(f, SECCOMP_RET_TRAP), 0);
        ck_assert_uint_eq(count_returns(f, SECCOMP_RET_ERRNO | EPERM), 0);
        ck_assert_uint_ge(count_returns(f, SECCOMP_RET_LOG), 1);
        ck_assert_uint_ge(count_returns(f, SECCOMP_RET_ALLOW), 1);
        /* enforced, the same profile keeps its actions */
        ck_assert_int_eq(profile_filter_compile(p, &g, &err), 0);
        ck_assert(!(g->flags & SECCOMP_FILTER_FLAG_NEW_LISTENER));
        ck_assert_uint_eq(count_returns(g, SECCOMP_RET_USER_NOTIF), 0);
        ck_assert_uint_ge(count_returns(g, SECCOMP_RET_KILL_PROCESS), 1);
        ck_assert_uint_ge(count_returns(g, SECCOMP_RET_TRAP), 1);
}
END_TEST

/* Names of other architectures' syscalls are accepted, as runc accepts them. */
START_TEST(test_foreign_names) {
        ck_assert_int_eq(errno_under(DENY_BUT(", \"getppid\", \"socketcall\", \"arm_fadvise64_64\""), SYS_getppid, 0),
                         0);
}
END_TEST

Suite *unit_suite(void) {
        Suite *s = suite_create("profile-filter");
        TCase *tc = tcase_create("core");

        tcase_add_test(tc, test_default_action);
        tcase_add_test(tc, test_every_action);
        tcase_add_test(tc, test_every_op);
        tcase_add_test(tc, test_repeated_index);
        tcase_add_test(tc, test_syscall_newer_than_libseccomp);
        tcase_add_test(tc, test_architectures_and_flags);
        tcase_add_test(tc, test_errors_name_the_field);
        tcase_add_test(tc, test_foreign_names);
        tcase_add_test(tc, test_complain);
        suite_add_tcase(s, tc);
        return s;
}
