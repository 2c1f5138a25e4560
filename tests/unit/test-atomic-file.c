/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <dirent.h>
#include <string.h>
#include <sys/stat.h>

#include "sysrec/atomic-file.h"
#include "unit.h"

static char dir[] = "/tmp/sysrec-atomic-XXXXXX";

static size_t count_entries(const char *path) {
        DIR *d = opendir(path);
        size_t n = 0;

        for (struct dirent *de; (de = readdir(d));)
                if (de->d_name[0] != '.' || (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")))
                        n++;
        closedir(d);
        return n;
}

START_TEST(test_write_replace_read) {
        char path[256], *text;
        size_t size;

        ck_assert_ptr_nonnull(mkdtemp(dir));
        snprintf(path, sizeof(path), "%s/out.json", dir);
        ck_assert_int_eq(atomic_file_write(path, "first", 5), 0);
        ck_assert_int_eq(atomic_file_write(path, "second\n", 7), 0);
        ck_assert_int_eq(read_full_file(path, &text, &size), 0);
        ck_assert_str_eq(text, "second\n");
        ck_assert_uint_eq(size, 7);
        free(text);
        ck_assert_uint_eq(count_entries(dir), 1); /* no temporary left */
        unlink(path);
        rmdir(dir);
}
END_TEST

START_TEST(test_device_written_in_place) {
        struct stat st;

        ck_assert_int_eq(atomic_file_write("/dev/null", "x", 1), 0);
        ck_assert_int_eq(stat("/dev/null", &st), 0);
        ck_assert(S_ISCHR(st.st_mode));
}
END_TEST

START_TEST(test_errors) {
        char *text;

        ck_assert_int_eq(atomic_file_write("/nonexistent-dir/x", "x", 1), -ENOENT);
        ck_assert_int_eq(read_full_file("/nonexistent-file", &text, NULL), -ENOENT);
}
END_TEST

Suite *unit_suite(void) {
        Suite *s = suite_create("atomic-file");
        TCase *tc = tcase_create("core");

        tcase_add_test(tc, test_write_replace_read);
        tcase_add_test(tc, test_device_written_in_place);
        tcase_add_test(tc, test_errors);
        suite_add_tcase(s, tc);
        return s;
}
