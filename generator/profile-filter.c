/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Compiling a profile as runc and crun do: a libseccomp context with the default
 * action, the architectures and one rule per name, exported as classic BPF. We load
 * the program ourselves rather than with seccomp_load() so that every flag the
 * profile names reaches seccomp(2), and so that syscalls newer than Debian's
 * libseccomp can be matched by instructions put in front of its program. */
#include <errno.h>
#include <linux/seccomp.h>
#include <seccomp.h>
#include <stddef.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sysrec/profile-filter.h"
#include "sysrec/syscall-names.h"

static inline void seccomp_releasep(scmp_filter_ctx *ctx) {
        if (*ctx)
                seccomp_release(*ctx);
}

/* A syscall libseccomp cannot name, with the action its rule gives it. */
struct extra_rule {
        const struct syscall_extra *syscall;
        uint32_t action;
};

struct compiler {
        const struct profile *profile;
        bool complain; /* every denying action becomes SCMP_ACT_NOTIFY */
        bool tree;     /* syscall numbers in a binary tree, as runc asks for large sets */
        scmp_filter_ctx ctx;
        uint32_t default_action;
        bool arches[_SYSREC_ARCH_MAX]; /* which of ours the filter admits */
        struct extra_rule *extras;
        size_t n_extras;
        struct parse_error *err;
};

static uint32_t compiler_action(const struct compiler *c, enum profile_action a, int errno_ret) {
        if (c->complain && profile_action_denies(a))
                return SCMP_ACT_NOTIFY;
        return profile_action_to_scmp(a, errno_ret);
}

static int add_architectures(struct compiler *c) {
        const struct profile *p = c->profile;
        uint32_t native = seccomp_arch_native();
        bool keep_native = p->n_architectures == 0;
        int k;

        for (size_t i = 0; i < p->n_architectures; i++)
                keep_native = keep_native || p->architectures[i] == native;
        /* dropped first: libseccomp refuses an architecture of the other byte order
         * (s390x beside x86_64) in the same filter */
        if (!keep_native && (k = seccomp_arch_remove(c->ctx, native)) < 0)
                return parse_error_set(c->err, k, 0, 0, "architectures", "libseccomp could not drop the native one: %s",
                                       strerror(-k));
        for (size_t i = 0; i < p->n_architectures; i++) {
                uint32_t token = p->architectures[i];
                char field[48];

                if ((k = sysrec_arch_from_scmp(token)) >= 0)
                        c->arches[k] = true;
                if (token == native)
                        continue;
                k = seccomp_arch_add(c->ctx, token);
                snprintf(field, sizeof(field), "architectures[%zu]", i);
                if (k == -EDOM)
                        return parse_error_set(c->err, k, 0, 0, field,
                                               "big- and little-endian architectures in one filter, which runc "
                                               "and crun fail to load");
                if (k < 0 && k != -EEXIST)
                        return parse_error_set(c->err, k, 0, 0, field, "libseccomp refused it: %s", strerror(-k));
        }
        if (p->n_architectures == 0 && (k = sysrec_arch_from_scmp(native)) >= 0)
                c->arches[k] = true;
        return 0;
}

static bool has_repeated_index(const struct profile_rule *rule) {
        unsigned seen = 0;

        for (size_t i = 0; i < rule->n_args; i++) {
                if (seen & (1U << rule->args[i].index))
                        return true;
                seen |= 1U << rule->args[i].index;
        }
        return false;
}

static struct scmp_arg_cmp arg_to_cmp(const struct profile_arg *a) {
        /* For SCMP_CMP_MASKED_EQ, value is the mask and valueTwo the datum, as in runc. */
        return (struct scmp_arg_cmp){ .arg = a->index, .op = a->op, .datum_a = a->value, .datum_b = a->value_two };
}

/* Conditions on different arguments must all hold, so they make one rule. libseccomp
 * cannot AND two conditions on one argument; runc and crun then add one rule per
 * condition, which lets the syscall through when any holds, and so do we. */
static int add_rule_for_number(struct compiler *c, const struct profile_rule *rule, uint32_t action, int nr) {
        struct scmp_arg_cmp cmps[6];
        int k;

        if (has_repeated_index(rule)) {
                for (size_t i = 0; i < rule->n_args; i++) {
                        cmps[0] = arg_to_cmp(&rule->args[i]);
                        if ((k = seccomp_rule_add_array(c->ctx, action, nr, 1, cmps)) < 0)
                                return k;
                }
                return 0;
        }
        for (size_t i = 0; i < rule->n_args; i++)
                cmps[i] = arg_to_cmp(&rule->args[i]);
        return seccomp_rule_add_array(c->ctx, action, nr, (unsigned) rule->n_args, cmps);
}

