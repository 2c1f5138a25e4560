/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

#include "sysrec/atomic-file.h"
#include "sysrec/json-util.h"
#include "sysrec/recording.h"
#include "sysrec/syscall-names.h"

int recording_new(struct recording **ret) {
        struct recording *r = calloc(1, sizeof(*r));

        if (!r)
                return -ENOMEM;
        if (syscall_set_new(&r->syscalls) < 0) {
                free(r);
                return -ENOMEM;
        }
        *ret = r;
        return 0;
}

static void strv_free(char **v) {
        for (char **p = v; p && *p; p++)
                free(*p);
        free(v);
}

void recording_free(struct recording *r) {
        if (!r)
                return;
        strv_free(r->command);
        free(r->backend);
        free(r->kernel);
        for (size_t i = 0; i < r->n_losses; i++)
                free(r->losses[i].name);
        free(r->losses);
        syscall_set_free(r->syscalls);
        free(r);
}

int recording_set_command(struct recording *r, char *const *argv) {
        size_t n = 0;
        char **v;

        while (argv[n])
                n++;
        v = calloc(n + 1, sizeof(char *));
        if (!v)
                return -ENOMEM;
        for (size_t i = 0; i < n; i++)
                if (!(v[i] = strdup(argv[i]))) {
                        strv_free(v);
                        return -ENOMEM;
                }
        strv_free(r->command);
        r->command = v;
        return 0;
}

int recording_set_kernel_from_uname(struct recording *r) {
        struct utsname u;
        char *k;

        if (uname(&u) < 0)
                return -errno;
        k = strdup(u.release);
        if (!k)
                return -ENOMEM;
        free(r->kernel);
        r->kernel = k;
        return 0;
}

int recording_add_loss(struct recording *r, const char *name, uint64_t count) {
        struct recording_loss *l;

        for (size_t i = 0; i < r->n_losses; i++)
                if (strcmp(r->losses[i].name, name) == 0) {
                        r->losses[i].count += count;
                        return 0;
                }
        l = reallocarray(r->losses, r->n_losses + 1, sizeof(*l));
        if (!l)
                return -ENOMEM;
        r->losses = l;
        l[r->n_losses].name = strdup(name);
        if (!l[r->n_losses].name)
                return -ENOMEM;
        l[r->n_losses++].count = count;
        return 0;
}

uint64_t recording_total_lost(const struct recording *r) {
        uint64_t n = 0;

        for (size_t i = 0; i < r->n_losses; i++)
                n += r->losses[i].count;
        return n;
}

