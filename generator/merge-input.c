/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Telling the inputs of sysrec merge apart by what they say they are, and the
 * coverage recording: per syscall, how many inputs had it. */
#include <errno.h>
#include <json-c/json.h>
#include <string.h>

#include "sysrec/atomic-file.h"
#include "sysrec/json-util.h"
#include "sysrec/profile-merge.h"
#include "sysrec/syscall-names.h"

static bool is_recording(struct json_object *obj) {
        struct json_object *format;

        if (!json_object_is_type(obj, json_type_object) || !json_object_object_get_ex(obj, "format", &format) ||
            !json_object_is_type(format, json_type_string))
                return false;
        return strcmp(json_object_get_string(format), RECORDING_FORMAT_NAME) == 0;
}

int merge_input_parse(const char *text, size_t size, struct profile **ret_profile, struct recording **ret_recording,
                      struct parse_error *err) {
        _cleanup_(json_object_putp) struct json_object *obj = NULL;
        int k;

        *ret_profile = NULL;
        *ret_recording = NULL;
        if ((k = json_parse_strict(text, size, &obj, err)) < 0)
                return k;
        if (is_recording(obj))
                return recording_from_json(obj, ret_recording, err);
        return profile_from_json(obj, ret_profile, err);
}

int merge_input_load(const char *path, struct profile **ret_profile, struct recording **ret_recording,
                     struct parse_error *err) {
        _cleanup_free_ char *text = NULL;
        size_t size;
        int k;

        k = read_full_file(path, &text, &size);
        if (k < 0)
                return k;
        return merge_input_parse(text, size, ret_profile, ret_recording, err);
}

int merge_coverage_add_recording(struct syscall_set *coverage, const struct recording *rec) {
        for (unsigned a = 0; a < _SYSREC_ARCH_MAX; a++)
                for (size_t i = 0; i < rec->syscalls->arch[a].n; i++) {
                        const struct syscall_entry *e = &rec->syscalls->arch[a].entries[i];
                        int k = syscall_set_add(coverage, a, e->nr, 1, &e->first);
                        if (k < 0)
                                return k;
                }
        return 0;
}

/* Each syscall once, however many rules allow it. */
static int add_allowed(struct syscall_set *seen, const struct profile *p, uint32_t token) {
        int arch = sysrec_arch_from_scmp(token);

        if (arch < 0)
                return 0; /* not an architecture a recording holds */
        for (size_t i = 0; i < p->n_rules; i++)
                for (size_t j = 0; !profile_action_denies(p->rules[i].action) && j < p->rules[i].n_names; j++) {
                        int32_t nr;
                        int k;

                        if (syscall_number(token, p->rules[i].names[j], &nr) < 0)
                                continue;
                        if ((k = syscall_set_add(seen, arch, (uint32_t) nr, 1, NULL)) < 0)
                                return k;
                }
        return 0;
}

int merge_coverage_add_profile(struct syscall_set *coverage, const struct profile *p) {
        _cleanup_(syscall_set_freep) struct syscall_set *seen = NULL;
        const uint32_t *arches;
        uint32_t native;
        size_t n = profile_arches(p, &native, &arches);
        int k;

        if ((k = syscall_set_new(&seen)) < 0)
                return k;
        for (size_t a = 0; a < n; a++)
                if ((k = add_allowed(seen, p, arches[a])) < 0)
                        return k;
        for (unsigned a = 0; a < _SYSREC_ARCH_MAX; a++)
                for (size_t i = 0; i < seen->arch[a].n; i++)
                        if ((k = syscall_set_add(coverage, a, seen->arch[a].entries[i].nr, 1, NULL)) < 0)
                                return k;
        return 0;
}