static int add_extra(struct compiler *c, const struct syscall_extra *syscall, uint32_t action) {
        struct extra_rule *e;

        for (size_t i = 0; i < c->n_extras; i++)
                if (c->extras[i].syscall == syscall)
                        return 0; /* the first rule naming it decides, as in libseccomp */
        e = reallocarray(c->extras, c->n_extras + 1, sizeof(*e));
        if (!e)
                return -ENOMEM;
        c->extras = e;
        c->extras[c->n_extras++] = (struct extra_rule){ .syscall = syscall, .action = action };
        return 0;
}

static int add_name(struct compiler *c, const struct profile_rule *rule, uint32_t action, const char *name,
                    const char *field) {
        const struct syscall_extra *extra;
        int nr = seccomp_syscall_resolve_name(name), k;

        if (nr != __NR_SCMP_ERROR) {
                k = add_rule_for_number(c, rule, action, nr);
                if (k < 0)
                        return parse_error_set(c->err, k, 0, 0, field, "libseccomp refused the rule for %s: %s", name,
                                               strerror(-k));
                return 0;
        }
        extra = syscall_extra_find_name(name);
        if (!extra)
                return parse_error_set(c->err, -EINVAL, 0, 0, field, "unknown syscall \"%s\"", name);
        if (rule->n_args > 0)
                return parse_error_set(
                        c->err, -EOPNOTSUPP, 0, 0, field,
                        "argument conditions on %s, which libseccomp %u.%u does not know, are not supported", name,
                        seccomp_version()->major, seccomp_version()->minor);
        return add_extra(c, extra, action);
}

static int add_rules(struct compiler *c) {
        const struct profile *p = c->profile;
        int k;

        for (size_t i = 0; i < p->n_rules; i++) {
                const struct profile_rule *rule = &p->rules[i];
                uint32_t action = compiler_action(c, rule->action, rule->errno_ret);
                char field[96];

                snprintf(field, sizeof(field), "syscalls[%zu].action", i);
                if (rule->action == PROFILE_ACTION_NOTIFY && !c->complain)
                        return parse_error_set(
                                c->err, -EOPNOTSUPP, 0, 0, field,
                                "SCMP_ACT_NOTIFY needs a seccomp agent at listenerPath, which sysrec run is not");
                /* libseccomp refuses rules that repeat the default; runc skips them too */
                if (action == c->default_action)
                        continue;
                for (size_t j = 0; j < rule->n_names; j++) {
                        snprintf(field, sizeof(field), "syscalls[%zu].names[%zu]", i, j);
                        if ((k = add_name(c, rule, action, rule->names[j], field)) < 0)
                                return k;
                }
        }
        return 0;
}

struct insn_buffer {
        struct sock_filter *insns;
        size_t len;
};

static int emit(struct insn_buffer *b, struct sock_filter insn) {
        struct sock_filter *n = reallocarray(b->insns, b->len + 1, sizeof(*n));

        if (!n)
                return -ENOMEM;
        b->insns = n;
        b->insns[b->len++] = insn;
        return 0;
}

/* Number of extra syscalls with a number on any of archs, and emits their checks
 * (JEQ nr, then RET action) when b is not NULL. */
static int emit_extra_checks(const struct compiler *c, const enum sysrec_arch *archs, size_t n_archs,
                             struct insn_buffer *b) {
        int count = 0, k;

        for (size_t i = 0; i < c->n_extras; i++)
                for (size_t a = 0; a < n_archs; a++) {
                        int32_t nr = c->extras[i].syscall->nr[archs[a]];

                        if (!c->arches[archs[a]] || nr < 0)
                                continue;
                        count++;
                        if (!b)
                                continue;
                        if ((k = emit(b, (struct sock_filter) BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (uint32_t) nr, 0,
                                                                       1))) < 0 ||
                            (k = emit(b, (struct sock_filter) BPF_STMT(BPF_RET | BPF_K, c->extras[i].action))) < 0)
                                return k;
                }
        return count;
}

/* Per audit architecture: if it matches, compare the number against each extra
 * syscall; otherwise, and when none matches, fall through to libseccomp's program,
 * which loads what it needs itself. */
static int emit_extra_group(const struct compiler *c, uint32_t audit_arch, const enum sysrec_arch *archs,
                            size_t n_archs, struct insn_buffer *b) {
        int n = emit_extra_checks(c, archs, n_archs, NULL), k;

        if (n == 0)
                return 0;
        if (2 * n + 1 > 255) /* a conditional jump reaches 255 instructions */
                return -E2BIG;
        if ((k = emit(b, (struct sock_filter) BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
                                                       offsetof(struct seccomp_data, arch)))) < 0 ||
            (k = emit(b, (struct sock_filter) BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, audit_arch, 0,
                                                       (uint8_t) (2 * n + 1)))) < 0 ||
            (k = emit(b, (struct sock_filter) BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)))) <
                    0)
                return k;
        k = emit_extra_checks(c, archs, n_archs, b);
        return k < 0 ? k : 0;
}

