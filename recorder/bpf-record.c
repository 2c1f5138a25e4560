/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The eBPF backend's user side: load and attach bpf/sysrec.bpf.c before the target
 * exists, seed the tgids map with the held child, release it, then wait in one epoll
 * loop over the first-sighting ring buffer and a signalfd until the target and
 * every process it started have exited; read the per-CPU counts at the end. */
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bpf-internal.h"
#include "sysrec/epoll-util.h"
#include "sysrec/log.h"
#include "sysrec/macro.h"
#include "sysrec/pid-set.h"
#include "sysrec/process.h"
#include "sysrec/process-signal.h"
#include "sysrec/signal-forward.h"

/* libbpf's own lines would repeat, at length, the one-line error the caller logs
 * (or the reason --backend=auto gives for falling back). */
static int libbpf_print(enum libbpf_print_level level, const char *format, va_list args) {
        (void) level, (void) format, (void) args;
        return 0;
}

/* Entries of the array that answers "is this tgid followed?" for every syscall:
 * pid_max, so that every tgid is there, but at most 1M (8 MiB of kernel memory);
 * larger tgids are looked up in the hash. SYSREC_BPF_TGID_SLOTS sets it, so that
 * tests can send every tgid down the hash path. */
static uint32_t tgid_slots(void) {
        _cleanup_fclose_ FILE *f = NULL;
        const char *forced = getenv("SYSREC_BPF_TGID_SLOTS");
        unsigned long pid_max = 0;

        if (forced && sscanf(forced, "%lu", &pid_max) == 1 && pid_max > 0 && pid_max <= 1048576)
                return (uint32_t) pid_max;
        f = fopen("/proc/sys/kernel/pid_max", "re");
        if (!f || fscanf(f, "%lu", &pid_max) != 1 || pid_max == 0)
                pid_max = 32768;
        return (uint32_t) (pid_max > 1048576 ? 1048576 : pid_max);
}

/* The kernel side keys on thread-group ids of the initial PID namespace, and the
 * pid we seed it with is one of ours: the same only there. */
static bool in_initial_pid_namespace(void) {
        struct stat st;

        return stat("/proc/self/ns/pid", &st) == 0 && st.st_ino == 0xEFFFFFFCU; /* PROC_PID_INIT_INO */
}

int bpf_recorder_new(const struct bpf_recorder_config *config, struct bpf_recorder **ret) {
        bool by_mntns = config && config->mntns, by_cgroup = config && config->cgroup_id;
        struct bpf_recorder *b;
        int r;

        if (!in_initial_pid_namespace())
                return -EXDEV;
        if (by_mntns && by_cgroup) /* one sys_enter program decides */
                return -EINVAL;
        libbpf_set_print(libbpf_print);
        b = calloc(1, sizeof(*b));
        if (!b)
                return -ENOMEM;
        b->skel = sysrec_bpf__open();
        if (!b->skel) {
                r = -errno;
                free(b);
                return r ?: -EIO;
        }
        b->skel->rodata->tgid_slots = tgid_slots();
        b->skel->rodata->target_mntns = by_mntns ? config->mntns : 0;
        b->skel->rodata->target_cgroup = by_cgroup ? config->cgroup_id : 0;
        /* one sys_enter program, the target's kind: see sys_enter_by_tgid */
        bpf_program__set_autoload(b->skel->progs.sys_enter_by_tgid, !by_mntns && !by_cgroup);
        bpf_program__set_autoload(b->skel->progs.sys_enter_by_mntns, by_mntns);
        bpf_program__set_autoload(b->skel->progs.sys_enter_by_cgroup, by_cgroup);
        r = bpf_map__set_max_entries(b->skel->maps.tgid_array, b->skel->rodata->tgid_slots);
        if (r >= 0)
                r = sysrec_bpf__load(b->skel);
        if (r >= 0)
                r = sysrec_bpf__attach(b->skel);
        if (r < 0) {
                bpf_recorder_free(b);
                return r;
        }
        *ret = b;
        return 0;
}

void bpf_recorder_free(struct bpf_recorder *b) {
        if (!b)
                return;
        sysrec_bpf__destroy(b->skel);
        free(b);
}

static void slot_split(uint32_t slot, enum sysrec_arch *ret_arch, uint32_t *ret_nr) {
        __u32 arch;

        sysrec_slot_split(slot, &arch, ret_nr);
        *ret_arch = (enum sysrec_arch) arch;
}

