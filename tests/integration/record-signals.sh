#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Exit statuses pass through; a signal sent to sysrec reaches the target, and the
# profile is written complete once the target has exited.
. "$(dirname "$0")/lib.sh"
require_root
plan 15

"$SYSREC" record -q -o /dev/null -- sh -c 'exit 7'
ok $(( $? != 7 )) "exit status 7 passed through"
"$SYSREC" record -q -o /dev/null -- sh -c 'kill -TERM $$'
ok $(( $? != 143 )) "death by SIGTERM gives 128+15"
"$SYSREC" record -q -o /dev/null -- /nonexistent/command 2>"$TMP/err"
ok $(( $? != 127 )) "command not found gives 127"
grep -q "/nonexistent/command" "$TMP/err"
ok $? "the error names the command"

# Job control, so that the background sysrec does not start with SIGINT ignored as a
# non-interactive shell's background commands do.
set -m
for sig in INT TERM; do
        "$SYSREC" record -q -o "$TMP/sleep.json" -- sleep 600 &
        pid=$!
        wait_for_sleep "$pid"
        kill -"$sig" "$pid"
        wait "$pid"
        status=$?
        expected=$((128 + $(kill -l "$sig")))
        ok $(( status != expected )) "SIG$sig to sysrec: the target dies of it, status $status (want $expected)"
done
has_syscall "$TMP/sleep.json" clock_nanosleep
ok $? "the profile written after SIGTERM is complete (has clock_nanosleep)"

# A command that leaves `sleep 613` running and is killed: a signal sent to sysrec
# then goes to what it left, so that a supervisor's SIGTERM still ends the recording.
# left_running BACKEND HOW: HOW is "reaped" (sysrec has seen the command end) or
# "batch" (the command is killed while sysrec is stopped: sysrec then reads SIGTERM
# before SIGCHLD, since a signalfd gives the lower signal first).
left_running() {
        local backend=$1 how=$2 out=$TMP/left-$1-$2 pid target left status
        "$SYSREC" record -q --backend "$backend" -o "$out.json" -- sh -c "sleep 613 & echo \$! >$out.pid; exec sleep 600" &
        pid=$!
        for _ in $(seq 100); do
                [ -s "$out.pid" ] && target=$(pgrep -P "$pid" -x sleep) && break # sh has exec'd
                sleep 0.05
        done
        left=$(cat "$out.pid")
        [ "$how" = batch ] && kill -STOP "$pid"
        kill -KILL "$target"
        if [ "$how" = batch ]; then
                wait_gone "$target" # a zombie
        else
                for _ in $(seq 50); do [ -e "/proc/$target" ] || break; sleep 0.1; done
        fi
        kill -TERM "$pid"
        [ "$how" = batch ] && kill -CONT "$pid"
        wait_gone "$left"
        local left_gone=$?
        gone "$left" || kill -KILL "$left"
        wait "$pid"
        status=$?
        [ "$left_gone" = 0 ] && [ "$status" = 137 ] && has_syscall "$out.json" clock_nanosleep
        ok $? "$backend, $how: SIGTERM after the command was killed reaches the process it left (status $status)"
}
for backend in ptrace notify bpf; do
        left_running "$backend" reaped
        left_running "$backend" batch
done

# A target that stops itself (group-stop) and is continued keeps working.
"$SYSREC" record -q -o /dev/null -- sh -c 'kill -STOP $$; echo continued' >"$TMP/stop.out" &
pid=$!
for _ in $(seq 100); do
        # T, or t for a traced stop
        child=$(pgrep -P "$pid" -x sh) && ps -o stat= -p "$child" | grep -qi '^t' && break
        sleep 0.05
done
kill -CONT "$child"
wait "$pid"
ok $? "a stopped and continued target finishes"
grep -qx continued "$TMP/stop.out"
ok $? "and prints what it printed after SIGCONT"
done_testing
