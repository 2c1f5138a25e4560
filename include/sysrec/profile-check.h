/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "sysrec/profile.h"

/* What sysrec check finds in a profile that parsed. An error means runtimes would
 * refuse or misread it; a warning, that it loads but likely not as meant; a note is
 * for information. */
enum check_severity {
        CHECK_ERROR,
        CHECK_WARNING,
        CHECK_NOTE,
        _CHECK_SEVERITY_MAX,
};

const char *check_severity_to_string(enum check_severity s);

struct check_finding {
        enum check_severity severity;
        char *field; /* "syscalls[2].names[0]"; NULL for the whole profile */
        char *message;
};

/* Instructions of the compiled filter: per architecture, and for the whole
 * profile (arch 0), linear as libseccomp lays it out by default, and as a binary
 * tree. 0 when it does not compile. */
struct check_filter_size {
        uint32_t arch;
        unsigned linear, tree;
};

struct profile_check {
        struct check_finding *findings;
        size_t n_findings;
        struct check_filter_size *sizes;
        size_t n_sizes;
        /* Sorted names allowed unconditionally here and not by the runtime default
         * (runtime_default_table); names the default allows only for some
         * arguments count too. Not owned: they point into the profile. */
        const char **beyond_default;
        size_t n_beyond_default;
        size_t n_allowed; /* unique names allowed unconditionally */
};

int profile_check(const struct profile *p, struct profile_check *ret);
/* Only the conditional rules that an unconditional one for the same syscall keeps
 * from ever applying (libseccomp), as warnings: what merge checks its output for. */
int profile_check_shadowed(const struct profile *p, struct profile_check *ret);
size_t profile_check_count(const struct profile_check *c, enum check_severity s);
void profile_check_done(struct profile_check *c);
