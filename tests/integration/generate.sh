#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# generate: recordings to one profile, deterministic, with errors that name the place.
. "$(dirname "$0")/lib.sh"
require_root
plan 9

"$SYSREC" record -q --save-recording "$TMP/a.rec" -o "$TMP/a.json" -- "$WORKLOADS/raw-getppid"
"$SYSREC" record -q --save-recording "$TMP/b.rec" -- sh -c 'mkdir "$1"' sh "$TMP/made"
"$SYSREC" generate -o "$TMP/a2.json" "$TMP/a.rec"
cmp -s "$TMP/a.json" "$TMP/a2.json"
ok $? "generate from the recording gives record's own profile, byte for byte"

"$SYSREC" generate -o "$TMP/ab.json" "$TMP/a.rec" "$TMP/b.rec"
ok $? "generate from two recordings"
has_syscall "$TMP/ab.json" getppid && has_syscall "$TMP/ab.json" mkdir
ok $? "the profile is the union"
"$SYSREC" generate "$TMP/b.rec" "$TMP/a.rec" >"$TMP/ba.json"
cmp -s "$TMP/ab.json" "$TMP/ba.json"
ok $? "order of inputs does not change a byte; stdout by default"

printf '{\n  "format": "sysrec-recording",\n  "version": 1,\n  "architectures": {\n    "x86_64": [ { "nr": 1, "count": } ]\n  }\n}\n' >"$TMP/bad.rec"
"$SYSREC" generate -o /dev/null "$TMP/bad.rec" 2>"$TMP/err"
ok $(( $? != 1 )) "malformed recording: exit 1"
grep -q "bad.rec:5:" "$TMP/err"
ok $? "the error names file and line: $(cat "$TMP/err")"

sed 's/"version": 1/"version": 9/' "$TMP/a.rec" >"$TMP/v9.rec"
"$SYSREC" generate -o /dev/null "$TMP/v9.rec" 2>"$TMP/err"
grep -q "v9.rec: version: format version 9" "$TMP/err"
ok $? "a newer format version is refused by name: $(cat "$TMP/err")"

sed 's/"x86_64"/"sparc"/' "$TMP/a.rec" >"$TMP/arch.rec"
"$SYSREC" generate -o /dev/null "$TMP/arch.rec" 2>"$TMP/err"
grep -q 'architectures.sparc: unknown architecture' "$TMP/err"
ok $? "an unknown architecture names the field: $(cat "$TMP/err")"

"$SYSREC" generate -o /dev/null "$TMP/nope.rec" 2>"$TMP/err"
ok $(( $? != 1 )) "missing file: exit 1 ($(cat "$TMP/err"))"
done_testing