int bpf_run_on_first(void *ctx, void *data, size_t size) {
        struct bpf_run *run = ctx;
        const struct sysrec_first_event *e = data;
        struct syscall_entry *entry;
        enum sysrec_arch arch;
        bool created;
        uint32_t nr;

        if (size < sizeof(*e) || e->slot >= SYSREC_BPF_SLOTS)
                return 0;
        slot_split(e->slot, &arch, &nr);
        if (syscall_set_get(run->set, arch, nr, &entry, &created) < 0)
                return -ENOMEM;
        if (created) {
                /* comm as it was at the call; exe while the process still runs */
                entry->first.pid = (pid_t) e->tid;
                snprintf(entry->first.comm, sizeof(entry->first.comm), "%.*s", SYSREC_BPF_COMM_LEN, e->comm);
                entry->first.exe = process_read_exe((pid_t) e->tid);
        }
        return 0;
}

static uint64_t sum_percpu(int fd, uint32_t key, uint64_t *values, int ncpus) {
        uint64_t sum = 0;

        if (bpf_map_lookup_elem(fd, &key, values) < 0)
                return 0;
        for (int i = 0; i < ncpus; i++)
                sum += values[i];
        return sum;
}

int bpf_run_read_counts(struct bpf_run *run) {
        int ncpus = libbpf_num_possible_cpus(), fd = bpf_map__fd(run->b->skel->maps.counts);
        _cleanup_free_ uint64_t *values = NULL;
        int cfd = bpf_map__fd(run->b->skel->maps.counters);

        if (ncpus <= 0)
                return ncpus < 0 ? ncpus : -EIO;
        values = calloc((size_t) ncpus, sizeof(uint64_t));
        if (!values)
                return -ENOMEM;
        for (uint32_t slot = 0; slot < SYSREC_BPF_SLOTS; slot++) {
                uint64_t count = sum_percpu(fd, slot, values, ncpus);
                struct syscall_entry *entry;
                enum sysrec_arch arch;
                bool created;
                uint32_t nr;

                if (count == 0)
                        continue;
                slot_split(slot, &arch, &nr);
                if (syscall_set_get(run->set, arch, nr, &entry, &created) < 0)
                        return -ENOMEM;
                entry->count += count;
                run->stats->events += count;
        }
        run->stats->lost += sum_percpu(cfd, SYSREC_LOSS_NR_RANGE, values, ncpus);
        run->stats->lost_first += sum_percpu(cfd, SYSREC_LOSS_RINGBUF, values, ncpus);
        run->stats->lost_processes += sum_percpu(cfd, SYSREC_LOSS_TGIDS_FULL, values, ncpus);
        run->stats->processes = run->seeded + sum_percpu(cfd, SYSREC_COUNT_PROCESSES, values, ncpus);
        return 0;
}

bool bpf_run_tgids_empty(struct bpf_run *run) {
        uint32_t key;

        return bpf_map_get_next_key(bpf_map__fd(run->b->skel->maps.tgids), NULL, &key) < 0;
}

static bool tgid_followed(void *userdata, pid_t pid) {
        return bpf_recorder_is_followed(userdata, pid);
}

/* The target has exited: the signal goes to every thread group still followed,
 * listed first, since the kernel side prunes groups from the map as they exit (and
 * before their pids can be reused), which would restart a walk of the map. */
static void run_on_orphan_signal(void *userdata, int signo) {
        struct bpf_run *run = userdata;
        int fd = bpf_map__fd(run->b->skel->maps.tgids);
        struct pid_set groups = {};
        uint32_t key, next;
        bool first = true;

        while (bpf_map_get_next_key(fd, first ? NULL : &key, &next) == 0 && pid_set_add(&groups, (pid_t) next) >= 0) {
                key = next;
                first = false;
        }
        for (size_t i = 0; i < groups.n; i++)
                (void) process_signal_pinned(groups.pids[i], signo, tgid_followed, run->b);
        pid_set_done(&groups);
}

/* Until the target has exited and the kernel side has pruned every process it
 * followed; the 100 ms timeout notices the last exits, which send no event. */
