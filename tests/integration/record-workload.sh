#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# A program with threads, a fork, an exec and rare syscalls: all must be recorded, and
# it must run under its own profile with the same output while mkdir is refused.
. "$(dirname "$0")/lib.sh"
require_root
plan 17

mix="$WORKLOADS/syscall-mix"
for backend in "bpf" "notify" "ptrace --no-seccomp-stop" "ptrace"; do
        mode=$backend
        "$SYSREC" record -q --backend $backend -o "$TMP/mix.json" --save-recording "$TMP/mix.rec" -- "$mix" >"$TMP/free.out"
        ok $? "$mode: record exits with the workload's status 0"
        missing=""
        for s in clone3 clone getcpu sched_yield execve uname wait4 exit; do
                has_syscall "$TMP/mix.json" "$s" || missing="$missing $s"
        done
        [ -z "$missing" ]
        ok $? "$mode: threads, fork, exec and rare syscalls recorded (missing:${missing:- none})"
        ! has_syscall "$TMP/mix.json" mkdir
        ok $? "$mode: mkdir, never called, is not in the profile"
done

"$SYSREC" run --profile "$TMP/mix.json" -- "$mix" >"$TMP/confined.out"
ok $? "runs under its own profile with exit 0"
cmp -s "$TMP/free.out" "$TMP/confined.out"
ok $? "same output under its own profile"
"$SYSREC" run --profile "$TMP/mix.json" -- "$mix" --try-mkdir "$TMP/newdir" >"$TMP/mkdir.out"
grep -qx "mkdir: Operation not permitted" "$TMP/mkdir.out"
ok $? "mkdir fails with EPERM under the profile ($(tail -1 "$TMP/mkdir.out"))"
[ ! -e "$TMP/newdir" ]
ok $? "the directory was not created"

python3 - "$TMP/mix.rec" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["format"] == "sysrec-recording" and r["version"] == 1, r
assert r["backend"] == "ptrace" and r["complete"] is True
assert r["processes"] >= 2, r["processes"]   # the workload and its forked child
calls = {e["name"]: e for e in r["architectures"]["x86_64"]}
assert calls["getcpu"]["count"] == 3, calls["getcpu"]
assert calls["uname"]["first"]["exe"].endswith("syscall-mix"), calls["uname"]
PY
ok $? "recording has counts, processes and first process"
done_testing
