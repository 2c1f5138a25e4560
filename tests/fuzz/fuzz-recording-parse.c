/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Recording files come from other machines and users: any bytes must give a
 * recording or an error, never a crash, a leak or undefined behaviour. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sysrec/recording.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
        _cleanup_(recording_freep) struct recording *r = NULL;
        _cleanup_free_ char *text = NULL, *again = NULL;
        struct parse_error err = {};

        text = malloc(size + 1);
        if (!text)
                return 0;
        memcpy(text, data, size);
        text[size] = 0;
        if (recording_parse(text, size, &r, &err) < 0)
                return 0;
        /* What parses must also write back. */
        if (recording_to_json_string(r, &again) < 0)
                abort();
        return 0;
}
