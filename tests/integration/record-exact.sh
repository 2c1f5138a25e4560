#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# A libc-free program makes exactly execve, getppid and exit_group: a recording with
# anything else has let sysrec's own syscalls (pipe reads, prctl, seccomp, ptrace)
# into the target's set. Checked in both ptrace modes.
. "$(dirname "$0")/lib.sh"
require_root
plan 4

for backend in "" "--no-seccomp-stop"; do
        mode=${backend:-seccomp-stop}
        "$SYSREC" record -q $backend -o "$TMP/raw.json" -- "$WORKLOADS/raw-getppid"
        ok $? "$mode: record succeeds"
        got=$(allowed_names "$TMP/raw.json" | tr '\n' ' ')
        [ "$got" = "execve exit_group getppid " ]
        ok $? "$mode: exactly execve exit_group getppid (got: $got)"
done
done_testing
