/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "sysrec/profile.h"

/* A syscall of the profile that does not exist on a target architecture, and what
 * stands for it there: "openat", "renameat renameat2", or NULL for nothing. */
struct retarget_note {
        char *from;
        uint32_t arch;
        char *to;
};

/* Makes p, built from a recording, a profile for the target architectures (libseccomp
 * tokens): architectures become exactly the targets, and each name of an
 * unconditional rule becomes, per target, itself where it exists there, or what
 * replaces it there (syscall_map_table), or nothing. A profile's rules apply to all
 * its architectures, so the names of all targets are united. Conditional rules keep
 * only names that exist on some target: conditions are on arguments, which the
 * replacement calls number differently. Lists each (name, target) that needed a
 * replacement, sorted by name then replacement. */
int profile_retarget(struct profile *p, const uint32_t *targets, size_t n_targets, struct retarget_note **ret_notes,
                     size_t *ret_n);
void retarget_notes_free(struct retarget_note *notes, size_t n);

/* "aarch64", "arm64", "SCMP_ARCH_AARCH64" (also amd64, i386, i686 as aliases) to a
 * libseccomp token; -EINVAL when libseccomp does not know it. */
int retarget_arch_from_string(const char *s, uint32_t *ret);
