#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# sysrec attach: records a running process (every thread, the children it starts,
# with bpf --tree the ones it had started), detaches on time, and leaves it running
# exactly as it would have without us, even when sysrec is killed.
. "$(dirname "$0")/lib.sh"
require_root
[ -e /sys/kernel/btf/vmlinux ] || skip_all "no kernel BTF (/sys/kernel/btf/vmlinux)"
plan 40

loop="$WORKLOADS/attach-loop"
expected=$(seq 0 99)

# start_loop NAME [fork]: attach-loop for 100 ticks (2 s) with exit status 7, in the
# background; sets PID once its thread and first child run.
start_loop() {
        "$loop" 100 7 ${2:-} >"$TMP/$1.out" 2>"$TMP/$1.err" &
        PID=$!
        for _ in $(seq 200); do
                grep -q ready "$TMP/$1.err" 2>/dev/null && return
                sleep 0.01
        done
}

# finish_loop NAME: waits for it; its output and exit status are as without sysrec.
finish_loop() {
        wait "$PID"
        local status=$?
        [ "$status" = 7 ] && [ "$(cat "$TMP/$1.out")" = "$expected" ]
        ok $? "$1: the target's output and exit status are unchanged (status $status)"
}

for backend in ptrace bpf; do
        start_loop "$backend"
        "$SYSREC" attach -q --backend "$backend" --duration 0.5 -o "$TMP/$backend.json" "$PID" 2>"$TMP/err"
        status=$?
        kill -0 "$PID"
        ok $? "$backend: detached on time, the target still runs"
        ok $status "$backend: attach for half a second succeeds $(cat "$TMP/err")"
        has_syscall "$TMP/$backend.json" getppid && has_syscall "$TMP/$backend.json" sched_getparam
        ok $? "$backend: the main thread and the other thread are recorded"
        ! has_syscall "$TMP/$backend.json" getpriority
        ok $? "$backend: the child started before the attach is not followed"
        finish_loop "$backend"
done

start_loop tree
"$SYSREC" attach -q --tree --duration 0.5 -o "$TMP/tree.json" "$PID"
ok $? "bpf --tree: succeeds"
has_syscall "$TMP/tree.json" getpriority && has_syscall "$TMP/tree.json" sched_getparam
ok $? "bpf --tree: the child started before the attach is recorded too"
finish_loop tree

for backend in ptrace bpf; do
        start_loop "$backend-fork" fork
        "$SYSREC" attach -q --backend "$backend" --save-recording "$TMP/$backend-fork.rec" -o "$TMP/$backend-fork.json" "$PID"
        ok $? "$backend: attach until the target exits succeeds"
        has_syscall "$TMP/$backend-fork.json" getsid && has_syscall "$TMP/$backend-fork.json" exit_group
        ok $? "$backend: children started while attached are followed, to the end"
        finish_loop "$backend-fork"
done

# A cgroup (v2) as the target: every process in it, until it is empty.
cgroup2=$(awk '$3 == "cgroup2" { print $2; exit }' /proc/mounts)
if [ -n "$cgroup2" ]; then
        cg="$cgroup2/sysrec-test-$$"
        mkdir "$cg"
        start_loop cgroup
        echo "$PID" >"$cg/cgroup.procs"
        "$SYSREC" attach -q --cgroup "$cg" -o "$TMP/cgroup.json"
        ok $? "bpf --cgroup: succeeds, and ends when the cgroup is empty"
        has_syscall "$TMP/cgroup.json" getppid && has_syscall "$TMP/cgroup.json" sched_getparam &&
                ! has_syscall "$TMP/cgroup.json" getpriority
        ok $? "bpf --cgroup: the process moved in is recorded, its child left outside is not"
        finish_loop cgroup
        rmdir "$cg"
else
        skip_n 3 "no cgroup2 file system is mounted"
fi
"$SYSREC" attach --cgroup /proc -o "$TMP/x.json" 2>"$TMP/err"
[ $? = 1 ] && grep -q "not a cgroup v2 directory" "$TMP/err"
ok $? "--cgroup on another file system: refused ($(cat "$TMP/err"))"

# bpf --tree: PID exits first, a child it left runs on; sysrec waits for the child
# without spinning (an exited PID's pidfd stays readable). PID lives 3 s, so that
# sysrec's start-up (the bpf load, slower under ASan) ends before it exits; the child
# outlives it by 1.5 s, where a spinning wait would burn more than a second of CPU.
sh -c '(sleep 4.5; uname >/dev/null) & sleep 3' &
PID=$!
sleep 0.1
/usr/bin/time -f "%U %S" -o "$TMP/cpu" "$SYSREC" attach -q --tree -o "$TMP/orphan.json" "$PID"
status=$?
cpu=$(awk '{ print ($1 + $2 < 1.0) ? "low" : "high" }' "$TMP/cpu")
[ "$status" = 0 ] && [ "$cpu" = low ] && has_syscall "$TMP/orphan.json" uname
ok $? "bpf --tree: PID exits before its child: recorded to the end, $(cat "$TMP/cpu") s of CPU (status $status)"
wait "$PID"

