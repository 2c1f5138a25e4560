/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "sysrec/macro.h"
#include "sysrec/parse-error.h"
#include "sysrec/syscall-set.h"

/* A recording: what was run, how, and the syscalls seen. Its JSON form is documented
 * in docs/recording-format.md. */

#define RECORDING_FORMAT_NAME    "sysrec-recording"
#define RECORDING_FORMAT_VERSION 1

/* Something a source lost (ring-buffer drops, suppressed audit lines...): named so
 * that each backend can add its own without a format change. */
struct recording_loss {
        char *name;
        uint64_t count;
};

struct recording {
        char **command;             /* NULL-terminated argv, owned */
        char *backend;              /* "ptrace", ... */
        char *kernel;               /* uname release */
        struct timespec start, end; /* CLOCK_REALTIME */
        uint64_t events;            /* syscalls seen, all architectures */
        uint64_t processes;         /* thread groups seen */
        struct recording_loss *losses;
        size_t n_losses;
        struct syscall_set *syscalls;
};

int recording_new(struct recording **ret);
void recording_free(struct recording *r);
DEFINE_TRIVIAL_CLEANUP_FUNC(struct recording *, recording_free);

int recording_set_command(struct recording *r, char *const *argv);
int recording_set_kernel_from_uname(struct recording *r);
/* Adds count to the named loss counter, creating it. */
int recording_add_loss(struct recording *r, const char *name, uint64_t count);
uint64_t recording_total_lost(const struct recording *r);
/* A recording is complete when nothing was lost. */
static inline bool recording_is_complete(const struct recording *r) {
        return recording_total_lost(r) == 0;
}

/* JSON text, deterministic for the same recording, final newline. */
int recording_to_json_string(const struct recording *r, char **ret);
int recording_parse(const char *text, size_t size, struct recording **ret, struct parse_error *err);
/* The same, from JSON already parsed. */
struct json_object;
int recording_from_json(struct json_object *obj, struct recording **ret, struct parse_error *err);
int recording_load_file(const char *path, struct recording **ret, struct parse_error *err);
