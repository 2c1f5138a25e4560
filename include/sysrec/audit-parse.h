/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "sysrec/parse-error.h"

/* One line of audit text: an auditd log or `ausearch --raw` line ("type=SECCOMP
 * msg=audit(T:S): ..."), or a kernel log line ("audit: type=1326 audit(T:S): ...")
 * behind any prefix (dmesg, dmesg -T, journalctl -k, syslog, talosctl dmesg). Fields
 * are read as key=value pairs, wherever they are, never by position. */

/* A value as it stands in the line: the text between the quotes, or an unquoted token
 * (hex-encoded when the value held a space, a quote or a control character). Points
 * into the line; decode it with audit_value_decode() only when it is needed. */
struct audit_value {
        const char *p;
        size_t n;
        bool quoted;
};

struct audit_seccomp_record {
        uint64_t time_ms; /* audit(SECONDS.MILLIS:SERIAL) as milliseconds since the epoch */
        uint64_t serial;
        pid_t pid; /* 0 when absent */
        uint32_t ses;
        bool has_ses;
        uint32_t audit_arch; /* AUDIT_ARCH_* from arch= */
        int64_t nr;          /* syscall=, signed as the kernel prints it */
        uint32_t code;       /* SECCOMP_RET_* from code= */
        bool has_code;
        struct audit_value comm, exe; /* n == 0: absent */
};

enum audit_line_kind {
        AUDIT_LINE_OTHER,      /* another record type, or not audit at all */
        AUDIT_LINE_SECCOMP,    /* a seccomp record, in .seccomp */
        AUDIT_LINE_SUPPRESSED, /* "kauditd_printk_skb: N callbacks suppressed": N in .count */
        AUDIT_LINE_LOST,       /* "audit: audit_lost=N ...": the kernel's running total in .count */
};

struct audit_line {
        enum audit_line_kind kind;
        uint64_t count;
        struct audit_seccomp_record seccomp;
};

/* Classifies and parses one line (no newline needed; need not be NUL-terminated).
 * A seccomp record missing what a profile needs (arch=, syscall=), or with a bad
 * value, is -EINVAL with err's column and field set (err's line is left alone). */
int audit_parse_line(const char *line, size_t size, struct audit_line *ret, struct parse_error *err);

/* Parses the body of a record as netlink delivers it, from "audit(T:S): ..." on,
 * with the record type from the netlink header. */
int audit_parse_body(unsigned type, const char *body, size_t size, struct audit_line *ret, struct parse_error *err);

/* Decodes comm= or exe= into buf (NUL-terminated, cut to size): quoted text as it is,
 * an unquoted even-length hex string decoded, "(null)" and absent values empty.
 * Returns the length written. */
size_t audit_value_decode(const struct audit_value *v, char *buf, size_t size);

/* SECCOMP_RET_* actions as a bit mask, for --action. */
enum {
        AUDIT_ACTION_KILL = 1 << 0, /* KILL_PROCESS and KILL_THREAD */
        AUDIT_ACTION_TRAP = 1 << 1,
        AUDIT_ACTION_ERRNO = 1 << 2,
        AUDIT_ACTION_NOTIFY = 1 << 3,
        AUDIT_ACTION_TRACE = 1 << 4,
        AUDIT_ACTION_LOG = 1 << 5,
        AUDIT_ACTION_ALLOW = 1 << 6,
        AUDIT_ACTION_UNKNOWN = 1 << 7, /* no code= (kernels before 4.14), or an unknown action */
        AUDIT_ACTION_ALL = (1 << 8) - 1,
};
/* The AUDIT_ACTION_* bit of a code= value. */
unsigned audit_action_from_code(uint32_t code);
/* "log", "errno", "kill", "trap", "trace", "notify", "allow" or "all"; -EINVAL otherwise. */
int audit_action_from_string(const char *s, unsigned *ret_mask);
