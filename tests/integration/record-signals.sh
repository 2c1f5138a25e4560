#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Exit statuses pass through; a signal sent to sysrec reaches the target, and the
# profile is written complete once the target has exited.
. "$(dirname "$0")/lib.sh"
require_root
plan 12

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

# A command that exits and leaves a process running: a signal sent to sysrec then
# goes to what it left, so that a supervisor's SIGTERM still ends the recording.
for backend in ptrace notify bpf; do
        left=$TMP/left-$backend
        "$SYSREC" record -q --backend "$backend" -o "$left.json" -- sh -c "sleep 600 & echo \$! >$left.pid" &
        pid=$!
        for _ in $(seq 100); do [ -s "$left.pid" ] && break; sleep 0.05; done
        sleep 0.3 # sh has exited
        kill -TERM "$pid"
        for _ in $(seq 50); do kill -0 "$(cat "$left.pid")" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$(cat "$left.pid")" 2>/dev/null
        gone=$?
        kill -KILL "$(cat "$left.pid")" 2>/dev/null
        wait "$pid"
        status=$?
        [ "$gone" = 1 ] && [ "$status" = 0 ] && has_syscall "$left.json" clock_nanosleep
        ok $? "$backend: SIGTERM after the command exited reaches the process it left running (status $status)"
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
