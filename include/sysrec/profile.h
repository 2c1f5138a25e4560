/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <seccomp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sysrec/macro.h"
#include "sysrec/parse-error.h"

/* An OCI runtime-spec linux.seccomp object in memory: what the generator builds, the
 * loader parses, and merge/diff/check work on. Field names follow the spec. */

enum profile_action {
        PROFILE_ACTION_KILL, /* SCMP_ACT_KILL: an alias of KILL_THREAD, kept to round-trip */
        PROFILE_ACTION_KILL_PROCESS,
        PROFILE_ACTION_KILL_THREAD,
        PROFILE_ACTION_TRAP,
        PROFILE_ACTION_ERRNO,
        PROFILE_ACTION_TRACE,
        PROFILE_ACTION_ALLOW,
        PROFILE_ACTION_LOG,
        PROFILE_ACTION_NOTIFY,
        _PROFILE_ACTION_MAX,
};

/* "SCMP_ACT_ALLOW" and back; -EINVAL for unknown strings. */
const char *profile_action_to_string(enum profile_action a);
int profile_action_from_string(const char *s);
/* The libseccomp action value; errno_ret < 0 means unset, and ERRNO then returns
 * EPERM as runc and crun do (TRACE returns 0 as its message). */
uint32_t profile_action_to_scmp(enum profile_action a, int errno_ret);
/* What runtimes return for ERRNO (errno_ret, else EPERM) and TRACE (errno_ret, else
 * 0 as its message); -1 for the other actions. */
int profile_action_errno(enum profile_action a, int errno_ret);

/* Whether two rules do the same: the same action with the same errno as runtimes
 * return it (ERRNO without errnoRet is EPERM, TRACE's message 0). */
bool profile_action_same(enum profile_action a, int a_errno, enum profile_action b, int b_errno);

/* Whether the action stops the syscall from running as asked (all but ALLOW and LOG). */
bool profile_action_denies(enum profile_action a);

/* "SCMP_CMP_EQ" and back; -EINVAL for unknown strings. */
const char *profile_op_to_string(enum scmp_compare op);
int profile_op_from_string(const char *s);

/* "SCMP_ARCH_X86_64" and back, through libseccomp's own names; -EINVAL if unknown. */
int profile_arch_from_string(const char *s, uint32_t *ret_token);
/* Writes "SCMP_ARCH_" plus the upper-cased libseccomp name into buf. */
int profile_arch_to_string(uint32_t token, char *buf, size_t size);

/* "SECCOMP_FILTER_FLAG_TSYNC" and back (the kernel's SECCOMP_FILTER_FLAG_* bit). */
int profile_flag_from_string(const char *s, uint32_t *ret_bit);
const char *profile_flag_to_string(uint32_t bit);

struct profile_arg {
        unsigned index; /* 0..5 */
        uint64_t value, value_two;
        enum scmp_compare op;
};

/* The conditions as text, " [INDEX OP VALUE VALUETWO]" each, in the order given: ""
 * for none. *ret is NULL on failure. */
int profile_args_text(const struct profile_arg *args, size_t n_args, char **ret);

struct profile_rule {
        char **names; /* NULL-terminated, owned */
        size_t n_names;
        enum profile_action action;
        int errno_ret; /* -1: not given */
        struct profile_arg *args;
        size_t n_args;
        char *comment; /* optional, round-tripped */
};

struct profile {
        enum profile_action default_action;
        int default_errno_ret;   /* -1: not given */
        uint32_t *architectures; /* libseccomp tokens, in file order */
        size_t n_architectures;
        uint32_t flags; /* SECCOMP_FILTER_FLAG_* bits */
        char *listener_path, *listener_metadata;
        struct profile_rule *rules;
        size_t n_rules;
};

int profile_new(struct profile **ret);
void profile_free(struct profile *p);
DEFINE_TRIVIAL_CLEANUP_FUNC(struct profile *, profile_free);

/* The architectures a runtime compiles p for: those listed, or the native one, which
 * is stored in *native (so *native must live as long as *ret is used). Their count. */
size_t profile_arches(const struct profile *p, uint32_t *native, const uint32_t **ret);

/* Appends a rule; names are copied. Returns a pointer valid until the next append. */
int profile_add_rule(struct profile *p, const char *const *names, size_t n_names, enum profile_action action,
                     int errno_ret, struct profile_rule **ret);
int profile_add_architecture(struct profile *p, uint32_t token);
/* Denies clone3 with ENOSYS when the default action denies and no rule names it: an
 * unlisted clone3 would be refused in a way glibc does not fall back from, since it
 * falls back to clone only on ENOSYS. */
int profile_add_clone3_enosys(struct profile *p);
/* Removes and frees rule i. */
void profile_remove_rule(struct profile *p, size_t i);

/* Adds name to rule, before the first name that sorts after it (so a sorted list
 * stays sorted); nothing when it is there already. Removes it; false if absent. */
int profile_rule_add_name(struct profile_rule *rule, const char *name);
bool profile_rule_remove_name(struct profile_rule *rule, const char *name);

/* JSON text of the profile: keys in spec order, two-space indentation, final newline.
 * The same profile gives the same bytes. */
int profile_to_json_string(const struct profile *p, char **ret);

/* Parses an OCI linux.seccomp object, as Kubernetes Localhost profiles hold it.
 * Unknown fields are errors naming the field, so a typo does not silently weaken or
 * break a profile. */
int profile_parse(const char *text, size_t size, struct profile **ret, struct parse_error *err);
/* The same, from JSON already parsed. */
struct json_object;
int profile_from_json(struct json_object *obj, struct profile **ret, struct parse_error *err);
int profile_load_file(const char *path, struct profile **ret, struct parse_error *err);
