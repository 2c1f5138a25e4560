/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <getopt.h>
#include <strings.h>

#include "output.h"
#include "sysrec/atomic-file.h"
#include "sysrec/profile-update.h"
#include "sysrec/log.h"
#include "sysrec/parse-number.h"
#include "sysrec/syscall-names.h"

static const struct {
        const char *name;
        enum profile_action action;
} default_actions[] = {
        { "errno", PROFILE_ACTION_ERRNO },
        { "kill_process", PROFILE_ACTION_KILL_PROCESS },
        { "kill_thread", PROFILE_ACTION_KILL_THREAD },
        { "trap", PROFILE_ACTION_TRAP },
        { "log", PROFILE_ACTION_LOG },
};

int output_parse_default_action(const char *s, enum profile_action *ret) {
        for (size_t i = 0; i < ELEMENTSOF(default_actions); i++)
                if (strcmp(default_actions[i].name, s) == 0) {
                        *ret = default_actions[i].action;
                        return 0;
                }
        if (strcmp(s, "kill") == 0)
                return log_error_errno(-EINVAL, "--default-action kill is ambiguous: SCMP_ACT_KILL kills only the "
                                                "calling thread and leaves the rest of the process running; "
                                                "say kill_process or kill_thread.");
        return log_error_errno(-EINVAL, "Unknown --default-action '%s': errno, kill_process, kill_thread, trap or log.",
                               s);
}

int output_parse_errno(const char *s, int *ret) {
        int n;

        if (parse_int(s, &n) >= 0) {
                if (n < 1 || n > 4095)
                        return log_error_errno(-ERANGE, "--errno %s: out of range (1 to 4095).", s);
                *ret = n;
                return 0;
        }
        for (n = 1; n < 4096; n++) {
                const char *name = strerrorname_np(n);
                if (name && strcasecmp(name, s) == 0) {
                        *ret = n;
                        return 0;
                }
        }
        return log_error_errno(-EINVAL, "--errno %s: not an errno name (EPERM) or number.", s);
}

int output_parse_profile_option(int c, const char *arg, struct profile_build_options *o) {
        int r;

        switch (c) {
        case ARG_PROFILE_DEFAULT_ACTION:
                r = output_parse_default_action(arg, &o->default_action);
                break;
        case ARG_PROFILE_ERRNO:
                r = output_parse_errno(arg, &o->errno_ret);
                break;
        default:
                return 0;
        }
        return r < 0 ? r : 1;
}

static void warn_unnamed(const struct syscall_set *set) {
        for (unsigned a = 0; a < _SYSREC_ARCH_MAX; a++)
                for (size_t i = 0; i < set->arch[a].n; i++) {
                        const struct syscall_entry *e = &set->arch[a].entries[i];
                        const char *name;

                        if (syscall_name(a, e->nr, &name) >= 0)
                                continue;
                        log_warning("Syscall %s %" PRIu32 " (%" PRIu64 " calls, first by pid %d %s) has no name "
                                    "and cannot be listed in the profile: it will be denied.",
                                    sysrec_arch_to_string(a), e->nr, e->count, e->first.pid, e->first.comm);
                }
}

int output_write_profile_json(const struct profile *p, const char *path) {
        _cleanup_free_ char *text = NULL;
        int r = profile_to_json_string(p, &text);

        if (r < 0)
                return log_error_errno(r, "Failed to format the profile: %m");
        r = atomic_file_write(path, text, strlen(text));
        if (r < 0)
                return log_error_errno(r, "Failed to write profile %s: %m", path);
        return 0;
}

int output_build_profile(const struct recording *rec, const struct profile_build_options *o, struct profile **ret) {
        int r;

        warn_unnamed(rec->syscalls);
        if (syscall_set_total(rec->syscalls) == 0)
                log_warning("No syscalls were recorded: the profile allows nothing.");
        r = profile_build(rec->syscalls, o, ret);
        return r < 0 ? log_error_errno(r, "Failed to build the profile: %m") : 0;
}

int output_write_profile(const struct recording *rec, const struct profile_build_options *o, const char *path) {
        _cleanup_(profile_freep) struct profile *p = NULL;

        if (output_build_profile(rec, o, &p) < 0)
                return -EIO;
        return output_write_profile_json(p, path);
}

int output_write_profile_onto(const struct recording *rec, const char *base, const char *path) {
        _cleanup_(profile_freep) struct profile *p = NULL;
        struct parse_error err = {};
        int r;

        warn_unnamed(rec->syscalls);
        r = profile_load_file(base, &p, &err);
        if (r < 0)
                return output_log_load_error(r, base, &err);
        r = profile_allow_syscalls(p, rec->syscalls);
        if (r < 0)
                return log_error_errno(r, "Failed to add the recorded syscalls to %s: %m", base);
        return output_write_profile_json(p, path);
}

int output_write_recording(const struct recording *rec, const char *path) {
        _cleanup_free_ char *text = NULL;
        int r;

        r = recording_to_json_string(rec, &text);
        if (r < 0)
                return log_error_errno(r, "Failed to format the recording: %m");
        r = atomic_file_write(path, text, strlen(text));
        if (r < 0)
                return log_error_errno(r, "Failed to write recording %s: %m", path);
        return 0;
}

int output_log_load_error(int r, const char *path, const struct parse_error *err) {
        char where[512];

        if (!err->message[0])
                return log_error_errno(r, "Failed to read %s: %m", path);
        parse_error_format(err, path, where, sizeof(where));
        return log_error_errno(r, "%s", where);
}
