# SPDX-License-Identifier: LGPL-2.1-or-later
# TAP helpers sourced by every integration script. meson sets SYSREC (the binary),
# WORKLOADS (the test programs' directory) and SYSREC_TEST_DATA.
set -u

: "${SYSREC:?SYSREC must name the sysrec binary}"
: "${WORKLOADS:?WORKLOADS must name the workloads directory}"

# Debian's python3, which bootstrap installs: a pyenv shim first in PATH costs about
# 0.6 s a call, enough to upset tests that check a process is still running.
if [ -x /usr/bin/python3 ]; then
        python3() { /usr/bin/python3 "$@"; }
fi

TAP_N=0
TAP_FAILED=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/sysrec-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

plan() { echo "1..$1"; }

ok() { # ok CONDITION_STATUS DESCRIPTION
        # A description quoting several lines of output stays one TAP line.
        local description=${2//$'\n'/ | }
        TAP_N=$((TAP_N + 1))
        if [ "$1" -eq 0 ]; then
                echo "ok $TAP_N - $description"
        else
                echo "not ok $TAP_N - $description"
                TAP_FAILED=$((TAP_FAILED + 1))
        fi
}

# check DESCRIPTION COMMAND...: one TAP line for a command's success.
check() {
        local desc=$1
        shift
        "$@"
        ok $? "$desc"
}

# Skip the whole script, unless CI asked for everything (SYSREC_REQUIRE_ALL=1).
skip_all() {
        if [ "${SYSREC_REQUIRE_ALL:-0}" = 1 ]; then
                echo "1..1"
                echo "not ok 1 - required facility missing: $1"
                exit 1
        fi
        echo "1..0 # SKIP $1"
        exit 0
}

# skip_n N REASON: N skipped tests, failed instead when CI asked for everything.
skip_n() {
        local i
        for i in $(seq "$1"); do
                if [ "${SYSREC_REQUIRE_ALL:-0}" = 1 ]; then
                        ok 1 "required facility missing: $2"
                else
                        ok 0 "# SKIP $2"
                fi
        done
}

require_root() {
        [ "$(id -u)" = 0 ] || skip_all "needs root"
}

# gone PID: PID has exited (a zombie counts: its new parent may be slow to reap it).
gone() { [ ! -e "/proc/$1/stat" ] || awk '{ exit !($3 == "Z" || $3 == "X") }' "/proc/$1/stat" 2>/dev/null; }
# wait_gone PID: up to 5 s.
wait_gone() {
        for _ in $(seq 50); do
                gone "$1" && return 0
                sleep 0.1
        done
        return 1
}

# Names of the syscalls in a profile's SCMP_ACT_ALLOW rules, one a line, sorted.
allowed_names() {
        python3 -c '
import json, sys
p = json.load(open(sys.argv[1]))
names = set()
for r in p.get("syscalls", []):
    if r["action"] == "SCMP_ACT_ALLOW":
        names.update(r["names"])
print("\n".join(sorted(names)))' "$1"
}

# has_syscall PROFILE NAME: NAME is allowed by PROFILE.
has_syscall() {
        local names
        names=$(allowed_names "$1") || return 1
        grep -qx "$2" <<<"$names"
}

# wait_for_sleep PARENT: waits (up to 5 s) until PARENT's child runs sleep and is
# inside clock_nanosleep (nr 230), seen twice 0.1 s apart so that a syscall merely
# waiting for a recorder's answer does not count.
wait_for_sleep() {
        local child seen=0
        for _ in $(seq 50); do
                child=$(pgrep -P "$1" -x sleep) &&
                        [ "$(cut -d' ' -f1 "/proc/$child/syscall" 2>/dev/null)" = 230 ] &&
                        seen=$((seen + 1)) || seen=0
                [ "$seen" -ge 2 ] && return 0
                sleep 0.1
        done
        return 1
}

# signal_sleeper SIGNAL COMMAND...: starts COMMAND (sysrec running sleep) in the
# background with job control (so SIGINT is not ignored), signals it once sleep is
# asleep, and returns its exit status.
signal_sleeper() {
        local sig=$1 pid
        shift
        set -m
        "$@" &
        pid=$!
        set +m
        wait_for_sleep "$pid"
        kill -"$sig" "$pid"
        wait "$pid"
}

done_testing() {
        [ "$TAP_FAILED" -eq 0 ]
        exit $?
}
