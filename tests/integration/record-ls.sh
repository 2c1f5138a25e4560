#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# A real program: ls -l / recorded, then run under its own profile.
. "$(dirname "$0")/lib.sh"
require_root
plan 5

ls -l / >"$TMP/free.out"
"$SYSREC" record -q -o "$TMP/ls.json" -- ls -l / >"$TMP/recorded.out"
ok $? "record ls -l / exits 0"
cmp -s "$TMP/free.out" "$TMP/recorded.out"
ok $? "output unchanged while recorded"
has_syscall "$TMP/ls.json" getdents64
ok $? "getdents64 recorded"
"$SYSREC" run --profile "$TMP/ls.json" -- ls -l / >"$TMP/confined.out"
ok $? "ls -l / runs under its own profile"
cmp -s "$TMP/free.out" "$TMP/confined.out"
ok $? "same output under its own profile"
done_testing
