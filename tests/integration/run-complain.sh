#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# sysrec run --complain: finds exactly what a trimmed profile lacks, changes neither
# the output nor the exit status, and --update restores the profile.
. "$(dirname "$0")/lib.sh"
require_root
plan 12

mix="$WORKLOADS/syscall-mix"
"$SYSREC" record -q -o "$TMP/full.json" -- "$mix" >"$TMP/free.out"
python3 - "$TMP/full.json" "$TMP/trimmed.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
rule = p["syscalls"][0]
assert rule["action"] == "SCMP_ACT_ALLOW"
rule["names"] = [n for n in rule["names"] if n not in ("getcpu", "sched_yield", "uname")]
json.dump(p, open(sys.argv[2], "w"), indent=2)
PY

"$SYSREC" run --profile "$TMP/trimmed.json" --complain --update "$TMP/updated.json" -- "$mix" \
        >"$TMP/complain.out" 2>"$TMP/err"
ok $? "complain mode: exit 0"
cmp -s "$TMP/free.out" "$TMP/complain.out"
ok $? "the same output as without a profile"
found=$(grep -o 'would deny [a-z0-9_]*' "$TMP/err" | awk '{ print $3 }' | sort | tr '\n' ' ')
[ "$found" = "getcpu sched_yield uname " ]
ok $? "reports exactly the removed syscalls (got: $found)"
grep -q 'would deny uname (x86_64) to [0-9]* (exe)' "$TMP/err"
ok $? "with the process that made it: $(grep uname "$TMP/err")"
cmp -s "$TMP/full.json" "$TMP/updated.json"
ok $? "--update writes the profile plus what was missing: the full profile again"

"$SYSREC" run --profile "$TMP/full.json" --complain -- "$mix" >"$TMP/again.out" 2>"$TMP/err" # a file, as recorded: /dev/null adds an ioctl
! grep -q "would deny" "$TMP/err" && grep -q "allows every syscall" "$TMP/err"
ok $? "nothing reported for a complete profile"

# Nothing new is enforced: mkdir, which the profile denies, is reported and done.
"$SYSREC" run --profile "$TMP/full.json" --complain -- "$mix" --try-mkdir "$TMP/made" >"$TMP/mkdir.out" 2>"$TMP/err"
grep -q "would deny mkdir" "$TMP/err" && [ -d "$TMP/made" ] && grep -qx "mkdir: created" "$TMP/mkdir.out"
ok $? "a denied mkdir is reported and runs"

"$SYSREC" run --profile "$TMP/full.json" --complain -- sh -c 'exit 4' 2>/dev/null
ok $(( $? != 4 )) "the exit status is passed through"

# A profile asking for SECCOMP_FILTER_FLAG_TSYNC (which the kernel refuses beside a
# listener without TSYNC_ESRCH): complain mode still runs it.
python3 - "$TMP/trimmed.json" "$TMP/tsync.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
p["flags"] = ["SECCOMP_FILTER_FLAG_TSYNC"]
json.dump(p, open(sys.argv[2], "w"))
PY
"$SYSREC" run --profile "$TMP/tsync.json" --complain -- "$mix" >"$TMP/tsync.out" 2>"$TMP/err" &&
        [ "$(grep -c 'would deny' "$TMP/err")" = 3 ]
ok $? "a profile with the TSYNC flag runs in complain mode: $(tail -1 "$TMP/err")"

"$SYSREC" run --profile "$TMP/full.json" --update "$TMP/x.json" -- true 2>/dev/null
ok $(( $? != 2 )) "--update without --complain: usage error"

# Under enforcement the trimmed profile does break the program: what complain found matters.
"$SYSREC" run --profile "$TMP/trimmed.json" -- "$mix" >"$TMP/enforced.out" 2>/dev/null
! cmp -s "$TMP/free.out" "$TMP/enforced.out"
ok $? "enforced, the trimmed profile changes the program's output"

# A command that leaves a process running and exits: SIGTERM to sysrec reaches it
# (sysrec is its subreaper), rather than waiting for it to end.
"$SYSREC" run --profile "$TMP/full.json" --complain -- sh -c "sleep 614 & echo \$! >$TMP/left.pid; echo \$\$ >$TMP/sh.pid" 2>/dev/null &
pid=$!
# until sh has exited and sysrec has reaped it
for _ in $(seq 100); do [ -s "$TMP/sh.pid" ] && [ ! -e "/proc/$(cat "$TMP/sh.pid")" ] && break; sleep 0.05; done
left=$(cat "$TMP/left.pid")
kill -TERM "$pid"
wait_gone "$left"
left_gone=$?
[ "$left_gone" = 0 ] || kill -KILL "$left"
wait "$pid"
status=$?
[ "$left_gone" = 0 ] && [ "$status" = 0 ]
ok $? "complain: SIGTERM after the command exited reaches what it left running (status $status)"
done_testing