/* RFC 3339 in UTC with microseconds: "2026-11-22T14:41:34.123456Z". */
static int timestamp_format(const struct timespec *ts, char *buf, size_t size) {
        struct tm tm;
        char date[32];

        if (!gmtime_r(&ts->tv_sec, &tm) || strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%S", &tm) == 0)
                return -EINVAL;
        snprintf(buf, size, "%s.%06ldZ", date, ts->tv_nsec / 1000);
        return 0;
}

static int timestamp_parse(const char *s, struct timespec *ret) {
        struct tm tm = {};
        unsigned long usec = 0;
        const char *p = strptime(s, "%Y-%m-%dT%H:%M:%S", &tm);
        char *end;

        if (!p)
                return -EINVAL;
        if (*p == '.') {
                const char *digits = p + 1;
                usec = strtoul(digits, &end, 10);
                if (end - digits != 6)
                        return -EINVAL;
                p = end;
        }
        if (strcmp(p, "Z") != 0)
                return -EINVAL;
        ret->tv_sec = timegm(&tm);
        ret->tv_nsec = (long) usec * 1000;
        return 0;
}

static int origin_to_json(const struct syscall_origin *o, struct json_object *entry) {
        struct json_object *first;

        if (json_add_new_object(entry, "first", &first) < 0)
                return -ENOMEM;
        if (json_add_uint64(first, "pid", (uint64_t) o->pid) < 0 || json_add_string(first, "comm", o->comm) < 0 ||
            json_add_string(first, "exe", o->exe) < 0)
                return -ENOMEM;
        return 0;
}

static int entry_to_json(enum sysrec_arch arch, const struct syscall_entry *e, struct json_object *list) {
        struct json_object *entry;
        const char *name = NULL;

        if (json_add_new_object(list, NULL, &entry) < 0)
                return -ENOMEM;
        (void) syscall_name(arch, e->nr, &name);
        if (json_add_uint64(entry, "nr", e->nr) < 0 || json_add_string(entry, "name", name) < 0 ||
            json_add_uint64(entry, "count", e->count) < 0)
                return -ENOMEM;
        return e->first.pid > 0 ? origin_to_json(&e->first, entry) : 0;
}

static int syscalls_to_json(const struct syscall_set *set, struct json_object *obj) {
        struct json_object *arches;

        if (json_add_new_object(obj, "architectures", &arches) < 0)
                return -ENOMEM;
        for (unsigned a = 0; a < _SYSREC_ARCH_MAX; a++) {
                struct json_object *list;

                if (set->arch[a].n == 0)
                        continue;
                if (json_add_new_array(arches, sysrec_arch_to_string(a), &list) < 0)
                        return -ENOMEM;
                for (size_t i = 0; i < set->arch[a].n; i++)
                        if (entry_to_json(a, &set->arch[a].entries[i], list) < 0)
                                return -ENOMEM;
        }
        return 0;
}

static int header_to_json(const struct recording *r, struct json_object *obj) {
        struct json_object *command, *lost;
        char start[64] = "", end[64] = "";

        if (json_add_string(obj, "format", RECORDING_FORMAT_NAME) < 0 ||
            json_add_uint64(obj, "version", RECORDING_FORMAT_VERSION) < 0 ||
            json_add_new_array(obj, "command", &command) < 0)
                return -ENOMEM;
        for (char **p = r->command; p && *p; p++)
                if (json_array_add_string(command, *p) < 0)
                        return -ENOMEM;
        (void) timestamp_format(&r->start, start, sizeof(start));
        (void) timestamp_format(&r->end, end, sizeof(end));
        if (json_add_string(obj, "backend", r->backend) < 0 || json_add_string(obj, "kernel", r->kernel) < 0 ||
            json_add_string(obj, "start", start) < 0 || json_add_string(obj, "end", end) < 0 ||
            json_add_uint64(obj, "events", r->events) < 0 || json_add_uint64(obj, "processes", r->processes) < 0 ||
            json_add_bool(obj, "complete", recording_is_complete(r)) < 0)
                return -ENOMEM;
        if (json_add_new_object(obj, "lost", &lost) < 0)
                return -ENOMEM;
        for (size_t i = 0; i < r->n_losses; i++)
                if (json_add_uint64(lost, r->losses[i].name, r->losses[i].count) < 0)
                        return -ENOMEM;
        return 0;
}

int recording_to_json_string(const struct recording *r, char **ret) {
        _cleanup_(json_object_putp) struct json_object *obj = json_object_new_object();
        int k;

        if (!obj)
                return -ENOMEM;
        k = header_to_json(r, obj);
        if (k >= 0)
                k = syscalls_to_json(r->syscalls, obj);
        if (k < 0)
                return k;
        return json_to_string_pretty(obj, ret);
}

/* Reading. Unknown keys are ignored, so that a minor addition to version 1 does not
 * break older readers; an incompatible change bumps the version. */

static int parse_origin(struct json_object *entry, const char *field, struct syscall_origin *o,
                        struct parse_error *err) {
        struct json_object *first;
        char sub[192];
        const char *comm, *exe;
        uint64_t pid = 0;
        int k;

        if (!json_object_object_get_ex(entry, "first", &first) || json_object_is_type(first, json_type_null))
                return 0;
        if (!json_object_is_type(first, json_type_object))
                return parse_error_field(err, field, "\"first\" is not an object");
        snprintf(sub, sizeof(sub), "%s.first.pid", field);
        if ((k = json_field_uint64(first, "pid", sub, true, &pid, err)) < 0)
                return k;
        if (pid == 0 || pid > INT32_MAX)
                return parse_error_field(err, sub, "not a process id");
        snprintf(sub, sizeof(sub), "%s.first.comm", field);
        if ((k = json_field_string(first, "comm", sub, &comm, err)) < 0)
                return k;
        snprintf(sub, sizeof(sub), "%s.first.exe", field);
        if ((k = json_field_string(first, "exe", sub, &exe, err)) < 0)
                return k;
        o->pid = (pid_t) pid;
        snprintf(o->comm, sizeof(o->comm), "%s", comm ?: "");
        o->exe = exe ? strdup(exe) : NULL;
        return exe && !o->exe ? -ENOMEM : 0;
}

static int parse_entry(struct recording *r, enum sysrec_arch arch, struct json_object *entry, const char *field,
                       struct parse_error *err) {
        struct syscall_origin o = {};
        char sub[192];
        uint64_t nr = 0, count = 0;
        int k;

        if (!json_object_is_type(entry, json_type_object))
                return parse_error_field(err, field, "not an object");
        snprintf(sub, sizeof(sub), "%s.nr", field);
        if ((k = json_field_uint64(entry, "nr", sub, true, &nr, err)) < 0)
                return k;
        if (nr > UINT32_MAX)
                return parse_error_field(err, sub, "out of range");
        snprintf(sub, sizeof(sub), "%s.count", field);
        if ((k = json_field_uint64(entry, "count", sub, true, &count, err)) < 0)
                return k;
        if ((k = parse_origin(entry, field, &o, err)) < 0)
                return k;
        k = syscall_set_add(r->syscalls, arch, (uint32_t) nr, count, &o);
        syscall_origin_done(&o);
        return k;
}

static int parse_architectures(struct recording *r, struct json_object *obj, struct parse_error *err) {
        struct json_object *arches;
        char field[160];
        int k;

        if (!json_object_object_get_ex(obj, "architectures", &arches))
                return parse_error_field(err, "architectures", "missing");
        if (!json_object_is_type(arches, json_type_object))
                return parse_error_field(err, "architectures", "not an object");
        json_object_object_foreach (arches, key, list) {
                int arch = sysrec_arch_from_string(key);

                snprintf(field, sizeof(field), "architectures.%s", key);
                if (arch < 0)
                        return parse_error_set(err, -EINVAL, 0, 0, field,
                                               "unknown architecture \"%s\" (x86_64, i386 or x32)", key);
                if (!json_object_is_type(list, json_type_array))
                        return parse_error_field(err, field, "not an array");
                for (size_t i = 0; i < json_object_array_length(list); i++) {
                        snprintf(field, sizeof(field), "architectures.%s[%zu]", key, i);
                        k = parse_entry(r, arch, json_object_array_get_idx(list, i), field, err);
                        if (k < 0)
                                return k;
                }
        }
        return 0;
}

static int parse_command(struct recording *r, struct json_object *obj, struct parse_error *err) {
        struct json_object *command;
        size_t n;

        if (!json_object_object_get_ex(obj, "command", &command) || json_object_is_type(command, json_type_null))
                return 0;
        if (!json_object_is_type(command, json_type_array))
                return parse_error_field(err, "command", "not an array");
        n = json_object_array_length(command);
        r->command = calloc(n + 1, sizeof(char *));
        if (!r->command)
                return -ENOMEM;
        for (size_t i = 0; i < n; i++) {
                struct json_object *s = json_object_array_get_idx(command, i);
                if (!json_object_is_type(s, json_type_string))
                        return parse_error_field(err, "command", "has an element that is not a string");
                if (!(r->command[i] = strdup(json_object_get_string(s))))
                        return -ENOMEM;
        }
        return 0;
}

static int parse_losses(struct recording *r, struct json_object *obj, struct parse_error *err) {
        struct json_object *lost;
        char field[160];
        int k;

        if (!json_object_object_get_ex(obj, "lost", &lost) || json_object_is_type(lost, json_type_null))
                return 0;
        if (!json_object_is_type(lost, json_type_object))
                return parse_error_field(err, "lost", "not an object");
        json_object_object_foreach (lost, key, value) {
                uint64_t count = 0;
                (void) value;
                snprintf(field, sizeof(field), "lost.%s", key);
                if ((k = json_field_uint64(lost, key, field, true, &count, err)) < 0)
                        return k;
                if ((k = recording_add_loss(r, key, count)) < 0)
                        return k;
        }
        return 0;
}

static int parse_header(struct recording *r, struct json_object *obj, struct parse_error *err) {
        const char *format, *start, *end;
        uint64_t version = 0;
        int k;

        if (!json_object_is_type(obj, json_type_object))
                return parse_error_field(err, NULL, "not a JSON object");
        if ((k = json_field_string(obj, "format", "format", &format, err)) < 0)
                return k;
        if (!format || strcmp(format, RECORDING_FORMAT_NAME) != 0)
                return parse_error_field(err, "format",
                                         "not \"" RECORDING_FORMAT_NAME "\": is this a sysrec recording?");
        if ((k = json_field_uint64(obj, "version", "version", true, &version, err)) < 0)
                return k;
        if (version != RECORDING_FORMAT_VERSION)
                return parse_error_set(err, -EPROTONOSUPPORT, 0, 0, "version",
                                       "format version %" PRIu64 " is not supported (this sysrec reads %d)", version,
                                       RECORDING_FORMAT_VERSION);
        if ((k = json_field_strdup(obj, "backend", "backend", &r->backend, err)) < 0 ||
            (k = json_field_strdup(obj, "kernel", "kernel", &r->kernel, err)) < 0)
                return k;
        if ((k = json_field_string(obj, "start", "start", &start, err)) < 0 ||
            (k = json_field_string(obj, "end", "end", &end, err)) < 0)
                return k;
        if (start && timestamp_parse(start, &r->start) < 0)
                return parse_error_field(err, "start", "not a UTC RFC 3339 time with microseconds");
        if (end && timestamp_parse(end, &r->end) < 0)
                return parse_error_field(err, "end", "not a UTC RFC 3339 time with microseconds");
        if ((k = json_field_uint64(obj, "events", "events", false, &r->events, err)) < 0)
                return k;
        return json_field_uint64(obj, "processes", "processes", false, &r->processes, err);
}

int recording_from_json(struct json_object *obj, struct recording **ret, struct parse_error *err) {
        _cleanup_(recording_freep) struct recording *r = NULL;
        int k;

        k = recording_new(&r);
        if (k < 0)
                return k;
        if ((k = parse_header(r, obj, err)) < 0 || (k = parse_command(r, obj, err)) < 0 ||
            (k = parse_losses(r, obj, err)) < 0 || (k = parse_architectures(r, obj, err)) < 0)
                return k;
        *ret = TAKE_PTR(r);
        return 0;
}

int recording_parse(const char *text, size_t size, struct recording **ret, struct parse_error *err) {
        _cleanup_(json_object_putp) struct json_object *obj = NULL;
        int k;

        k = json_parse_strict(text, size, &obj, err);
        if (k < 0)
                return k;
        return recording_from_json(obj, ret, err);
}

int recording_load_file(const char *path, struct recording **ret, struct parse_error *err) {
        _cleanup_free_ char *text = NULL;
        size_t size;
        int k;

        k = read_full_file(path, &text, &size);
        if (k < 0)
                return k;
        return recording_parse(text, size, ret, err);
}
