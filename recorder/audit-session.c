/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* A fresh audit session, so that `sysrec audit -- COMMAND` keeps the records of the
 * command and its descendants (they inherit ses=) and drops those of every other
 * process that logs at the same time. Writing /proc/self/loginuid gives a new session
 * id; it needs CAP_AUDIT_CONTROL and is refused when loginuid is immutable. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sysrec/audit-source.h"
#include "sysrec/parse-number.h"

#define LOGINUID_UNSET 4294967295U

static int read_u32(const char *path, uint32_t *ret) {
        _cleanup_fclose_ FILE *f = fopen(path, "re");
        char line[32];
        size_t n;

        if (!f)
                return negative_errno();
        if (!fgets(line, sizeof(line), f))
                return -EIO;
        n = strcspn(line, "\n");
        line[n] = 0;
        return parse_uint32(line, ret);
}

int audit_session_new(uint32_t *ret_session) {
        _cleanup_close_ int fd = -1;
        uint32_t uid;
        char text[16];
        int r, n;

        if ((r = read_u32("/proc/self/loginuid", &uid)) < 0)
                return r;
        if (uid == LOGINUID_UNSET) /* writing "unset" would not start a session */
                uid = getuid();
        fd = open("/proc/self/loginuid", O_WRONLY | O_CLOEXEC);
        if (fd < 0)
                return negative_errno();
        n = snprintf(text, sizeof(text), "%u", uid);
        if (write(fd, text, n) != n)
                return negative_errno();
        return read_u32("/proc/self/sessionid", ret_session);
}
