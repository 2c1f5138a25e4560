/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* /dev/kmsg: one message per read(), "PRIORITY,SEQUENCE,MICROSECONDS,FLAGS;TEXT"
 * then dictionary lines. A reader that falls behind gets EPIPE and then the oldest
 * message still kept: the jump in the sequence numbers is what it lost. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "audit-source-internal.h"

/* printk caps a message at 1 KiB; the dictionary lines come after it */
#define KMSG_RECORD_MAX 8192

int audit_source_open_kmsg(struct audit_source *ret) {
        int fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);

        if (fd < 0)
                return negative_errno();
        if (lseek(fd, 0, SEEK_END) < 0) {
                int r = negative_errno();
                close(fd);
                return r;
        }
        *ret = (struct audit_source){ .kind = AUDIT_SOURCE_KMSG, .fd = fd, .name = "/dev/kmsg", .pollable = true };
        return 0;
}

/* Counts messages overwritten since the last one read. */
static int note_sequence(struct audit_source *s, struct audit_collector *c, const char *msg, size_t n) {
        const char *comma = memchr(msg, ',', n);
        uint64_t seq = 0;
        int r = 0;

        if (!comma)
                return 0;
        for (const char *p = comma + 1; p < msg + n && *p >= '0' && *p <= '9'; p++)
                seq = seq * 10 + (uint64_t) (*p - '0');
        if (s->kmsg_next_seq != 0 && seq > s->kmsg_next_seq)
                r = recording_add_loss(c->rec, "kmsg-overwritten", seq - s->kmsg_next_seq);
        s->kmsg_next_seq = seq + 1;
        return r;
}

static int kmsg_feed(struct audit_source *s, struct audit_collector *c, const char *msg, size_t n) {
        const char *text = memchr(msg, ';', n), *end;
        int r;

        if (!text)
                return 0;
        if ((r = note_sequence(s, c, msg, text - msg)) < 0)
                return r;
        text++;
        end = memchr(text, '\n', msg + n - text) ?: msg + n;
        return audit_collector_feed_line(c, text, end - text, ++s->lineno);
}

int audit_source_kmsg_read(struct audit_source *s, struct audit_collector *c) {
        char msg[KMSG_RECORD_MAX];
        ssize_t n;
        int r;

        for (;;) {
                n = read(s->fd, msg, sizeof(msg));
                if (n < 0 && (errno == EINTR || errno == EPIPE))
                        continue; /* EPIPE: overwritten; the sequence jump counts them */
                if (n < 0)
                        return errno == EAGAIN ? 0 : -errno;
                if (n == 0)
                        return 0;
                if ((r = kmsg_feed(s, c, msg, (size_t) n)) < 0)
                        return r;
        }
}
