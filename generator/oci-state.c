/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The container state a runtime gives its hooks on stdin, and the trace annotation
 * in it. Outside input: strict, every error names its field. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sysrec/json-util.h"
#include "sysrec/oci-state.h"

#define TRACE_FIELD "annotations." OCI_TRACE_ANNOTATION

void oci_state_free(struct oci_state *s) {
        if (!s)
                return;
        free(s->id);
        free(s->bundle);
        free(s->trace_input);
        free(s->trace_output);
        free(s);
}

/* One "if:PATH" or "of:PATH" item; PATH must be absolute, the hook's working
 * directory being the runtime's, not the user's. */
static int trace_item(const char *item, size_t n, char **ret_input, char **ret_output, struct parse_error *err) {
        char **slot = NULL;

        if (n > 3 && strncmp(item, "if:", 3) == 0)
                slot = ret_input;
        else if (n > 3 && strncmp(item, "of:", 3) == 0)
                slot = ret_output;
        if (!slot)
                return parse_error_field(err, TRACE_FIELD, "expected \"if:PATH\" or \"of:PATH\" items, split by ';'");
        if (*slot)
                return parse_error_field(err, TRACE_FIELD, "\"if:\" or \"of:\" given twice");
        if (item[3] != '/')
                return parse_error_field(err, TRACE_FIELD, "the path must be absolute");
        *slot = strndup(item + 3, n - 3);
        return *slot ? 0 : -ENOMEM;
}

/* Parses an OCI_TRACE_ANNOTATION value into new strings (each NULL when absent). */
static int oci_trace_annotation_parse(const char *value, char **ret_input, char **ret_output, struct parse_error *err) {
        char *input = NULL, *output = NULL;
        int r = 0;

        for (const char *p = value; r >= 0 && *p;) {
                size_t n = strcspn(p, ";");
                r = trace_item(p, n, &input, &output, err);
                p += n + (p[n] == ';');
        }
        if (r >= 0 && !output)
                r = parse_error_field(err, TRACE_FIELD, "no \"of:PATH\" output");
        if (r < 0) {
                free(input);
                free(output);
                return r;
        }
        *ret_input = input;
        *ret_output = output;
        return 0;
}

static int parse_annotations(struct json_object *root, struct oci_state *s, struct parse_error *err) {
        struct json_object *annotations;
        const char *value = NULL;
        int r;

        if (!json_object_object_get_ex(root, "annotations", &annotations) || !annotations)
                return 0;
        if (!json_object_is_type(annotations, json_type_object))
                return parse_error_field(err, "annotations", "expected an object");
        r = json_field_string(annotations, OCI_TRACE_ANNOTATION, TRACE_FIELD, &value, err);
        if (r < 0 || !value)
                return r;
        return oci_trace_annotation_parse(value, &s->trace_input, &s->trace_output, err);
}

int oci_state_parse(const char *text, size_t size, struct oci_state **ret, struct parse_error *err) {
        _cleanup_(json_object_putp) struct json_object *root = NULL;
        _cleanup_(oci_state_freep) struct oci_state *s = NULL;
        uint64_t pid = 0;
        int r;

        if ((r = json_parse_strict(text, size, &root, err)) < 0)
                return r;
        if (!json_object_is_type(root, json_type_object))
                return parse_error_field(err, "(root)", "expected an object");
        s = calloc(1, sizeof(*s));
        if (!s)
                return -ENOMEM;
        if ((r = json_field_strdup(root, "id", "id", &s->id, err)) < 0 ||
            (r = json_field_uint64(root, "pid", "pid", true, &pid, err)) < 0 ||
            (r = json_field_strdup(root, "bundle", "bundle", &s->bundle, err)) < 0)
                return r;
        if (!s->id)
                return parse_error_field(err, "id", "missing");
        if (pid == 0 || pid > INT32_MAX)
                return parse_error_field(err, "pid",
                                         "not a process id: the hook must run at createRuntime, "
                                         "createContainer or prestart");
        s->pid = (pid_t) pid;
        if ((r = parse_annotations(root, s, err)) < 0)
                return r;
        *ret = TAKE_PTR(s);
        return 0;
}
