/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "generate-arch.h"
#include "output.h"
#include "sysrec/check-tables.h"
#include "sysrec/log.h"
#include "sysrec/profile-retarget.h"

static int add_arch(const char *name, struct generate_arches *ret) {
        uint32_t token;

        if (retarget_arch_from_string(name, &token) < 0)
                return log_error_errno(-EINVAL, "--arch: unknown architecture '%s' (x86_64, aarch64, riscv64, ...)",
                                       name);
        if (!runtime_arch_accepted(token))
                return log_error_errno(-EINVAL, "--arch: runc does not accept architecture '%s'", name);
        for (size_t i = 0; i < ret->n; i++)
                if (ret->tokens[i] == token)
                        return 0;
        if (ret->n >= GENERATE_ARCH_MAX)
                return log_error_errno(-E2BIG, "--arch: at most %d architectures", GENERATE_ARCH_MAX);
        ret->tokens[ret->n++] = token;
        return 0;
}

int generate_arch_parse(const char *list, struct generate_arches *ret) {
        _cleanup_free_ char *copy = strdup(list);
        char *save = NULL;
        int r;

        if (!copy)
                return log_error_errno(-ENOMEM, "Out of memory.");
        ret->n = 0;
        for (char *name = strtok_r(copy, ",", &save); name; name = strtok_r(NULL, ",", &save))
                if ((r = add_arch(name, ret)) < 0)
                        return r;
        if (ret->n == 0)
                return log_error_errno(-EINVAL, "--arch: no architecture given");
        return 0;
}

/* One line per name and replacement, with every target it applies to. */
static void report(const struct retarget_note *notes, size_t n) {
        for (size_t i = 0; i < n;) {
                char arches[512] = "";
                size_t used = 0, j;

                for (j = i; j < n && strcmp(notes[j].from, notes[i].from) == 0 &&
                            strcmp(notes[j].to ?: "", notes[i].to ?: "") == 0;
                     j++) {
                        char name[64] = "?";
                        (void) profile_arch_to_string(notes[j].arch, name, sizeof(name));
                        if (used < sizeof(arches))
                                used += (size_t) snprintf(arches + used, sizeof(arches) - used, "%s%s",
                                                          used ? ", " : "", name);
                }
                if (notes[i].to)
                        log_notice("%s does not exist on %s: allowing %s there instead.", notes[i].from, arches,
                                   notes[i].to);
                else
                        log_warning("%s does not exist on %s and has no counterpart there: left out.", notes[i].from,
                                    arches);
                i = j;
        }
}

int generate_arch_write_profile(const struct recording *rec, const struct profile_build_options *o,
                                const struct generate_arches *arches, const char *path) {
        _cleanup_(profile_freep) struct profile *p = NULL;
        struct retarget_note *notes = NULL;
        size_t n = 0;
        int r;

        if (output_build_profile(rec, o, &p) < 0)
                return -EIO;
        r = profile_retarget(p, arches->tokens, arches->n, &notes, &n);
        if (r >= 0)
                report(notes, n);
        retarget_notes_free(notes, n);
        if (r < 0)
                return log_error_errno(r, "Failed to build the profile: %m");
        return output_write_profile_json(p, path);
}
