#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# sysrec audit over the text fixtures of tests/data/audit: each format gives exactly
# the syscalls of its .expected file, named with the table of each record's own
# architecture; losses are counted; filters, --base and generate --audit-mode work.
. "$(dirname "$0")/lib.sh"
data="$SYSREC_TEST_DATA/audit"
fixtures=(auditd ausearch-raw dmesg dmesg-T journalctl kern talosctl foreign garbage interleaved)
plan $((${#fixtures[@]} + 26))

# "ARCH NAME" of every syscall in a recording, sorted.
recorded() {
        python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
print("\n".join(sorted(a + " " + str(e["name"]) for a, l in r["architectures"].items() for e in l)))' "$1"
}
# lost COUNTER RECORDING: the counter's value, 0 when absent.
lost() {
        python3 -c 'import json, sys; print(json.load(open(sys.argv[2]))["lost"].get(sys.argv[1], 0))' "$1" "$2"
}

for f in "${fixtures[@]}"; do
        "$SYSREC" audit -q --save-recording "$TMP/$f.rec" -o "$TMP/$f.json" "$data/$f.log" 2>"$TMP/$f.err"
        diff <(recorded "$TMP/$f.rec") "$data/$f.expected" >"$TMP/diff"
        ok $? "$f: exactly the expected syscalls $(tr '\n' ' ' <"$TMP/diff")"
done

[ "$(lost suppressed "$TMP/dmesg.rec")" = 32 ] && [ "$(lost audit-lost "$TMP/dmesg.rec")" = 3 ] &&
        grep -q '"complete": false' "$TMP/dmesg.rec"
ok $? "dmesg: 29+3 suppressed lines and audit_lost 4..6 counted, recording incomplete"
grep -q "may lack syscalls" "$TMP/dmesg.err" && grep -q "35 records or more" "$TMP/dmesg.err"
ok $? "a lossy source warns, with the count, even with -q: $(tail -1 "$TMP/dmesg.err")"
[ "$(lost unparseable "$TMP/garbage.rec")" = 5 ] && grep -q "garbage.log:2:[0-9]*: syscall:" "$TMP/garbage.err"
ok $? "garbage: 5 unparseable seccomp records, the first named FILE:LINE:COL: FIELD"
[ "$(lost unknown-architecture "$TMP/foreign.rec")" = 1 ]
ok $? "foreign: the MIPS record is counted as lost, not named with another table"
python3 - "$TMP/foreign.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
want = ["SCMP_ARCH_X86", "SCMP_ARCH_X32", "SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM", "SCMP_ARCH_PPC64LE",
        "SCMP_ARCH_S390X", "SCMP_ARCH_RISCV64"]
assert sorted(p["architectures"]) == sorted(want), p["architectures"]
assert "SCMP_ARCH_X86_64" not in p["architectures"]
PY
ok $? "foreign: the profile's architectures are exactly those of the records"
[ -z "$(recorded "$TMP/dmesg-T.rec" | grep -v x86_64)" ] && [ "$(recorded "$TMP/auditd.rec" | wc -l)" = 5 ] &&
        grep -q '"comm": "nginx worker"' "$TMP/auditd.rec" && grep -q '"exe": "/tmp/my dir /sh"' "$TMP/auditd.rec"
ok $? "hex-encoded comm and exe are decoded"
grep -q '"backend": "audit"' "$TMP/auditd.rec" && grep -q '"processes": 3' "$TMP/auditd.rec" &&
        grep -q '"events": 6' "$TMP/auditd.rec"
ok $? "the recording: backend audit, 6 events from 3 processes"

cat "$data/auditd.log" | "$SYSREC" audit -q --save-recording "$TMP/stdin.rec" -o /dev/null
diff -q <(recorded "$TMP/stdin.rec") "$data/auditd.expected" >/dev/null
ok $? "reads stdin"

"$SYSREC" audit -q --action log --save-recording "$TMP/log.rec" "$data/auditd.log" 2>/dev/null
[ "$(recorded "$TMP/log.rec" | tr '\n' ' ')" = "x86_64 epoll_wait x86_64 openat x86_64 read " ]
ok $? "--action log leaves out the errno (write) and kill (ptrace) records: $(recorded "$TMP/log.rec" | tr '\n' ' ')"
"$SYSREC" audit -q --action errno,kill --save-recording "$TMP/ek.rec" "$data/auditd.log" 2>/dev/null
[ "$(recorded "$TMP/ek.rec" | tr '\n' ' ')" = "x86_64 ptrace x86_64 write " ]
ok $? "--action errno,kill keeps only those"
"$SYSREC" audit -q --pid 202 --pid 203 --save-recording "$TMP/pid.rec" "$data/auditd.log" 2>/dev/null
[ "$(recorded "$TMP/pid.rec" | tr '\n' ' ')" = "x86_64 epoll_wait x86_64 write " ]
ok $? "--pid (repeated)"
"$SYSREC" audit -q --comm "nginx worker" --save-recording "$TMP/comm.rec" "$data/auditd.log" &&
        "$SYSREC" audit -q --exe "/tmp/my dir /sh" --save-recording "$TMP/exe.rec" "$data/auditd.log"
[ "$(recorded "$TMP/comm.rec")" = "x86_64 epoll_wait" ] && [ "$(recorded "$TMP/exe.rec")" = "x86_64 write" ]
ok $? "--comm and --exe match the decoded hex values"
"$SYSREC" audit -q --since 1795649701.202 --until 1795649701.204 --save-recording "$TMP/t.rec" "$data/auditd.log"
[ "$(recorded "$TMP/t.rec" | tr '\n' ' ')" = "x86_64 epoll_wait x86_64 ptrace x86_64 write " ]
ok $? "--since/--until on the audit timestamp, inclusive"

"$SYSREC" audit -q -o "$TMP/talos.json" "$data/talosctl.log" 2>/dev/null
"$SYSREC" audit -q --base "$TMP/talos.json" -o "$TMP/merged.json" "$data/journalctl.log" 2>/dev/null
[ "$(allowed_names "$TMP/merged.json" | tr '\n' ' ')" = "connect futex openat read socket " ]
ok $? "--base adds the new syscalls to an existing profile"

"$SYSREC" audit --kmsg "$data/auditd.log" 2>/dev/null
ok $(($? != 2)) "a FILE with --kmsg: usage error"
"$SYSREC" audit --action bogus "$data/auditd.log" 2>/dev/null
ok $(($? != 2)) "an unknown --action: usage error"
"$SYSREC" audit "$TMP/missing.log" 2>"$TMP/err"
[ $? = 1 ] && grep -q "missing.log" "$TMP/err"
ok $? "a missing file: exit 1 naming it"

"$SYSREC" generate --audit-mode -o "$TMP/audit-mode.json" &&
        python3 -c 'import json, sys; p = json.load(open(sys.argv[1])); assert p["defaultAction"] == "SCMP_ACT_LOG" and "SCMP_ARCH_X86_64" in p["architectures"] and not p.get("syscalls")' "$TMP/audit-mode.json"
ok $? "generate --audit-mode: SCMP_ACT_LOG, the native architectures, no rules"
"$SYSREC" generate --complain-from "$TMP/merged.json" -o "$TMP/complain.json" &&
        python3 - "$TMP/merged.json" "$TMP/complain.json" <<'PY'
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:])
assert b["defaultAction"] == "SCMP_ACT_LOG" and "defaultErrnoRet" not in b
assert a["syscalls"] == b["syscalls"] and a["architectures"] == b["architectures"]
PY
ok $? "generate --complain-from: the same rules and architectures, SCMP_ACT_LOG by default"
"$SYSREC" generate --complain-from "$TMP/merged.json" "$TMP/talos.json" 2>/dev/null
ok $(($? != 2)) "generate --complain-from with a RECORDING: usage error"
"$SYSREC" audit --base "$TMP/merged.json" --errno EACCES -o /dev/null "$data/auditd.log" 2>"$TMP/err"
[ $? = 2 ] && grep -q "do not apply to it" "$TMP/err"
ok $? "audit --base with --errno, which it would ignore: usage error"
"$SYSREC" generate --audit-mode --errno EACCES -o /dev/null 2>"$TMP/err"
[ $? = 2 ] && grep -q "takes none of --arch, --runtime, --default-action and --errno" "$TMP/err"
ok $? "generate --audit-mode with --errno, which it would ignore: usage error"
# --follow: what the file holds, then what is appended, until SIGTERM (SIGINT is
# ignored in a background job of a script).
head -3 "$data/auditd.log" >"$TMP/growing.log"
"$SYSREC" audit -q --save-recording "$TMP/follow.rec" -o "$TMP/follow.json" -f "$TMP/growing.log" &
follower=$!
sleep 0.5
tail -n +4 "$data/auditd.log" >>"$TMP/growing.log"
sleep 0.5
kill -0 "$follower"
ok $? "--follow: still reading after the end of the file"
kill -TERM "$follower"
wait "$follower"
status=$?
[ "$status" = 0 ] && diff <(recorded "$TMP/follow.rec") "$data/auditd.expected" >"$TMP/diff"
ok $? "--follow: exit 0 at SIGTERM with every record, appended ones included (status $status) $(tr '\n' ' ' <"$TMP/diff")"

# --follow on a FIFO: a writer that closes is no end, the next writer is read, and
# sysrec waits between them without spinning (a hung-up FIFO polls readable forever).
# As root, who may write the FIFO too, and as nobody, who may only read it.
# follow_fifo LABEL [RUNNER...]: the writers give up after 10 s should sysrec not read.
follow_fifo() {
        local label=$1 dir=$TMP/fifo-$1 follower status ticks
        shift
        install -d -m 0777 "$dir"
        cp "$SYSREC" "$dir/sysrec"
        mkfifo -m 0644 "$dir/audit.fifo"
        "$@" "$dir/sysrec" audit -q --save-recording "$dir/fifo.rec" -o "$dir/fifo.json" -f "$dir/audit.fifo" &
        follower=$!
        sleep 0.3
        head -3 "$data/auditd.log" | timeout 10 tee "$dir/audit.fifo" >/dev/null
        sleep 1
        tail -n +4 "$data/auditd.log" | timeout 10 tee "$dir/audit.fifo" >/dev/null
        sleep 0.5
        ticks=$(awk '{ print $14 + $15 }' "/proc/$follower/stat")
        kill -TERM "$follower"
        wait "$follower"
        status=$?
        [ "$status" = 0 ] && [ "$ticks" -lt 50 ] && diff <(recorded "$dir/fifo.rec") "$data/auditd.expected" >"$TMP/diff"
        ok $? "--follow on a FIFO, $label: two writers in turn, every record, $ticks ticks of CPU in 1.8 s (status $status)"
}
follow_fifo root
chmod 0755 "$TMP" # for nobody to reach its directory
follow_fifo "read-only (nobody)" setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all
done_testing
