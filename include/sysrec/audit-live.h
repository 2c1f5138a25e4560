/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stdbool.h>

#include "sysrec/audit-source.h"
#include "sysrec/process.h"

/* Reading a live source (kmsg, netlink, or a file followed as it grows) until it is
 * time to stop: when the command exits, when there is one (the command is started
 * after the source is open, so none of its records is missed), or at the first
 * SIGINT, SIGTERM or SIGHUP otherwise. kmsg and netlink are then read up to a marker
 * record made after the stop (audit_marker_fire()), or for drain_ms when the marker
 * does not come (kmsg's rate limit can drop it); a file is read for drain_ms more,
 * since auditd writes behind the kernel. */
struct audit_live {
        const char *path;       /* the command's executable, or NULL for none */
        char *const *argv;      /* the command */
        unsigned drain_ms;      /* how long to wait for the rest after the stop */
        bool marker_missed;     /* out: the marker did not come in drain_ms */
        int wait_status;        /* out: the command's */
        enum child_stage stage; /* out: where the command failed before it ran */
};

int audit_live_run(struct audit_source *s, struct audit_collector *c, struct audit_live *live);
