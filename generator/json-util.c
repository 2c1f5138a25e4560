/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <ctype.h>
#include <errno.h>
#include <string.h>

#include "sysrec/json-util.h"
#include "sysrec/parse-error.h"

static int json_add(struct json_object *obj, const char *key, struct json_object *value) {
        if (!value)
                return -ENOMEM;
        if (json_object_object_add(obj, key, value) < 0) {
                json_object_put(value);
                return -ENOMEM;
        }
        return 0;
}

int json_add_string(struct json_object *obj, const char *key, const char *value) {
        if (!value)
                return json_object_object_add(obj, key, NULL) < 0 ? -ENOMEM : 0;
        return json_add(obj, key, json_object_new_string(value));
}

int json_add_uint64(struct json_object *obj, const char *key, uint64_t value) {
        return json_add(obj, key, json_object_new_uint64(value));
}

int json_add_bool(struct json_object *obj, const char *key, int value) {
        return json_add(obj, key, json_object_new_boolean(value));
}

int json_array_add_string(struct json_object *array, const char *value) {
        struct json_object *s = json_object_new_string(value);

        if (!s)
                return -ENOMEM;
        if (json_object_array_add(array, s) < 0) {
                json_object_put(s);
                return -ENOMEM;
        }
        return 0;
}

static int json_add_new(struct json_object *parent, const char *key, struct json_object *child,
                        struct json_object **ret) {
        int r;

        if (!child)
                return -ENOMEM;
        r = key ? json_object_object_add(parent, key, child) : json_object_array_add(parent, child);
        if (r < 0) {
                json_object_put(child);
                return -ENOMEM;
        }
        *ret = child;
        return 0;
}

int json_add_new_array(struct json_object *parent, const char *key, struct json_object **ret) {
        return json_add_new(parent, key, json_object_new_array(), ret);
}

int json_add_new_object(struct json_object *parent, const char *key, struct json_object **ret) {
        return json_add_new(parent, key, json_object_new_object(), ret);
}

int json_to_string_pretty(struct json_object *obj, char **ret) {
        const char *s = json_object_to_json_string_ext(obj, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
                                                                    JSON_C_TO_STRING_NOSLASHESCAPE);
        size_t n;
        char *buf;

        if (!s)
                return -ENOMEM;
        n = strlen(s);
        buf = malloc(n + 2);
        if (!buf)
                return -ENOMEM;
        memcpy(buf, s, n);
        buf[n] = '\n';
        buf[n + 1] = 0;
        *ret = buf;
        return 0;
}

static void offset_to_line_column(const char *text, size_t offset, unsigned *ret_line, unsigned *ret_column) {
        unsigned line = 1, column = 1;

        for (size_t i = 0; i < offset; i++) {
                if (text[i] == '\n') {
                        line++;
                        column = 1;
                } else
                        column++;
        }
        *ret_line = line;
        *ret_column = column;
}

int json_parse_strict(const char *text, size_t size, struct json_object **ret, struct parse_error *err) {
        struct json_tokener *tok;
        struct json_object *obj;
        enum json_tokener_error e;
        unsigned line, column;
        size_t end;

        if (memchr(text, 0, size))
                return parse_error_set(err, -EINVAL, 0, 0, NULL, "NUL byte in JSON text");
        if (size > INT32_MAX)
                return parse_error_set(err, -EFBIG, 0, 0, NULL, "file too large");
        tok = json_tokener_new();
        if (!tok)
                return -ENOMEM;
        json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
        obj = json_tokener_parse_ex(tok, text, (int) size);
        e = json_tokener_get_error(tok);
        end = json_tokener_get_parse_end(tok);
        json_tokener_free(tok);

        if (e == json_tokener_continue) {
                offset_to_line_column(text, size, &line, &column);
                return parse_error_set(err, -EINVAL, line, column, NULL, "unexpected end of JSON text");
        }
        if (!obj || e != json_tokener_success) {
                offset_to_line_column(text, end > 0 ? end - 1 : 0, &line, &column);
                json_object_put(obj);
                return parse_error_set(err, -EINVAL, line, column, NULL, "JSON syntax error: %s",
                                       json_tokener_error_desc(e));
        }
        while (end < size && isspace((unsigned char) text[end]))
                end++;
        if (end < size) {
                offset_to_line_column(text, end, &line, &column);
                json_object_put(obj);
                return parse_error_set(err, -EINVAL, line, column, NULL, "unexpected text after the JSON value");
        }
        *ret = obj;
        return 0;
}

int json_field_uint64(struct json_object *obj, const char *key, const char *field, bool required, uint64_t *ret,
                      struct parse_error *err) {
        struct json_object *v;

        if (!json_object_object_get_ex(obj, key, &v) || json_object_is_type(v, json_type_null))
                return required ? parse_error_field(err, field, "missing") : 0;
        if (!json_object_is_type(v, json_type_int))
                return parse_error_field(err, field, "not an integer");
        /* json-c keeps values above INT64_MAX as uint64, read back as INT64_MAX here */
        if (json_object_get_int64(v) < 0)
                return parse_error_field(err, field, "negative");
        *ret = json_object_get_uint64(v);
        return 0;
}

int json_field_string(struct json_object *obj, const char *key, const char *field, const char **ret,
                      struct parse_error *err) {
        struct json_object *v;

        *ret = NULL;
        if (!json_object_object_get_ex(obj, key, &v) || json_object_is_type(v, json_type_null))
                return 0;
        if (!json_object_is_type(v, json_type_string))
                return parse_error_field(err, field, "not a string");
        *ret = json_object_get_string(v);
        return 0;
}

int json_field_strdup(struct json_object *obj, const char *key, const char *field, char **ret,
                      struct parse_error *err) {
        const char *s;
        int k = json_field_string(obj, key, field, &s, err);

        if (k < 0 || !s)
                return k;
        *ret = strdup(s);
        return *ret ? 0 : -ENOMEM;
}
