#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# The bpf backend and --backend=auto: chosen when it loads and said so, refused
# with the reason for an unprivileged user, who gets ptrace under auto; loads fast.
. "$(dirname "$0")/lib.sh"
require_root
[ -e /sys/kernel/btf/vmlinux ] || skip_all "no kernel BTF (/sys/kernel/btf/vmlinux)"
command -v setpriv >/dev/null || skip_all "setpriv (util-linux) is missing"
plan 11

raw="$WORKLOADS/raw-getppid"
"$SYSREC" record --save-recording "$TMP/auto.rec" -o /dev/null -- "$raw" 2>"$TMP/err"
ok $? "auto as root succeeds"
grep -q "Recording with the bpf backend" "$TMP/err" && grep -q '"backend": "bpf"' "$TMP/auto.rec"
ok $? "auto chooses bpf and says so: $(head -1 "$TMP/err")"
python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
sys.exit(0 if r["complete"] and r["lost"] == {} and r["processes"] == 1 else 1)' "$TMP/auto.rec"
ok $? "nothing lost, one process"

chmod 0711 "$TMP"
install -d -m 0777 "$TMP/nobody"
cp "$raw" "$SYSREC" "$TMP/nobody/"
as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all "$@"; }
as_nobody "$TMP/nobody/sysrec" record --backend bpf -o "$TMP/nobody/x.json" -- "$TMP/nobody/raw-getppid" 2>"$TMP/err"
ok $(( $? != 1 )) "--backend=bpf unprivileged: exit 1"
grep -q "needs root" "$TMP/err"
ok $? "with the reason: $(cat "$TMP/err")"
as_nobody "$TMP/nobody/sysrec" record -o "$TMP/nobody/auto.json" -- "$TMP/nobody/raw-getppid" 2>"$TMP/err"
ok $? "auto unprivileged succeeds"
grep -q "Recording with ptrace: the bpf backend did not load" "$TMP/err"
ok $? "falls back to ptrace and says why: $(cat "$TMP/err")"
[ "$(allowed_names "$TMP/nobody/auto.json" | tr '\n' ' ')" = "execve exit_group getppid " ]
ok $? "and records exactly"

# In a PID namespace of its own (as in a container) the pids sysrec sees are not
# the kernel side's: auto says so and uses ptrace.
unshare --pid --fork --mount-proc "$SYSREC" record -o "$TMP/ns.json" -- "$raw" 2>"$TMP/err"
ok $? "auto in a new PID namespace succeeds"
grep -q "bpf backend needs the initial PID namespace" "$TMP/err" &&
        [ "$(allowed_names "$TMP/ns.json" | tr '\n' ' ')" = "execve exit_group getppid " ]
ok $? "with ptrace, saying why, and exactly: $(head -1 "$TMP/err")"

# Open, load and attach must not slow start-up: the whole run of true, under a
# second even in a sanitizer build (docs/benchmarks.md has the figure).
start=$(date +%s%N)
"$SYSREC" record -q --backend bpf -o /dev/null -- true
ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$ms" -lt 1000 ]
ok $? "record --backend bpf of true takes ${ms} ms"
done_testing
