#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# sysrec run: enforces a profile, passes the exit status and signals through, refuses
# a broken profile before starting anything, and reports why a command did not run.
. "$(dirname "$0")/lib.sh"
require_root
plan 20

allow_all='{"defaultAction": "SCMP_ACT_ALLOW"}'
echo "$allow_all" >"$TMP/allow.json"

"$SYSREC" run --profile "$TMP/allow.json" -- sh -c 'exit 7'
ok $(( $? != 7 )) "the command's exit status is passed through"
"$SYSREC" run --profile "$TMP/allow.json" -- sh -c 'kill -TERM $$'
ok $(( $? != 143 )) "killed by SIGTERM: exit 128+15"

cat >"$TMP/no-mkdir.json" <<'JSON'
{
  "defaultAction": "SCMP_ACT_ALLOW",
  "syscalls": [
    { "names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO", "errnoRet": 13 }
  ]
}
JSON
LC_ALL=C "$SYSREC" run --profile "$TMP/no-mkdir.json" -- mkdir "$TMP/d" 2>"$TMP/err"
ok $(( $? != 1 )) "a denied syscall fails the command"
grep -q "Permission denied" "$TMP/err" && [ ! -e "$TMP/d" ]
ok $? "with the rule's errnoRet (EACCES): $(cat "$TMP/err")"

# --filter-size reports the compiled program: two rules more make it longer.
small=$("$SYSREC" run --profile "$TMP/allow.json" --filter-size -- true 2>&1 | sed -n 's/.*: \([0-9]*\) BPF instructions$/\1/p')
large=$("$SYSREC" run --profile "$TMP/no-mkdir.json" --filter-size -- true 2>&1 | sed -n 's/.*: \([0-9]*\) BPF instructions$/\1/p')
[ -n "$small" ] && [ -n "$large" ] && [ "$large" -gt "$small" ]
ok $? "--filter-size: ${small:-?} instructions without rules, ${large:-?} with two"

# uname(buf) with a non-NULL buf is denied with ENOSYS by a condition on its argument.
cat >"$TMP/args.json" <<'JSON'
{
  "defaultAction": "SCMP_ACT_ALLOW",
  "syscalls": [
    { "names": ["uname"], "action": "SCMP_ACT_ERRNO", "errnoRet": 38,
      "args": [ { "index": 0, "value": 0, "op": "SCMP_CMP_NE" } ] }
  ]
}
JSON
"$SYSREC" run --profile "$TMP/args.json" -- uname -s 2>"$TMP/err"
ok $(( $? == 0 )) "an argument condition is enforced: $(cat "$TMP/err")"

printf '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [\n    { "names": ["read"], }\n  ]\n}\n' >"$TMP/bad.json"
"$SYSREC" run --profile "$TMP/bad.json" -- touch "$TMP/started" 2>"$TMP/err"
ok $(( $? != 1 )) "malformed profile: exit 1"
grep -q "bad.json:4:" "$TMP/err" && [ ! -e "$TMP/started" ]
ok $? "names file and line, and the command never started: $(cat "$TMP/err")"

echo '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["read"], "action": "SCMP_ACT_ALOW"}]}' >"$TMP/act.json"
"$SYSREC" run --profile "$TMP/act.json" -- true 2>"$TMP/err"
grep -q 'act.json: syscalls\[0\].action: unknown action "SCMP_ACT_ALOW"' "$TMP/err"
ok $? "an unknown action names the field: $(cat "$TMP/err")"

echo '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["read", "raed"], "action": "SCMP_ACT_ALLOW"}]}' >"$TMP/name.json"
"$SYSREC" run --profile "$TMP/name.json" -- true 2>"$TMP/err"
ok $(( $? != 1 )) "an unknown syscall name: exit 1"
grep -q 'name.json: syscalls\[0\].names\[1\]: unknown syscall "raed"' "$TMP/err"
ok $? "and names the field: $(cat "$TMP/err")"

"$SYSREC" run --profile "$TMP/missing.json" -- true 2>"$TMP/err"
ok $(( $? != 1 )) "missing profile: exit 1 ($(cat "$TMP/err"))"

"$SYSREC" run --profile "$TMP/allow.json" -- /nonexistent/cmd 2>"$TMP/err"
ok $(( $? != 127 )) "command not found: 127 ($(cat "$TMP/err"))"
"$SYSREC" run --profile "$TMP/allow.json" -- "$TMP/allow.json" 2>"$TMP/err"
ok $(( $? != 126 )) "not executable: 126 ($(cat "$TMP/err"))"
echo '{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["execve"], "action": "SCMP_ACT_ERRNO"}]}' >"$TMP/noexec.json"
"$SYSREC" run --profile "$TMP/noexec.json" -- true 2>"$TMP/err"
ok $(( $? != 126 )) "a profile denying execve: 126"
grep -q "the profile must deny execve" "$TMP/err"
ok $? "and says why: $(cat "$TMP/err")"

"$SYSREC" run -- true 2>"$TMP/err"
ok $(( $? != 2 )) "no --profile: usage error, exit 2 ($(cat "$TMP/err"))"

# SIGTERM sent to sysrec reaches the command, and sysrec exits with its status.
signal_sleeper TERM "$SYSREC" run --profile "$TMP/allow.json" -- sleep 60
ok $(( $? != 143 )) "SIGTERM is forwarded: the command dies of it and sysrec exits 143"

# The ptrace backend's fallback: with seccomp() denied, the SECCOMP_RET_TRACE filter
# cannot be installed, so it records with PTRACE_SYSCALL, and records the same.
echo '{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["seccomp"], "action": "SCMP_ACT_ERRNO"}]}' >"$TMP/noseccomp.json"
"$SYSREC" run --profile "$TMP/noseccomp.json" -- \
        "$SYSREC" record -q --backend ptrace -o "$TMP/raw.json" -- "$WORKLOADS/raw-getppid" 2>"$TMP/err"
ok $? "record under a profile denying seccomp() succeeds"
grep -q "Could not install the SECCOMP_RET_TRACE filter" "$TMP/err" &&
        [ "$(allowed_names "$TMP/raw.json" | tr '\n' ' ')" = "execve exit_group getppid " ]
ok $? "it warns and falls back to PTRACE_SYSCALL with the exact set: $(cat "$TMP/err")"
done_testing
