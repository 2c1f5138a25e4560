#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Where and how record writes: stdout, device files in place, atomic replacement,
# options that shape the profile, and usage errors.
. "$(dirname "$0")/lib.sh"
require_root
plan 13

raw="$WORKLOADS/raw-getppid"
"$SYSREC" record -q -o - -- "$raw" >"$TMP/stdout.json"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$TMP/stdout.json"
ok $? "-o - writes the profile to stdout"

"$SYSREC" record -q -o /dev/null -- "$raw"
[ -c /dev/null ]
ok $? "-o /dev/null writes in place and leaves the device node"

echo old >"$TMP/p.json"
ln -s p.json "$TMP/link.json"
"$SYSREC" record -q -o "$TMP/p.json" -- "$raw"
has_syscall "$TMP/p.json" getppid
ok $? "an existing file is replaced with the profile"
[ -z "$(find "$TMP" -name '.#*')" ]
ok $? "no temporary file left behind"

"$SYSREC" record -q -o "$TMP/missing-dir/p.json" -- "$raw" 2>"$TMP/err"
ok $(( $? != 1 )) "unwritable output: exit 1"
grep -q "missing-dir/p.json" "$TMP/err"
ok $? "the error names the file"

"$SYSREC" record -q -- "$raw" 2>/dev/null
ok $(( $? != 2 )) "nothing to write: usage error, exit 2"
"$SYSREC" record -q --default-action kill -o - -- "$raw" 2>"$TMP/err" >/dev/null
ok $(( $? != 2 )) "--default-action kill refused with exit 2"
grep -q "calling thread" "$TMP/err"
ok $? "and the reason is given"

"$SYSREC" record -q --default-action kill_process -o "$TMP/k.json" -- "$raw"
python3 -c '
import json, sys
p = json.load(open(sys.argv[1]))
assert p["defaultAction"] == "SCMP_ACT_KILL_PROCESS" and "defaultErrnoRet" not in p, p
assert {"names": ["clone3"], "action": "SCMP_ACT_ERRNO", "errnoRet": 38} in p["syscalls"], p' "$TMP/k.json"
ok $? "--default-action kill_process, clone3 still ENOSYS"

"$SYSREC" record -q --errno EACCES -o "$TMP/e.json" -- "$raw"
python3 -c 'import json,sys; sys.exit(json.load(open(sys.argv[1]))["defaultErrnoRet"] != 13)' "$TMP/e.json"
ok $? "--errno EACCES sets defaultErrnoRet 13"

"$SYSREC" record -c -o /dev/null -- "$raw" 2>"$TMP/table"
grep -q "getppid" "$TMP/table" && grep -q "3 syscalls from 1 process" "$TMP/table"
ok $? "-c prints the table and the summary on stderr"

"$SYSREC" record -q --bogus -- "$raw" 2>/dev/null
ok $(( $? != 2 )) "unknown option: exit 2"
done_testing
