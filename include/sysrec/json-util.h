/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <json-c/json.h>
#include <stdbool.h>
#include <stdint.h>

#include "sysrec/macro.h"

static inline void json_object_putp(struct json_object **o) {
        if (*o)
                json_object_put(*o);
}

/* Adders returning 0 or -ENOMEM; a NULL string is stored as JSON null. */
int json_add_string(struct json_object *obj, const char *key, const char *value);
int json_add_uint64(struct json_object *obj, const char *key, uint64_t value);
int json_add_bool(struct json_object *obj, const char *key, int value);
int json_array_add_string(struct json_object *array, const char *value);
/* Adds a new empty array or object under key (or, with key NULL, to an array) and
 * returns it, owned by the parent. */
int json_add_new_array(struct json_object *parent, const char *key, struct json_object **ret);
int json_add_new_object(struct json_object *parent, const char *key, struct json_object **ret);

/* Two-space indented JSON with a final newline, "/" not escaped: stable bytes for
 * the same object, so generated files diff cleanly. */
int json_to_string_pretty(struct json_object *obj, char **ret);

/* Parses text as one JSON value, strictly, rejecting trailing garbage; a syntax error
 * fills err with its line and column. */
struct parse_error;
int json_parse_strict(const char *text, size_t size, struct json_object **ret, struct parse_error *err);

/* Reads obj[key] for parsers of outside input; field is the path named in errors
 * ("syscalls[2].errnoRet"). A missing or null key leaves *ret alone and is an error
 * only when required (json_field_string then sets *ret to NULL). Negative integers and
 * values of another type are errors. */
int json_field_uint64(struct json_object *obj, const char *key, const char *field, bool required, uint64_t *ret,
                      struct parse_error *err);
int json_field_string(struct json_object *obj, const char *key, const char *field, const char **ret,
                      struct parse_error *err);
/* json_field_string() into a new copy; *ret is left alone when the key is absent. */
int json_field_strdup(struct json_object *obj, const char *key, const char *field, char **ret, struct parse_error *err);
