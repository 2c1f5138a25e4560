/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* From a container id to the pid of its init process, through the state files of
 * the OCI runtimes themselves: nothing to ask a daemon, and no runtime binary run. */
#include <errno.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sysrec/atomic-file.h"
#include "sysrec/container.h"
#include "sysrec/json-util.h"
#include "sysrec/macro.h"
#include "sysrec/process-tree.h"

struct runtime_state {
        const char *root_env, *root, *file, *pid_key, *start_key;
};

static const struct runtime_state runtimes[] = {
        { "SYSREC_CRUN_ROOT", "/run/crun", "status", "pid", "process-start-time" },
        { "SYSREC_RUNC_ROOT", "/run/runc", "state.json", "init_process_pid", "init_process_start" },
};

/* The runtime keeps the init's start time: a pid reused since is not the container. */
static bool same_process(json_object *state, const char *start_key, pid_t pid) {
        json_object *start;
        uint64_t now;

        if (!json_object_object_get_ex(state, start_key, &start) || !json_object_is_type(start, json_type_int))
                return true; /* not kept: trust the pid */
        return process_start_time(pid, &now) >= 0 && now == (uint64_t) json_object_get_int64(start);
}

/* 0 and the pid, -ENOENT when this runtime has no such container. */
static int runtime_init_pid(const struct runtime_state *rt, const char *id, pid_t *ret) {
        _cleanup_(json_object_putp) json_object *state = NULL;
        const char *root = getenv(rt->root_env) ?: rt->root;
        _cleanup_free_ char *text = NULL;
        json_object *pid;
        char path[4096];
        size_t size;
        int64_t v;
        int r;

        if ((size_t) snprintf(path, sizeof(path), "%s/%s/%s", root, id, rt->file) >= sizeof(path))
                return -ENAMETOOLONG;
        r = read_full_file(path, &text, &size);
        if (r < 0)
                return r == -ENOENT || r == -ENOTDIR ? -ENOENT : -EBADMSG; /* no such container here */
        if (json_parse_strict(text, size, &state, NULL) < 0)
                return -EBADMSG;
        if (!json_object_object_get_ex(state, rt->pid_key, &pid) || !json_object_is_type(pid, json_type_int))
                return -EBADMSG;
        v = json_object_get_int64(pid);
        if (v <= 0 || v > INT32_MAX)
                return -ESRCH; /* created but not started, or stopped */
        if (!same_process(state, rt->start_key, (pid_t) v))
                return -ESRCH;
        *ret = (pid_t) v;
        return 0;
}

int container_init_pid(const char *id, pid_t *ret) {
        /* ids are names, never paths: "../x" would leave the state directory */
        if (!*id || strchr(id, '/') || strcmp(id, ".") == 0 || strcmp(id, "..") == 0)
                return -EINVAL;
        for (size_t i = 0; i < ELEMENTSOF(runtimes); i++) {
                int r = runtime_init_pid(&runtimes[i], id, ret);
                if (r != -ENOENT)
                        return r;
        }
        return -ENOENT;
}
