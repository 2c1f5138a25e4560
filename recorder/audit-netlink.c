/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The audit netlink multicast group: kauditd copies every record to it whether or not
 * auditd runs, without the printk rate limit. A listener that falls behind gets
 * ENOBUFS once per overrun; how many records were dropped is not told. */
#include <errno.h>
#include <linux/netlink.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "audit-source-internal.h"

/* deep enough for the bursts of a program starting under an audit profile */
#define AUDIT_NETLINK_RCVBUF (32 << 20)
/* MAX_AUDIT_MESSAGE_LENGTH is 8970 */
#define AUDIT_NETLINK_MESSAGE_MAX 16384

/* flags: SOCK_NONBLOCK, or 0 */
static int audit_socket(int flags, int *ret) {
        int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC | flags, NETLINK_AUDIT);

        if (fd < 0)
                return negative_errno();
        *ret = fd;
        return 0;
}

int audit_source_open_netlink(struct audit_source *ret) {
        struct sockaddr_nl sa = { .nl_family = AF_NETLINK, .nl_groups = AUDIT_NLGRP_READLOG };
        int size = AUDIT_NETLINK_RCVBUF, fd, r;

        if ((r = audit_socket(SOCK_NONBLOCK, &fd)) < 0)
                return r;
        /* FORCE passes rmem_max as root; the plain option is the fallback */
        if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size)) < 0)
                (void) setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
        if (bind(fd, (struct sockaddr *) &sa, sizeof(sa)) < 0) {
                r = negative_errno();
                close(fd);
                return r;
        }
        *ret = (struct audit_source){ .kind = AUDIT_SOURCE_NETLINK, .fd = fd, .name = "netlink", .pollable = true };
        return 0;
}

static int netlink_feed(struct audit_collector *c, const struct nlmsghdr *h, size_t n) {
        const char *body = NLMSG_DATA(h);
        size_t size;

        if (!NLMSG_OK(h, n))
                return 0;
        size = h->nlmsg_len - NLMSG_HDRLEN;
        while (size > 0 && (body[size - 1] == 0 || body[size - 1] == '\n'))
                size--;
        return audit_collector_feed_message(c, h->nlmsg_type, body, size);
}

int audit_source_netlink_read(struct audit_source *s, struct audit_collector *c) {
        _Alignas(struct nlmsghdr) char buf[AUDIT_NETLINK_MESSAGE_MAX];
        ssize_t n;
        int r;

        for (;;) {
                n = recv(s->fd, buf, sizeof(buf), 0);
                if (n < 0 && errno == EINTR)
                        continue;
                if (n < 0 && errno == ENOBUFS) {
                        if ((r = recording_add_loss(c->rec, "netlink-overruns", 1)) < 0)
                                return r;
                        continue;
                }
                if (n < 0)
                        return errno == EAGAIN ? 0 : -errno;
                if ((r = netlink_feed(c, (const struct nlmsghdr *) buf, (size_t) n)) < 0)
                        return r;
        }
}

static int status_request(int fd) {
        struct nlmsghdr h = {
                .nlmsg_len = NLMSG_LENGTH(0), .nlmsg_type = AUDIT_GET, .nlmsg_flags = NLM_F_REQUEST, .nlmsg_seq = 1
        };
        struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };

        if (sendto(fd, &h, h.nlmsg_len, 0, (struct sockaddr *) &kernel, sizeof(kernel)) < 0)
                return negative_errno();
        return 0;
}

static int status_reply(int fd, struct audit_status *ret) {
        _Alignas(struct nlmsghdr) char buf[AUDIT_NETLINK_MESSAGE_MAX];
        struct nlmsghdr *h = (struct nlmsghdr *) buf;
        ssize_t n;

        /* the reply is immediate; the socket's receive timeout covers a busy kernel */
        for (;;) {
                n = recv(fd, buf, sizeof(buf), 0);
                if (n < 0)
                        return errno == EAGAIN ? -ETIMEDOUT : negative_errno();
                if (!NLMSG_OK(h, (size_t) n))
                        continue;
                if (h->nlmsg_type == NLMSG_ERROR) {
                        const struct nlmsgerr *e = NLMSG_DATA(h);
                        if (e->error < 0)
                                return e->error;
                        continue;
                }
                if (h->nlmsg_type != AUDIT_GET)
                        continue;
                memset(ret, 0, sizeof(*ret));
                memcpy(ret, NLMSG_DATA(h),
                       (sizeof(*ret) < h->nlmsg_len - NLMSG_HDRLEN ? sizeof(*ret) : h->nlmsg_len - NLMSG_HDRLEN));
                return 0;
        }
}

int audit_status_get(struct audit_status *ret) {
        const struct timeval timeout = { .tv_sec = 1 };
        _cleanup_close_ int fd = -1;
        int r;

        if ((r = audit_socket(0, &fd)) < 0)
                return r;
        if (setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout)) < 0)
                return negative_errno();
        if ((r = status_request(fd)) < 0)
                return r;
        return status_reply(fd, ret);
}
