/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The main() every unit test program shares: runs the file's unit_suite(). With
 * CK_TAP_LOG_FILE_NAME=- (set by meson) the results are TAP on stdout. */
#include <check.h>
#include <stdlib.h>

#include "unit.h"

int main(void) {
        SRunner *runner = srunner_create(unit_suite());
        int failed;

        srunner_run_all(runner, CK_ENV);
        failed = srunner_ntests_failed(runner);
        srunner_free(runner);
        return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
