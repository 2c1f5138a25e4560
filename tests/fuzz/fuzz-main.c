/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Without libFuzzer (-Dfuzzer=false, the default), each fuzz target is linked with
 * this main(), which feeds it every file of the directories or files it is given: the
 * corpus runs as a regression test in every build, sanitizer builds included. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "sysrec/atomic-file.h"
#include "sysrec/macro.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path) {
        _cleanup_free_ char *data = NULL;
        size_t size;
        int r = read_full_file(path, &data, &size);

        if (r < 0) {
                fprintf(stderr, "%s: %s\n", path, strerror(-r));
                return r;
        }
        printf("ok - %s\n", path);
        return LLVMFuzzerTestOneInput((const uint8_t *) data, size);
}

static int run_path(const char *path) {
        struct dirent **entries;
        struct stat st;
        int n, r = 0;

        if (stat(path, &st) < 0) {
                perror(path);
                return -1;
        }
        if (!S_ISDIR(st.st_mode))
                return run_file(path);
        n = scandir(path, &entries, NULL, alphasort);
        if (n < 0) {
                perror(path);
                return -1;
        }
        for (int i = 0; i < n; i++) {
                char sub[4096];

                if (entries[i]->d_name[0] != '.' && r >= 0) {
                        snprintf(sub, sizeof(sub), "%s/%s", path, entries[i]->d_name);
                        r = run_path(sub);
                }
                free(entries[i]);
        }
        free(entries);
        return r;
}

int main(int argc, char *argv[]) {
        for (int i = 1; i < argc; i++)
                if (run_path(argv[i]) < 0)
                        return 1;
        return 0;
}
