/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <sys/epoll.h>

#include "sysrec/macro.h"

/* Watches fd for reading, with fd itself as the event's data. */
static inline int epoll_add_readable(int ep, int fd) {
        struct epoll_event ev = { .events = EPOLLIN, .data.fd = fd };

        return epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0 ? negative_errno() : 0;
}
