#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# The notify backend (seccomp user notification): the same sets as ptrace, as an
# unprivileged user, beside another tracer, with exit status and signals passed on.
. "$(dirname "$0")/lib.sh"
require_root
command -v setpriv >/dev/null || skip_all "setpriv (util-linux) is missing"
command -v strace >/dev/null || skip_all "strace is missing"
plan 15

exact="execve exit_group getppid "
"$SYSREC" record -q --backend notify -o "$TMP/raw.json" -- "$WORKLOADS/raw-getppid"
ok $? "record --backend notify succeeds"
got=$(allowed_names "$TMP/raw.json" | tr '\n' ' ')
[ "$got" = "$exact" ]
ok $? "exactly execve exit_group getppid, nothing of sysrec's (got: $got)"

mix="$WORKLOADS/syscall-mix"
"$SYSREC" record -q --backend ptrace -o "$TMP/mix-ptrace.json" -- "$mix" >"$TMP/ptrace.out"
"$SYSREC" record -q --backend notify -o "$TMP/mix-notify.json" --save-recording "$TMP/mix.rec" -- "$mix" >"$TMP/notify.out"
cmp -s "$TMP/mix-ptrace.json" "$TMP/mix-notify.json"
ok $? "threads, fork and exec: the same profile as the ptrace backend"
cmp -s "$TMP/ptrace.out" "$TMP/notify.out"
ok $? "the same output"
python3 - "$TMP/mix.rec" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["backend"] == "notify" and r["complete"] is True, r
assert r["processes"] >= 2, r["processes"]
calls = {e["name"]: e for e in r["architectures"]["x86_64"]}
assert calls["getcpu"]["count"] == 3, calls["getcpu"]
PY
ok $? "the recording names the backend, counts and processes"

"$SYSREC" record -q --backend notify -o /dev/null -- sh -c 'exit 5'
ok $(( $? != 5 )) "exit status passed through"

# Unprivileged: nobody, no capabilities; the seccomp filter then needs no_new_privs.
chmod 0711 "$TMP" # nobody must reach its own directory inside
install -d -m 0777 "$TMP/nobody"
cp "$WORKLOADS/raw-getppid" "$mix" "$TMP/nobody/"
chmod 0755 "$TMP/nobody/raw-getppid" "$TMP/nobody/syscall-mix"
cp "$SYSREC" "$TMP/nobody/sysrec"
as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all "$@"; }
as_nobody "$TMP/nobody/sysrec" record -q --backend notify -o "$TMP/nobody/raw.json" -- "$TMP/nobody/raw-getppid"
ok $? "an unprivileged user records"
got=$(allowed_names "$TMP/nobody/raw.json" | tr '\n' ' ')
[ "$got" = "$exact" ]
ok $? "unprivileged: exactly execve exit_group getppid (got: $got)"
as_nobody "$TMP/nobody/sysrec" record -q --backend notify -o "$TMP/nobody/mix.json" -- "$TMP/nobody/syscall-mix" >"$TMP/nobody.out" # a regular file, as for ptrace: /dev/null adds an ioctl
diff <(allowed_names "$TMP/mix-ptrace.json") <(allowed_names "$TMP/nobody/mix.json") >&2
ok $? "unprivileged: the same syscalls as root's ptrace recording"

# A target another tracer already follows (strace -f traces sysrec and the target).
strace -f -o /dev/null "$SYSREC" record -q --backend notify -o "$TMP/traced.json" -- "$WORKLOADS/raw-getppid"
got=$(allowed_names "$TMP/traced.json" | tr '\n' ' ')
[ "$got" = "$exact" ]
ok $? "under strace -f: exactly execve exit_group getppid (got: $got)"

# SIGTERM to sysrec reaches the target; the profile is written after it exits.
signal_sleeper TERM "$SYSREC" record -q --backend notify -o "$TMP/sleep.json" -- sleep 60
ok $(( $? != 143 )) "SIGTERM forwarded: sysrec exits 128+15"
has_syscall "$TMP/sleep.json" clock_nanosleep
ok $? "and writes the profile (clock_nanosleep recorded)"

# The target installs a seccomp filter of its own (sysrec run does): filters stack.
echo '{"defaultAction": "SCMP_ACT_ALLOW"}' >"$TMP/allow.json"
"$SYSREC" record -q --backend notify -o "$TMP/nested.json" -- \
        "$SYSREC" run --profile "$TMP/allow.json" -- "$WORKLOADS/raw-getppid"
ok $? "a target that installs its own filter runs"
has_syscall "$TMP/nested.json" seccomp && has_syscall "$TMP/nested.json" getppid
ok $? "its seccomp() and what runs under its filter are recorded"

"$SYSREC" record --backend notify --no-seccomp-stop -o /dev/null -- true 2>/dev/null
ok $(( $? != 2 )) "--no-seccomp-stop with --backend=notify: usage error"
done_testing
