/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <time.h>

#include "sysrec/epoll-util.h"
#include "sysrec/audit-live.h"
#include "sysrec/signal-forward.h"
#include "sysrec/spin-wait.h"

/* A regular file cannot be polled: it is read again at this interval. */
#define AUDIT_FOLLOW_TICK_MS 200

static uint64_t now_ms(void) {
        return now_nsec() / 1000000;
}

struct live_state {
        struct held_child child;
        bool running, exited, stopping;
        uint64_t deadline;
};

static int begin_stop(struct audit_source *s, struct audit_collector *c, struct live_state *st,
                      const struct audit_live *live) {
        int r;

        st->stopping = true;
        st->deadline = now_ms() + live->drain_ms;
        if (s->kind == AUDIT_SOURCE_FILE)
                return 0;
        r = audit_marker_fire(&c->filter.marker_pid);
        /* without a marker the drain period alone decides */
        return r == -EPERM ? 0 : r;
}

static int handle_signals(int sigfd, struct audit_source *s, struct audit_collector *c, struct live_state *st,
                          struct audit_live *live) {
        bool stop;

        if (st->stopping)
                return signal_forward_read_stop(sigfd), 0;
        if (st->running) {
                signal_forward_dispatch(sigfd, st->child.pid, &st->exited, &live->wait_status, NULL, NULL);
                stop = st->exited;
        } else
                stop = signal_forward_read_stop(sigfd);
        return stop ? begin_stop(s, c, st, live) : 0;
}

static bool drained(const struct audit_source *s, const struct audit_collector *c, struct live_state *st,
                    struct audit_live *live) {
        if (!st->stopping)
                return false;
        if (s->kind != AUDIT_SOURCE_FILE && c->stats.marker_seen)
                return true;
        if (now_ms() < st->deadline)
                return false;
        live->marker_missed = s->kind != AUDIT_SOURCE_FILE;
        return true;
}

static int loop(int ep, int sigfd, struct audit_source *s, struct audit_collector *c, struct live_state *st,
                struct audit_live *live) {
        struct epoll_event ev[4];
        int r, timeout;

        for (;;) {
                timeout = s->pollable ? -1 : AUDIT_FOLLOW_TICK_MS;
                if (st->stopping) {
                        uint64_t left = st->deadline > now_ms() ? st->deadline - now_ms() : 0;
                        timeout = timeout < 0 || (uint64_t) timeout > left ? (int) left : timeout;
                }
                if (epoll_wait(ep, ev, ELEMENTSOF(ev), timeout) < 0 && errno != EINTR)
                        return negative_errno();
                if ((r = audit_source_read(s, c)) < 0)
                        return r;
                if (drained(s, c, st, live))
                        return 0;
                if ((r = handle_signals(sigfd, s, c, st, live)) < 0)
                        return r;
        }
}

static int start_command(struct live_state *st, struct audit_live *live) {
        int r;

        if (!live->path)
                return 0;
        if ((r = process_spawn_held(live->path, live->argv, NULL, 0, &st->child)) < 0)
                return r;
        st->running = true;
        if ((r = process_release(&st->child)) < 0)
                return r;
        return 0;
}

int audit_live_run(struct audit_source *s, struct audit_collector *c, struct audit_live *live) {
        struct live_state st = { .child = { .release_fd = -1, .report_fd = -1 } };
        /* without a command, a signal is the end of the reading: see signal_stop_signalfd */
        _cleanup_close_ int sigfd = live->argv ? signal_forward_signalfd() : signal_stop_signalfd(),
                            ep = epoll_create1(EPOLL_CLOEXEC);
        struct child_report report;
        int r;

        if (sigfd < 0)
                return sigfd;
        if (ep < 0)
                return negative_errno();
        if ((r = epoll_add_readable(ep, sigfd)) < 0 || (s->pollable && (r = epoll_add_readable(ep, s->fd)) < 0))
                return r;
        r = start_command(&st, live);
        if (r >= 0)
                r = loop(ep, sigfd, s, c, &st, live);
        if (st.running && st.exited && process_read_report(&st.child, &report) > 0) {
                live->stage = (enum child_stage) report.stage;
                r = -report.error;
        }
        held_child_done(&st.child);
        if (r >= 0)
                r = audit_source_flush(s, c);
        return r;
}
