#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Real kernel records: a workload runs under an SCMP_ACT_LOG profile (sysrec run), and
# sysrec audit reads the records back while running it. Through --netlink the profile
# must equal a ptrace recording of the same program exactly; through --kmsg (rate
# limited without auditd) what arrives must be a subset, and what did not arrive must
# be reported. Works whether or not auditd runs.
. "$(dirname "$0")/lib.sh"
require_root
[ -r /dev/kmsg ] || skip_all "no /dev/kmsg"
grep -qw log /proc/sys/kernel/seccomp/actions_logged 2>/dev/null || skip_all "seccomp does not log SCMP_ACT_LOG"
plan 9

mix="$WORKLOADS/syscall-mix"
"$SYSREC" generate --audit-mode -o "$TMP/log.json"
ok $? "generate --audit-mode"

# The workload's output goes to a file in both runs: /dev/null would add an ioctl.
"$SYSREC" record -q --backend ptrace -o "$TMP/ptrace.json" -- "$mix" >"$TMP/out1"
"$SYSREC" audit --netlink --save-recording "$TMP/nl.rec" -o "$TMP/nl.json" -- \
        "$SYSREC" run --profile "$TMP/log.json" -- "$mix" >"$TMP/out2" 2>"$TMP/nl.err"
ok $? "audit --netlink -- run: exit 0"
diff <(allowed_names "$TMP/ptrace.json") <(allowed_names "$TMP/nl.json") >"$TMP/diff"
ok $? "netlink: exactly the ptrace recording's syscalls $(tr '\n' ' ' <"$TMP/diff")"
grep -q '"complete": true' "$TMP/nl.rec" && grep -q '"backend": "audit"' "$TMP/nl.rec"
ok $? "netlink: the recording is complete"

# Another process logging at the same time is not the command's.
"$SYSREC" run --profile "$TMP/log.json" -- sh -c 'for i in $(seq 30); do uname >/dev/null; sleep 0.05; done' &
noise=$!
"$SYSREC" audit -q --netlink -o "$TMP/raw.json" -- "$SYSREC" run --profile "$TMP/log.json" -- "$WORKLOADS/raw-getppid"
wait $noise
[ "$(allowed_names "$TMP/raw.json" | tr '\n' ' ')" = "execve exit_group getppid " ]
ok $? "netlink -- COMMAND keeps only the command's audit session: $(allowed_names "$TMP/raw.json" | tr '\n' ' ')"

"$SYSREC" audit -q --netlink -o /dev/null -- sh -c 'exit 3'
ok $(($? != 3)) "audit -- COMMAND exits with the command's status"

# kmsg: the printk rate limit allows ~10 lines per 5 s without auditd; wait it out
# and use a workload of three syscalls.
sleep 5.5
"$SYSREC" audit --kmsg --drain 3000 --save-recording "$TMP/km.rec" -o "$TMP/km.json" -- \
        "$SYSREC" run --profile "$TMP/log.json" -- "$WORKLOADS/raw-getppid" 2>"$TMP/km.err"
ok $? "audit --kmsg -- run: exit 0"
got=$(allowed_names "$TMP/km.json" | tr '\n' ' ')
if grep -q "auditd (pid" "$TMP/km.err"; then
        # auditd holds the records: kmsg has none, and sysrec must say why
        [ -z "$got" ] && grep -q "use --netlink" "$TMP/km.err"
        ok $? "kmsg with auditd running: nothing, and the reason given"
else
        [ -z "$(comm -23 <(allowed_names "$TMP/km.json") <(printf 'execve\nexit_group\ngetppid\n'))" ]
        ok $? "kmsg: only syscalls the program made ($got)"
fi
if [ "$got" = "execve exit_group getppid " ]; then
        ok 0 "kmsg: all three records arrived"
else
        grep -q '"complete": false' "$TMP/km.rec" || grep -q "end marker did not come" "$TMP/km.err"
        ok $? "kmsg: records missing ($got), and the loss or the missing marker is reported"
fi
done_testing
