/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The bpf backend on processes that already run: nothing of theirs is stopped. The
 * followed map is seeded with PID (and its descendants), or the kernel side matches
 * a mount namespace; one epoll loop over the ring buffer, a signalfd and a pidfd
 * ends at a signal, the deadline, or the target's exit. */
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <sys/epoll.h>
#include <sys/pidfd.h>
#include <unistd.h>

#include "bpf-internal.h"
#include "sysrec/epoll-util.h"
#include "sysrec/cgroup.h"
#include "sysrec/macro.h"
#include "sysrec/process-tree.h"
#include "sysrec/signal-forward.h"
#include "sysrec/spin-wait.h"

/* Follows pid unless the kernel side already does (a child of a seeded process).
 * One that exited before it was put in the map would stay there for ever, its exit
 * having passed: taken out again. */
static int seed_one(struct bpf_run *run, pid_t pid, uint32_t state) {
        int r;

        if (bpf_recorder_is_followed(run->b, pid))
                return 0;
        if ((r = bpf_recorder_follow(run->b, pid, state)) < 0)
                return r;
        if (process_task_exited(pid))
                return bpf_recorder_unfollow(run->b, pid);
        run->seeded++;
        return 0;
}

static int seed_tree(struct bpf_run *run, const struct attach_options *o) {
        uint32_t state = o->from_exec ? SYSREC_TGID_HELD : SYSREC_TGID_RECORDING;
        struct pid_set tree = {}, seeded = {};
        int r;

        if ((r = seed_one(run, o->pid, state)) < 0)
                return r;
        /* Seeded parents are followed by the kernel from now on; a child forked by one
         * not yet seeded shows in the next pass. The set is sorted, so what a pass
         * adds can land anywhere in it. */
        while (o->descendants && r >= 0 && (r = process_tree_add_children(o->pid, &tree)) > 0)
                for (size_t i = 0; i < tree.n && r >= 0; i++)
                        if (!pid_set_contains(&seeded, tree.pids[i]) && (r = pid_set_add(&seeded, tree.pids[i])) >= 0)
                                r = seed_one(run, tree.pids[i], state);
        pid_set_done(&tree);
        pid_set_done(&seeded);
        return r < 0 ? r : 0;
}

/* Whether what is followed has gone: by namespace, PID has exited (its pidfd has
 * read); by cgroup, nothing runs in it any more; as a tree, the kernel side follows
 * nothing any more. Exits send no event: checked every 100 ms. */
static bool target_gone(struct bpf_run *run, const struct attach_options *o, bool pid_exited) {
        if (o->cgroup) {
                int r = cgroup_populated(o->cgroup);
                return r == 0 || r == -ENOENT || r == -ENODEV; /* emptied, or removed (systemd does) */
        }
        if (run->b->skel->rodata->target_mntns != 0)
                return pid_exited;
        return bpf_run_tgids_empty(run);
}

/* Returns 1 when the target is gone, 0 at a signal or the deadline. */
static int attach_loop(struct bpf_run *run, const struct attach_options *o, struct ring_buffer *rb, int sigfd,
                       int pidfd, uint64_t deadline) {
        _cleanup_close_ int ep = epoll_create1(EPOLL_CLOEXEC);
        int r;

        if (ep < 0)
                return -errno;
        /* the pidfd only tells the end by namespace: it stays readable once PID exits */
        if ((r = epoll_add_readable(ep, sigfd)) < 0 || (r = epoll_add_readable(ep, ring_buffer__epoll_fd(rb))) < 0 ||
            (run->b->skel->rodata->target_mntns != 0 && (r = epoll_add_readable(ep, pidfd)) < 0))
                return r;
        for (;;) {
                struct epoll_event events[3];
                int n = epoll_wait(ep, events, ELEMENTSOF(events), 100);
                bool pid_exited = false;

                if (n < 0 && errno != EINTR)
                        return -errno;
                if ((r = ring_buffer__consume(rb)) < 0)
                        return r;
                for (int i = 0; i < n; i++)
                        pid_exited |= events[i].data.fd == pidfd;
                if (target_gone(run, o, pid_exited))
                        return 1;
                if (signal_forward_read_stop(sigfd) || (deadline && now_nsec() >= deadline))
                        return 0;
        }
}

int bpf_recorder_attach(struct bpf_recorder *b, const struct attach_options *o, struct syscall_set *set,
                        struct record_stats *stats, bool *ret_exited) {
        struct bpf_run run = { .b = b, .set = set, .stats = stats };
        uint64_t deadline = o->duration_nsec ? now_nsec() + o->duration_nsec : 0;
        _cleanup_close_ int sigfd = -1, pidfd = -1;
        struct ring_buffer *rb = NULL;
        int r;

        /* opened before seeding, so that a target exiting meanwhile is noticed */
        if (!o->cgroup && (pidfd = pidfd_open(o->pid, 0)) < 0)
                return -errno;
        if ((sigfd = signal_stop_signalfd()) < 0)
                return sigfd;
        rb = ring_buffer__new(bpf_map__fd(b->skel->maps.firsts), bpf_run_on_first, &run, NULL);
        if (!rb)
                return -errno;
        if (b->skel->rodata->target_mntns == 0 && !o->cgroup)
                r = seed_tree(&run, o);
        else
                r = 0, run.seeded = o->cgroup ? 0 : 1;
        if (r >= 0 && o->on_followed)
                o->on_followed(o->userdata);
        if (r >= 0)
                r = attach_loop(&run, o, rb, sigfd, pidfd, deadline);
        *ret_exited = r == 1;
        if (r >= 0) {
                (void) ring_buffer__consume(rb);
                r = bpf_run_read_counts(&run);
        }
        ring_buffer__free(rb);
        return r;
}