static int emit_extras(const struct compiler *c, struct insn_buffer *b) {
        int k;

        for (enum sysrec_arch a = 0; a < _SYSREC_ARCH_MAX; a++) {
                /* x32 shares AUDIT_ARCH_X86_64; its numbers carry the x32 bit */
                const enum sysrec_arch group[] = { a, SYSREC_ARCH_X32 };
                size_t n = a == SYSREC_ARCH_X86_64 ? 2 : 1;

                if (a == SYSREC_ARCH_X32)
                        continue;
                if ((k = emit_extra_group(c, sysrec_arch_to_scmp(a), group, n, b)) < 0)
                        return k;
        }
        return 0;
}

static int export_program(scmp_filter_ctx ctx, struct insn_buffer *b) {
        _cleanup_close_ int fd = memfd_create("sysrec-filter", MFD_CLOEXEC);
        struct sock_filter *insns;
        struct stat st;
        size_t n;
        int k;

        if (fd < 0)
                return -errno;
        if ((k = seccomp_export_bpf(ctx, fd)) < 0)
                return k;
        if (fstat(fd, &st) < 0)
                return -errno;
        n = (size_t) st.st_size / sizeof(struct sock_filter);
        insns = reallocarray(b->insns, b->len + n, sizeof(*insns));
        if (!insns)
                return -ENOMEM;
        b->insns = insns;
        if (pread(fd, b->insns + b->len, n * sizeof(*insns), 0) != (ssize_t) (n * sizeof(*insns)))
                return -EIO;
        b->len += n;
        return 0;
}

static int compile(struct compiler *c, struct insn_buffer *b) {
        const struct profile *p = c->profile;
        int k;

        if (p->default_action == PROFILE_ACTION_NOTIFY && !c->complain)
                return parse_error_set(
                        c->err, -EOPNOTSUPP, 0, 0, "defaultAction",
                        "SCMP_ACT_NOTIFY needs a seccomp agent at listenerPath, which sysrec run is not");
        c->default_action = compiler_action(c, p->default_action, p->default_errno_ret);
        c->ctx = seccomp_init(c->default_action);
        if (!c->ctx)
                return -ENOMEM;
        /* complain mode enforces nothing new: a call from an unlisted architecture
         * is reported like any other, not killed */
        if (c->complain && (k = seccomp_attr_set(c->ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_NOTIFY)) < 0)
                return parse_error_set(c->err, k, 0, 0, NULL, "libseccomp: %s", strerror(-k));
        if (c->tree && (k = seccomp_attr_set(c->ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2)) < 0)
                return parse_error_set(c->err, k, 0, 0, NULL, "libseccomp: no binary tree: %s", strerror(-k));
        if ((k = add_architectures(c)) < 0 || (k = add_rules(c)) < 0)
                return k;
        if ((k = emit_extras(c, b)) < 0)
                return parse_error_set(c->err, k, 0, 0, "syscalls", "too many syscalls unknown to libseccomp");
        if ((k = export_program(c->ctx, b)) < 0)
                return parse_error_set(c->err, k, 0, 0, NULL, "libseccomp could not export the filter: %s",
                                       strerror(-k));
        if (b->len > BPF_MAXINSNS)
                return parse_error_set(c->err, -E2BIG, 0, 0, NULL,
                                       "the filter has %zu instructions, over the kernel's %d", b->len, BPF_MAXINSNS);
        return 0;
}

static int filter_compile(const struct profile *p, bool complain, bool tree, struct profile_filter **ret,
                          struct parse_error *err) {
        struct compiler c = { .profile = p, .complain = complain, .tree = tree, .err = err };
        struct insn_buffer b = {};
        struct profile_filter *f = NULL;
        int k;

        k = compile(&c, &b);
        seccomp_releasep(&c.ctx);
        free(c.extras);
        if (k >= 0 && !(f = calloc(1, sizeof(*f))))
                k = -ENOMEM;
        if (k < 0) {
                free(b.insns);
                return k;
        }
        *f = (struct profile_filter){ .insns = b.insns, .len = (unsigned short) b.len, .flags = p->flags };
        /* WAIT_KILLABLE_RECV is about a listener: with none (no agent here) the
         * kernel refuses it. With ours, TSYNC would need TSYNC_ESRCH; the child
         * that loads it has one thread, so TSYNC has nothing to do. */
        f->flags &= ~(uint32_t) SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV;
        if (complain)
                f->flags = (f->flags & ~(uint32_t) SECCOMP_FILTER_FLAG_TSYNC) | SECCOMP_FILTER_FLAG_NEW_LISTENER;
        *ret = f;
        return 0;
}

int profile_filter_compile(const struct profile *p, struct profile_filter **ret, struct parse_error *err) {
        return filter_compile(p, false, false, ret, err);
}

int profile_filter_compile_tree(const struct profile *p, struct profile_filter **ret, struct parse_error *err) {
        return filter_compile(p, false, true, ret, err);
}

int profile_filter_compile_complain(const struct profile *p, struct profile_filter **ret, struct parse_error *err) {
        return filter_compile(p, true, false, ret, err);
}

void profile_filter_free(struct profile_filter *f) {
        if (!f)
                return;
        free(f->insns);
        free(f);
}
