#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# A real program: ls -l / recorded, then run under its own profile.
. "$(dirname "$0")/lib.sh"
require_root
plan 6

# /tmp's link count and time change as other tests run, and /proc's link count with
# every process started: compare the rest.
stable() { grep -v ' tmp$' "$1" | awk '{ $2 = ""; print }'; }

ls -l / >"$TMP/free.out"
"$SYSREC" record -q -o "$TMP/ls.json" -- ls -l / >"$TMP/recorded.out"
ok $? "record ls -l / exits 0"
diff <(stable "$TMP/free.out") <(stable "$TMP/recorded.out") >&2
ok $? "output unchanged while recorded"
has_syscall "$TMP/ls.json" getdents64
ok $? "getdents64 recorded"
"$SYSREC" run --profile "$TMP/ls.json" -- ls -l / >"$TMP/confined.out"
ok $? "ls -l / runs under its own profile"
diff <(stable "$TMP/free.out") <(stable "$TMP/confined.out") >&2
ok $? "same output under its own profile"
# mkdir, from the same coreutils and libc, needs what ls needs, and mkdir() itself
LC_ALL=C "$SYSREC" run --profile "$TMP/ls.json" -- mkdir "$TMP/d" 2>"$TMP/err"
grep -q "Operation not permitted" "$TMP/err" && [ ! -e "$TMP/d" ]
ok $? "mkdir, which ls never made, fails with EPERM: $(cat "$TMP/err")"
done_testing
