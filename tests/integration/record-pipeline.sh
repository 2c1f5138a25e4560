#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# A sh -c pipeline: every process of it is followed, and it runs under its profile.
. "$(dirname "$0")/lib.sh"
require_root
plan 6

script='seq 1 200 | sort -rn | head -n 3; cat /etc/hostname | wc -c'
sh -c "$script" >"$TMP/free.out"
"$SYSREC" record -q -o "$TMP/pipe.json" --save-recording "$TMP/pipe.rec" -- sh -c "$script" >"$TMP/recorded.out"
ok $? "record of the pipeline exits 0"
cmp -s "$TMP/free.out" "$TMP/recorded.out"
ok $? "output unchanged while recorded"
python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
sys.exit(0 if r["processes"] >= 5 else 1)' "$TMP/pipe.rec"
ok $? "every process of the pipeline followed"
has_syscall "$TMP/pipe.json" pipe2 || has_syscall "$TMP/pipe.json" pipe
ok $? "pipe recorded"
"$SYSREC" run --profile "$TMP/pipe.json" -- sh -c "$script" >"$TMP/confined.out"
cmp -s "$TMP/free.out" "$TMP/confined.out"
ok $? "same output under its own profile"
# in a pipeline, so that dash forks for it as it did while recorded (alone, it would vfork)
LC_ALL=C "$SYSREC" run --profile "$TMP/pipe.json" -- sh -c "$script; mkdir '$TMP/d' | cat" >/dev/null 2>"$TMP/err"
grep -q "Operation not permitted" "$TMP/err" && [ ! -e "$TMP/d" ]
ok $? "mkdir, which the pipeline never made, fails with EPERM: $(cat "$TMP/err")"
done_testing
