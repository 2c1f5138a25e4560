/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* sysrec merge and check read files from users: any bytes must give a profile, a
 * recording or an error; a profile merged with itself must be stable (no conflict,
 * the same bytes again) and check must finish with a verdict, never crash. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sysrec/profile-check.h"
#include "sysrec/profile-merge.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void merge_twice(const struct profile *p) {
        _cleanup_(profile_freep) struct profile *m = NULL, *mm = NULL;
        _cleanup_free_ char *once = NULL, *twice = NULL;
        const struct profile *in[] = { p, p };
        struct merge_conflict *c = NULL;
        struct profile_check check = {};
        size_t n = 0;

        if (profile_merge(in, 2, NULL, &m, &c, &n) < 0)
                return;
        if (n != 0)
                abort(); /* a profile never disagrees with itself */
        in[0] = in[1] = m;
        if (profile_merge(in, 2, NULL, &mm, &c, &n) < 0 || n != 0 || profile_to_json_string(m, &once) < 0 ||
            profile_to_json_string(mm, &twice) < 0 || strcmp(once, twice) != 0)
                abort();
        if (profile_check(p, &check) >= 0)
                profile_check_done(&check);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
        _cleanup_(profile_freep) struct profile *p = NULL;
        _cleanup_(recording_freep) struct recording *rec = NULL;
        _cleanup_(syscall_set_freep) struct syscall_set *coverage = NULL;
        _cleanup_free_ char *text = malloc(size + 1);
        struct parse_error err = {};

        if (!text)
                return 0;
        memcpy(text, data, size);
        text[size] = 0;
        if (merge_input_parse(text, size, &p, &rec, &err) < 0 || syscall_set_new(&coverage) < 0)
                return 0;
        if (rec)
                (void) merge_coverage_add_recording(coverage, rec);
        else {
                (void) merge_coverage_add_profile(coverage, p);
                merge_twice(p);
        }
        return 0;
}
