/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The container state on a hook's stdin comes from whatever runtime runs the hook:
 * any bytes must give a state or an error naming why, never a crash or a leak; what
 * parses has a process and, with the annotation, an absolute output path. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sysrec/oci-state.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
        _cleanup_(oci_state_freep) struct oci_state *s = NULL;
        _cleanup_free_ char *text = NULL;
        struct parse_error err = {};

        text = malloc(size + 1);
        if (!text)
                return 0;
        memcpy(text, data, size);
        text[size] = 0;
        if (oci_state_parse(text, size, &s, &err) < 0) {
                if (!err.message[0] && !err.field[0])
                        abort(); /* refused without saying why */
                return 0;
        }
        if (s->pid <= 0 || !s->id || (s->trace_output && s->trace_output[0] != '/') ||
            (s->trace_input && !s->trace_output))
                abort();
        return 0;
}
