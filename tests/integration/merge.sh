#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# sysrec merge: recordings and profiles united, least permissive on conflict,
# deterministic bytes, --coverage.
. "$(dirname "$0")/lib.sh"
require_root
D=$SYSREC_TEST_DATA
plan 15

"$SYSREC" record -q --backend ptrace --save-recording "$TMP/mix.rec" -o "$TMP/mix.json" -- "$WORKLOADS/syscall-mix" >/dev/null
"$SYSREC" record -q --backend ptrace --save-recording "$TMP/ppid.rec" -o "$TMP/ppid.json" -- "$WORKLOADS/raw-getppid"
"$SYSREC" generate -o "$TMP/gen.json" "$TMP/mix.rec" "$TMP/ppid.rec"

"$SYSREC" merge -o "$TMP/m.json" "$TMP/mix.rec" "$TMP/ppid.rec"
ok $? "two recordings: exit 0"
cmp -s "$TMP/m.json" "$TMP/gen.json"
ok $? "the same bytes as generate from the same recordings"
# raw-getppid made no clone3, so its profile denies it with ENOSYS: that wins
"$SYSREC" merge -o "$TMP/mp.json" "$TMP/mix.json" "$TMP/ppid.json" 2>"$TMP/err"
python3 - "$TMP/mp.json" "$TMP/gen.json" <<'PY'
import json, sys
m, g = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
g["syscalls"][0]["names"].remove("clone3")
g["syscalls"].append({"names": ["clone3"], "action": "SCMP_ACT_ERRNO", "errnoRet": 38})
sys.exit(0 if m == g else 1)
PY
ok $? "their two profiles: the union, but clone3 denied with ENOSYS as one of them does"
grep -q "clone3: inputs disagree: SCMP_ACT_ERRNO(38) and SCMP_ACT_ALLOW" "$TMP/err"
ok $? "and a warning says so"
"$SYSREC" merge "$TMP/ppid.rec" "$TMP/mix.json" -o - >"$TMP/stdout.json"
cmp -s "$TMP/stdout.json" "$TMP/gen.json"
ok $? "a recording and a profile, to stdout: the same bytes as generate"
"$SYSREC" merge -o "$TMP/ab.json" "$D/merge-a.json" "$D/merge-b.json" 2>"$TMP/err"
ok $? "fixture profiles with conflicts: exit 0"
grep -q "ptrace: inputs disagree: SCMP_ACT_ERRNO(1) and SCMP_ACT_ALLOW; kept SCMP_ACT_ERRNO(1)" "$TMP/err"
ok $? "one warning names the syscall and both actions ($(grep ptrace "$TMP/err"))"
python3 - "$TMP/ab.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
rules = p["syscalls"]
def actions(name): return [(r["action"], len(r.get("args", []))) for r in rules if name in r["names"]]
ok = (p["defaultAction"] == "SCMP_ACT_KILL_PROCESS"
      and p["architectures"] == ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_AARCH64"]
      and actions("ptrace") == [("SCMP_ACT_ERRNO", 0)]
      and actions("socket") == [("SCMP_ACT_ALLOW", 0)]
      and sorted(actions("mkdir")) == [("SCMP_ACT_ALLOW", 1), ("SCMP_ACT_ALLOW", 1)])
sys.exit(0 if ok else 1)
PY
ok $? "least permissive default and action, architectures united, conditional rules kept apart"
"$SYSREC" merge "$D/merge-b.json" "$D/merge-a.json" 2>/dev/null | cmp -s - "$TMP/ab.json"
ok $? "input order does not change a byte"
"$SYSREC" check "$TMP/ab.json" >/dev/null
ok $? "the merged profile passes check"
"$SYSREC" merge -o "$TMP/shadow.json" "$D/merge-shadow.json" "$D/merge-conditional-deny.json" 2>"$TMP/err"
status=$?
[ "$status" = 0 ] && grep -q "merged profile, syscalls\[1\].names\[0\]: this SCMP_ACT_ERRNO rule for mkdir never applies" "$TMP/err" &&
        ! grep -q "never applies" <("$SYSREC" merge -o /dev/null "$D/merge-a.json" "$D/merge-b.json" 2>&1)
ok $? "allow mkdir merged with deny mkdir when mode is 0700: a warning names the rule that never applies (status $status)"

"$SYSREC" merge -o /dev/null --coverage "$TMP/cov.rec" "$TMP/mix.rec" "$TMP/mix.json" "$TMP/ppid.rec"
python3 - "$TMP/cov.rec" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
count = {e["name"]: e["count"] for e in r["architectures"]["x86_64"]}
ok = r["format"] == "sysrec-recording" and count["getcpu"] == 2 and count["getppid"] == 1 and count["exit_group"] == 3
sys.exit(0 if ok else 1)
PY
ok $? "--coverage: per syscall, the number of inputs that had it"
"$SYSREC" generate -o /dev/null "$TMP/cov.rec"
ok $? "the coverage file is a recording generate reads"

"$SYSREC" merge -o "$TMP/x.json" "$TMP/mix.rec" "$D/check-broken/bad-op.json" 2>"$TMP/err"
ok $(( $? != 1 )) "a broken input: exit 1"
grep -q "bad-op.json: syscalls\[0\].args\[0\].op" "$TMP/err" && [ ! -e "$TMP/x.json" ]
ok $? "names the file and field, writes nothing ($(cat "$TMP/err"))"
done_testing
