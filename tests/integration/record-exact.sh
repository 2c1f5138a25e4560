#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# A libc-free program makes exactly execve, getppid and exit_group: a recording with
# anything else has let sysrec's own syscalls (pipe reads, prctl, seccomp, ptrace,
# bpf) into the target's set. Checked with every backend and mode.
. "$(dirname "$0")/lib.sh"
require_root
plan 8

for backend in "ptrace" "ptrace --no-seccomp-stop" "notify" "bpf"; do
        "$SYSREC" record -q --backend $backend -o "$TMP/raw.json" -- "$WORKLOADS/raw-getppid"
        ok $? "$backend: record succeeds"
        got=$(allowed_names "$TMP/raw.json" | tr '\n' ' ')
        [ "$got" = "execve exit_group getppid " ]
        ok $? "$backend: exactly execve exit_group getppid (got: $got)"
done
done_testing
