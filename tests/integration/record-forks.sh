#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# 200 short-lived children, threads, and a grandchild reparented to init that runs
# after the target has exited: every backend records each of them, and the same set.
. "$(dirname "$0")/lib.sh"
require_root
plan 12

for backend in ptrace notify bpf; do
        "$SYSREC" record -q --backend "$backend" -o "$TMP/$backend.json" --save-recording "$TMP/$backend.rec" \
                -- "$WORKLOADS/fork-storm" >/dev/null
        ok $? "$backend: record succeeds"
        missing=""
        for s in getpriority sched_getparam getsid; do
                has_syscall "$TMP/$backend.json" "$s" || missing="$missing $s"
        done
        [ -z "$missing" ]
        ok $? "$backend: children, threads and the reparented grandchild recorded (missing:${missing:- none})"
done
python3 - "$TMP/ptrace.rec" "$TMP/bpf.rec" <<'PY' >&2
import json, sys
for path in sys.argv[1:]:
    r = json.load(open(path))
    calls = {e["name"]: e["count"] for e in r["architectures"]["x86_64"]}
    assert calls["getpriority"] == 200, (path, calls["getpriority"])
    assert r["processes"] >= 202, (path, r["processes"])
PY
ok $? "ptrace and bpf count 200 getpriority calls and every process"
# On a mismatch, the difference goes to the log, to tell a real one from a race.
diff "$TMP/ptrace.json" "$TMP/bpf.json" >&2
ok $? "bpf and ptrace give the same profile"
diff "$TMP/ptrace.json" "$TMP/notify.json" >&2
ok $? "notify and ptrace give the same profile"
# Every tgid above the array's single slot: the kernel side looks them up in the hash.
SYSREC_BPF_TGID_SLOTS=1 "$SYSREC" record -q --backend bpf -o "$TMP/hash.json" -- "$WORKLOADS/fork-storm" >/dev/null
ok $? "bpf with followed tgids in the hash only: record succeeds"
diff "$TMP/ptrace.json" "$TMP/hash.json" >&2
ok $? "and gives the same profile"
SYSREC_BPF_TGID_SLOTS=1 "$SYSREC" record -q --backend bpf -o "$TMP/hash-raw.json" -- "$WORKLOADS/raw-getppid"
[ "$(allowed_names "$TMP/hash-raw.json" | tr '\n' ' ')" = "execve exit_group getppid " ]
ok $? "and records exactly execve exit_group getppid"
done_testing
