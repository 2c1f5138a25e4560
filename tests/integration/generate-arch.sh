#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# generate --arch: an x86_64 recording made into a profile for several architectures.
. "$(dirname "$0")/lib.sh"
require_root
plan 10

"$SYSREC" record -q --backend ptrace --save-recording "$TMP/mix.rec" -o /dev/null -- "$WORKLOADS/syscall-mix" >/dev/null
"$SYSREC" record -q --backend ptrace --save-recording "$TMP/sh.rec" -o /dev/null -- \
        sh -c 'mkdir "$1" && rmdir "$1" && cat /dev/null' sh "$TMP/dir"

"$SYSREC" generate --arch x86_64,aarch64,riscv64 -o "$TMP/multi.json" "$TMP/mix.rec" "$TMP/sh.rec" 2>"$TMP/err"
ok $? "generate --arch x86_64,aarch64,riscv64: exit 0"
python3 -c '
import json, sys
p = json.load(open(sys.argv[1]))
sys.exit(0 if p["architectures"] == ["SCMP_ARCH_X86_64", "SCMP_ARCH_AARCH64", "SCMP_ARCH_RISCV64"] else 1)' "$TMP/multi.json"
ok $? "architectures are the targets, in order"
has_syscall "$TMP/multi.json" mkdir && has_syscall "$TMP/multi.json" mkdirat && has_syscall "$TMP/multi.json" arch_prctl
ok $? "x86_64 keeps mkdir and arch_prctl; mkdirat stands for mkdir elsewhere"
grep -q "mkdir does not exist on SCMP_ARCH_AARCH64, SCMP_ARCH_RISCV64: allowing mkdirat there instead" "$TMP/err"
ok $? "the mapping is reported ($(grep mkdir "$TMP/err" | head -1))"
[ "$(grep -c 'arch_prctl does not exist' "$TMP/err")" = 1 ]
ok $? "once per syscall, even from two recordings"

"$SYSREC" check --json "$TMP/multi.json" >"$TMP/check.json"
ok $? "check: no errors"
python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))[0]
archs = [f["architecture"] for f in r["filter"]]
warnings = [f for f in r["findings"] if f["severity"] == "warning"]
sys.exit(0 if archs == ["SCMP_ARCH_X86_64", "SCMP_ARCH_AARCH64", "SCMP_ARCH_RISCV64", None] and not warnings else 1)' "$TMP/check.json"
ok $? "compiles for each architecture, and nothing lacks its counterpart ($(head -c 300 "$TMP/check.json"))"

"$SYSREC" generate --arch aarch64 "$TMP/sh.rec" 2>/dev/null >"$TMP/a64.json"
! has_syscall "$TMP/a64.json" mkdir && ! has_syscall "$TMP/a64.json" arch_prctl && has_syscall "$TMP/a64.json" mkdirat
ok $? "aarch64 alone: only aarch64 names"

"$SYSREC" generate --arch x86_64,vax "$TMP/sh.rec" >/dev/null 2>&1
ok $(( $? != 2 )) "an unknown architecture: usage error, exit 2"
# A number with no name cannot be listed on any target: said, as plain generate says it.
python3 - "$TMP/sh.rec" "$TMP/unnamed.rec" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
r["architectures"]["x86_64"].append({"nr": 999, "count": 1, "first": {"pid": 1, "comm": "x", "exe": "/x"}})
json.dump(r, open(sys.argv[2], "w"))
PY
"$SYSREC" generate --arch x86_64,aarch64 -o /dev/null "$TMP/unnamed.rec" 2>"$TMP/err"
[ $? = 0 ] && grep -q "Syscall x86_64 999 .* has no name" "$TMP/err"
ok $? "--arch warns about a number with no name ($(grep 999 "$TMP/err"))"
done_testing