# A leader that exited before its other thread: a zombie, which cannot be seized and
# whose exit comes only with the last thread's; detaching must not wait for it.
start_loop leader leader-exits
sleep 0.1
start=$(date +%s%N)
"$SYSREC" attach -q --backend ptrace --duration 0.5 -o "$TMP/leader.json" "$PID"
status=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
kill -0 "$PID"
ok $? "ptrace: a process whose leader has exited: detached on time (${ms} ms), still running"
[ "$status" = 0 ] && has_syscall "$TMP/leader.json" sched_getparam
ok $? "and its running thread is recorded (status $status)"
wait "$PID"

# The issue's own case: a shell loop, attached by PID for two seconds.
sh_loop='i=0; while [ $i -lt 30 ]; do echo $i; i=$((i+1)); sleep 0.1; done; exit 4'
for backend in ptrace bpf; do
        sh -c "$sh_loop" >"$TMP/sh-$backend.out" &
        PID=$!
        sleep 0.2
        "$SYSREC" attach -q --backend "$backend" --duration 2 -o "$TMP/sh-$backend.json" "$PID"
        ok $? "$backend: two seconds on a shell loop"
        wait "$PID"
        status=$?
        [ "$status" = 4 ] && [ "$(cat "$TMP/sh-$backend.out")" = "$(seq 0 29)" ] &&
                has_syscall "$TMP/sh-$backend.json" write && has_syscall "$TMP/sh-$backend.json" wait4
        ok $? "$backend: its syscalls recorded, its output and exit status unchanged (status $status)"
done

# wait_traced PID TRACER: up to 5 s, until TRACER has seized PID.
wait_traced() {
        for _ in $(seq 100); do
                [ "$(awk '$1 == "TracerPid:" { print $2 }' "/proc/$1/status" 2>/dev/null)" = "$2" ] && return 0
                sleep 0.05
        done
        return 1
}

# Chaos: sysrec killed while attached (ptrace stops every syscall of the target):
# the kernel detaches, the target goes on and finishes normally.
start_loop chaos
"$SYSREC" attach -q --backend ptrace -o "$TMP/chaos.json" "$PID" &
sysrec_pid=$!
wait_traced "$PID" "$sysrec_pid"
kill -KILL "$sysrec_pid"
wait "$sysrec_pid" 2>/dev/null
finish_loop chaos

# Ctrl-C ends the recording, not the target.
start_loop sigint
"$SYSREC" attach -q --backend ptrace -o "$TMP/sigint.json" "$PID" &
sysrec_pid=$!
wait_traced "$PID" "$sysrec_pid" && sleep 0.2 # some of its calls recorded
kill -INT "$sysrec_pid"
wait "$sysrec_pid"
status=$?
# a background job of a script starts with SIGINT ignored: sysrec must heed it anyway
kill -0 "$PID" && [ "$status" = 0 ]
ok $? "SIGINT to sysrec: exit 0 at once, before the target's end (status $status)"
has_syscall "$TMP/sigint.json" getppid
ok $? "and the profile is written"
finish_loop sigint

"$SYSREC" attach -o "$TMP/x.json" 12ab 2>"$TMP/err"
[ $? = 2 ] && grep -q "Bad PID" "$TMP/err"
ok $? "a PID that is not a number: usage error ($(cat "$TMP/err"))"
"$SYSREC" attach -o "$TMP/x.json" 4194000 2>"$TMP/err"
[ $? = 1 ] && grep -q "No process 4194000" "$TMP/err"
ok $? "a PID that does not exist: exit 1 ($(cat "$TMP/err"))"
"$SYSREC" attach --duration 1m -o "$TMP/x.json" $$ 2>"$TMP/err"
[ $? = 2 ] && grep -q "Bad --duration" "$TMP/err"
ok $? "a bad duration: usage error ($(cat "$TMP/err"))"
"$SYSREC" attach --backend ptrace --tree -o "$TMP/x.json" $$ 2>"$TMP/err"
[ $? = 2 ] && grep -q "need --backend=bpf" "$TMP/err"
ok $? "--tree with ptrace: usage error ($(cat "$TMP/err"))"
"$SYSREC" attach --container -o "$TMP/x.json" $$ 2>"$TMP/err"
[ $? = 1 ] && grep -q "not in a container" "$TMP/err"
ok $? "--container on a host process: refused ($(cat "$TMP/err"))"
"$SYSREC" attach --container-id no-such-container -o "$TMP/x.json" 2>"$TMP/err"
[ $? = 1 ] && grep -q "No container 'no-such-container'" "$TMP/err"
ok $? "an unknown container id: exit 1 ($(cat "$TMP/err"))"
done_testing
