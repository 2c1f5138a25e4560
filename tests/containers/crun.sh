#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Runs crun where the host's cgroups are hybrid (v1 controllers plus a v2
# 'unified' hierarchy), which crun cannot manage: every crun command runs in a
# private mount namespace without /sys/fs/cgroup/unified, with
# --cgroup-manager=disabled. Container state still lands in the host's /run/crun
# (same tmpfs), so 'crun list' on the host sees these containers.
#
# Source it and call the functions, or run it as a command:
#   crun.sh run ID BUNDLE                  foreground; prints the container's output,
#                                          returns its exit status
#   crun.sh run-detached ID BUNDLE PIDFILE returns once the entrypoint runs; PIDFILE
#                                          gets the init pid (host pid namespace)
#   crun.sh state ID                       crun's state JSON (has "pid")
#   crun.sh kill ID [SIGNAL]
#   crun.sh delete ID                      delete -f: kills and removes, quiet if absent
#   crun.sh exec CMD...                    runs any command (e.g. strace -f crun ...)
#                                          in the same mount namespace
# CRUN names the binary (default: crun); CRUN_FLAGS adds global flags (word-split).

# crun_ns CMD...: runs CMD in a private mount namespace without the cgroup v2
# 'unified' mount of a hybrid host (a no-op where it is absent).
crun_ns() {
        unshare -m --propagation private sh -c '
                if [ -d /sys/fs/cgroup/unified ] && mountpoint -q /sys/fs/cgroup/unified; then
                        umount /sys/fs/cgroup/unified || exit 125
                fi
                exec "$@"' sh "$@"
}

# crun_cmd ARGS...: one crun command, through the wrapper.
crun_cmd() {
        # shellcheck disable=SC2086 # CRUN_FLAGS is a list of flags
        crun_ns "${CRUN:-crun}" --cgroup-manager=disabled ${CRUN_FLAGS:-} "$@"
}

crun_run() { # ID BUNDLE
        crun_cmd run --bundle "$2" "$1"
}

crun_run_detached() { # ID BUNDLE PIDFILE
        crun_cmd run -d --pid-file "$3" --bundle "$2" "$1"
}

crun_state() { # ID
        crun_cmd state "$1"
}

crun_kill() { # ID [SIGNAL]
        crun_cmd kill "$1" "${2:-TERM}"
}

crun_delete() { # ID
        crun_cmd delete -f "$1" 2>/dev/null || [ ! -e "/run/crun/$1" ]
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
        set -eu
        verb=${1:-}
        [ $# -gt 0 ] && shift
        case $verb in
        run) crun_run "$@" ;;
        run-detached) crun_run_detached "$@" ;;
        state) crun_state "$@" ;;
        kill) crun_kill "$@" ;;
        delete) crun_delete "$@" ;;
        exec) crun_ns "$@" ;;
        *)
                echo "usage: $0 run|run-detached|state|kill|delete|exec ..." >&2
                exit 2
                ;;
        esac
fi
