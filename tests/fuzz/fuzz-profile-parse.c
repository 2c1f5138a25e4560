/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Profiles come from users, clusters and other tools: any bytes must give a profile
 * or an error, never a crash, a leak or undefined behaviour; what parses must write
 * back, read again to the same bytes, and compile or be refused with a reason. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sysrec/profile-filter.h"
#include "sysrec/profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
        _cleanup_(profile_freep) struct profile *p = NULL, *q = NULL;
        _cleanup_(profile_filter_freep) struct profile_filter *f = NULL;
        _cleanup_free_ char *text = NULL, *again = NULL, *third = NULL;
        struct parse_error err = {};

        text = malloc(size + 1);
        if (!text)
                return 0;
        memcpy(text, data, size);
        text[size] = 0;
        if (profile_parse(text, size, &p, &err) < 0)
                return 0;
        if (profile_to_json_string(p, &again) < 0 || profile_parse(again, strlen(again), &q, &err) < 0 ||
            profile_to_json_string(q, &third) < 0 || strcmp(again, third) != 0)
                abort();
        memset(&err, 0, sizeof(err));
        if (profile_filter_compile(p, &f, &err) < 0 && !err.message[0])
                abort(); /* refused without saying why */
        return 0;
}