static int run_loop(struct bpf_run *run, struct ring_buffer *rb, int sigfd) {
        _cleanup_close_ int ep = epoll_create1(EPOLL_CLOEXEC);
        int r;

        if (ep < 0)
                return -errno;
        if ((r = epoll_add_readable(ep, sigfd)) < 0 || (r = epoll_add_readable(ep, ring_buffer__epoll_fd(rb))) < 0)
                return r;
        for (;;) {
                struct epoll_event events[2];
                int n = epoll_wait(ep, events, ELEMENTSOF(events), 100);

                if (n < 0 && errno != EINTR)
                        return -errno;
                signal_forward_dispatch(sigfd, run->target, &run->target_exited, &run->target_status,
                                        run_on_orphan_signal, run);
                if ((r = ring_buffer__consume(rb)) < 0)
                        return r;
                if (run->target_exited && bpf_run_tgids_empty(run))
                        return 0;
        }
}

int bpf_recorder_follow(struct bpf_recorder *b, pid_t pid, uint32_t state) {
        uint32_t tgid = (uint32_t) pid;

        if (bpf_map_update_elem(bpf_map__fd(b->skel->maps.tgids), &tgid, &state, BPF_ANY) < 0)
                return -errno;
        if (tgid < b->skel->rodata->tgid_slots &&
            bpf_map_update_elem(bpf_map__fd(b->skel->maps.tgid_array), &tgid, &state, BPF_ANY) < 0)
                return -errno;
        return 0;
}

int bpf_recorder_unfollow(struct bpf_recorder *b, pid_t pid) {
        uint32_t tgid = (uint32_t) pid, zero = 0;

        if (bpf_map_delete_elem(bpf_map__fd(b->skel->maps.tgids), &tgid) < 0 && errno != ENOENT)
                return -errno;
        if (tgid < b->skel->rodata->tgid_slots &&
            bpf_map_update_elem(bpf_map__fd(b->skel->maps.tgid_array), &tgid, &zero, BPF_ANY) < 0)
                return -errno;
        return 0;
}

bool bpf_recorder_is_followed(struct bpf_recorder *b, pid_t pid) {
        uint32_t tgid = (uint32_t) pid, state;

        return bpf_map_lookup_elem(bpf_map__fd(b->skel->maps.tgids), &tgid, &state) == 0;
}

static int seed_and_run(struct bpf_run *run, struct held_child *child, struct ring_buffer *rb, int sigfd) {
        int r;

        if ((r = bpf_recorder_follow(run->b, child->pid, SYSREC_TGID_HELD)) < 0)
                return r;
        run->seeded = 1;
        if ((r = process_release(child)) < 0)
                return r;
        run->released = true;
        return run_loop(run, rb, sigfd);
}

int bpf_recorder_run(struct bpf_recorder *b, char *const *argv, struct syscall_set *set, struct record_stats *stats,
                     int *ret_wait_status) {
        struct held_child child = { .release_fd = -1, .report_fd = -1 };
        struct bpf_run run = { .b = b, .set = set, .stats = stats };
        _cleanup_free_ char *path = NULL;
        _cleanup_close_ int sigfd = -1;
        struct ring_buffer *rb = NULL;
        struct child_report report;
        int r;

        if ((r = process_find_executable(argv[0], &path)) < 0) {
                stats->exec_error = r;
                return r;
        }
        if ((sigfd = signal_forward_signalfd()) < 0)
                return sigfd;
        rb = ring_buffer__new(bpf_map__fd(b->skel->maps.firsts), bpf_run_on_first, &run, NULL);
        if (!rb)
                return -errno;
        if ((r = process_spawn_held(path, argv, NULL, 0, &child)) < 0)
                goto finish;
        run.target = child.pid;
        r = seed_and_run(&run, &child, rb, sigfd);
        if (r < 0 && !run.released)
                kill(child.pid, SIGKILL); /* held: nothing of the command ran */
        if (!run.target_exited && waitpid(child.pid, &run.target_status, 0) == child.pid)
                run.target_exited = true;
        if (process_read_report(&child, &report) > 0) {
                stats->exec_error = -report.error;
                r = -report.error;
        }
        if (r >= 0) {
                (void) ring_buffer__consume(rb);
                r = bpf_run_read_counts(&run);
        }
        *ret_wait_status = run.target_status;
finish:
        held_child_done(&child);
        ring_buffer__free(rb);
        return r;
}
