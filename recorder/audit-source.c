/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Text sources: files, stdin, and pipes, read in large chunks and split into lines
 * here, so that the parser sees each line once and nothing is copied per line. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audit-source-internal.h"

#define AUDIT_FILE_CHUNK (1U << 20)

/* Followed, a FIFO is read through a read-write descriptor of its own: sysrec then
 * counts as a writer, so a writer that closes is no end of file (which epoll would
 * report as EPOLLHUP at every wait, a busy loop) and the next writer is read on.
 * Reopened through /proc/self/fd, the FIFO already open, not the path again. A user
 * who may only read it gets it read on a tick instead, as a regular file is. */
static int follow_fifo(int *fd, bool *ret_pollable) {
        char path[64];
        int rw;

        snprintf(path, sizeof(path), "/proc/self/fd/%d", *fd);
        rw = open(path, O_RDWR | O_NONBLOCK | O_CLOEXEC);
        if (rw < 0 && errno != EACCES)
                return negative_errno();
        if (rw < 0) {
                *ret_pollable = false;
                return 0;
        }
        close(*fd);
        *fd = rw;
        return 0;
}

static int open_source(const char *path, bool follow, struct audit_source *ret) {
        _cleanup_close_ int fd = -1;
        bool pollable;
        struct stat st;
        int r;

        /* Non-blocking when followed: a FIFO's open would wait for a writer, and its
         * reads would never see an end of file; the reader stops at EAGAIN. */
        if (strcmp(path, "-") == 0)
                fd = fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 3);
        else
                fd = open(path, O_RDONLY | O_CLOEXEC | (follow ? O_NONBLOCK : 0));
        if (fd < 0 || fstat(fd, &st) < 0)
                return negative_errno();
        if (S_ISDIR(st.st_mode))
                return -EISDIR;
        pollable = !S_ISREG(st.st_mode);
        if (follow && S_ISFIFO(st.st_mode) && (r = follow_fifo(&fd, &pollable)) < 0)
                return r;
        *ret = (struct audit_source){ .kind = AUDIT_SOURCE_FILE,
                                      .name = strcmp(path, "-") == 0 ? "stdin" : path,
                                      .pollable = pollable,
                                      .size = AUDIT_FILE_CHUNK };
        ret->buf = malloc(ret->size);
        if (!ret->buf)
                return -ENOMEM;
        ret->fd = TAKE_FD(fd);
        return 0;
}

int audit_source_open_file(const char *path, struct audit_source *ret) {
        return open_source(path, false, ret);
}

int audit_source_open_follow(const char *path, struct audit_source *ret) {
        return open_source(path, true, ret);
}

void audit_source_done(struct audit_source *s) {
        closep(&s->fd);
        s->fd = -1;
        free(s->buf);
        s->buf = NULL;
}

/* Feeds the complete lines of buf and keeps the partial last one at its start. */
static int feed_lines(struct audit_source *s, struct audit_collector *c) {
        char *p = s->buf, *end = s->buf + s->used, *nl;
        int r;

        while ((nl = memchr(p, '\n', end - p))) {
                if ((r = audit_collector_feed_line(c, p, nl - p, ++s->lineno)) < 0)
                        return r;
                p = nl + 1;
        }
        s->used = end - p;
        memmove(s->buf, p, s->used);
        return 0;
}

/* A line longer than the buffer: the buffer doubles (audit records reach ~9 KiB). */
static int make_room(struct audit_source *s) {
        char *b;

        if (s->used < s->size)
                return 0;
        if (s->size >= (64U << 20))
                return -E2BIG;
        b = realloc(s->buf, s->size * 2);
        if (!b)
                return -ENOMEM;
        s->buf = b;
        s->size *= 2;
        return 0;
}

static int file_read(struct audit_source *s, struct audit_collector *c) {
        ssize_t n;
        int r;

        for (;;) {
                if ((r = make_room(s)) < 0)
                        return r;
                n = read(s->fd, s->buf + s->used, s->size - s->used);
                if (n < 0 && errno == EINTR)
                        continue;
                if (n < 0)
                        return errno == EAGAIN ? 0 : -errno;
                if (n == 0)
                        return s->pollable ? 0 : 1;
                s->used += n;
                if ((r = feed_lines(s, c)) < 0)
                        return r;
        }
}

int audit_source_flush(struct audit_source *s, struct audit_collector *c) {
        int r = 0;

        if (s->kind == AUDIT_SOURCE_FILE && s->used > 0)
                r = audit_collector_feed_line(c, s->buf, s->used, ++s->lineno);
        s->used = 0;
        return r;
}

int audit_source_read(struct audit_source *s, struct audit_collector *c) {
        c->source = s->name;
        switch (s->kind) {
        case AUDIT_SOURCE_KMSG:
                return audit_source_kmsg_read(s, c);
        case AUDIT_SOURCE_NETLINK:
                return audit_source_netlink_read(s, c);
        default:
                return file_read(s, c);
        }
}
