/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stddef.h>
#include <sys/types.h>

#include "sysrec/macro.h"
#include "sysrec/parse-error.h"

/* The annotation oci-seccomp-bpf-hook reads, whose value syntax sysrec accepts so
 * that it drops into Podman's hooks.d in its place: "[if:INPUT;]of:OUTPUT". */
#define OCI_TRACE_ANNOTATION "io.containers.trace-syscall"

/* What an OCI hook reads on stdin: the container's state (runtime-spec state.md). */
struct oci_state {
        char *id;
        pid_t pid;
        char *bundle;
        char *trace_input, *trace_output; /* from OCI_TRACE_ANNOTATION; NULL if absent */
};

/* Parses the state; errors name the field ("annotations.io.containers.trace-syscall"). */
int oci_state_parse(const char *text, size_t size, struct oci_state **ret, struct parse_error *err);
void oci_state_free(struct oci_state *s);
DEFINE_TRIVIAL_CLEANUP_FUNC(struct oci_state *, oci_state_free);
