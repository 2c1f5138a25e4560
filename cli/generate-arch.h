/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "sysrec/profile-build.h"
#include "sysrec/recording.h"

/* generate --arch LIST: target architectures, comma-separated. */
#define GENERATE_ARCH_MAX 16
struct generate_arches {
        uint32_t tokens[GENERATE_ARCH_MAX];
        size_t n;
};

/* Parses "x86_64,aarch64,riscv64" (libseccomp names, SCMP_ARCH_*, amd64, arm64);
 * logs one line and returns -EINVAL for an unknown one or one runtimes refuse. */
int generate_arch_parse(const char *list, struct generate_arches *ret);

/* Like output_write_profile(), for the target architectures: each syscall named as
 * each target knows it, every replacement reported once on stderr. */
int generate_arch_write_profile(const struct recording *rec, const struct profile_build_options *o,
                                const struct generate_arches *arches, const char *path);
