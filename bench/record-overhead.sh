#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Slowdown of `sysrec record` (bpf, ptrace and notify backends) against the uninstrumented
# command and `strace -f -c`,
# measured in the same run: median wall time of RUNS runs each (default 5).
#   bench/record-overhead.sh [SYSREC]        (default build/sysrec)
# Prints a Markdown table for docs/benchmarks.md.
set -euo pipefail

sysrec=$(realpath "${1:-build/sysrec}")
runs=${RUNS:-5}
for tool in strace bpftrace; do
        command -v "$tool" >/dev/null || { echo "$tool is needed (scripts/bootstrap.sh installs it)" >&2; exit 1; }
done

# Median wall-clock seconds of running "$@" $runs times.
median() {
        local times=()
        for _ in $(seq "$runs"); do
                local t0 t1
                t0=$(date +%s%N)
                "$@" >/dev/null 2>&1
                t1=$(date +%s%N)
                times+=("$(( (t1 - t0) / 1000 ))")
        done
        printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.3f", a[int((NR + 1) / 2)] / 1e6 }'
}

workload_dd=(dd if=/dev/zero of=/dev/null bs=1 count=300000)
# A script file, not sh -c, so that bpftrace -c (which splits on spaces) runs it too.
fork_script=$(mktemp)
trap 'rm -f "$fork_script"' EXIT
echo 'i=0; while [ $i -lt 300 ]; do /bin/true; i=$((i + 1)); done' >"$fork_script"
workload_fork=(sh "$fork_script")

row() {
        local name=$1
        shift
        local base bpf rec rec_nostop notify bt st
        base=$(median "$@")
        bpf=$(median "$sysrec" record -q --backend bpf -o /dev/null -- "$@")
        rec=$(median "$sysrec" record -q --backend ptrace -o /dev/null -- "$@")
        rec_nostop=$(median "$sysrec" record -q --backend ptrace --no-seccomp-stop -o /dev/null -- "$@")
        notify=$(median "$sysrec" record -q --backend notify -o /dev/null -- "$@")
        # bpftrace counts the direct child's syscalls only, and compiles at start-up
        local cmd=("$(command -v "$1")" "${@:2}")
        bt=$(median bpftrace -q -e 'tracepoint:raw_syscalls:sys_enter /pid == cpid/ { @[args->id] = count(); }' \
                -c "$(printf '%q ' "${cmd[@]}")")
        st=$(median strace -f -c -o /dev/null "$@")
        awk -v n="$name" -v b="$base" -v f="$bpf" -v r="$rec" -v p="$rec_nostop" -v u="$notify" -v t="$bt" -v s="$st" 'BEGIN {
                printf "| %s | %.3f s | %.3f s (%.2fx) | %.3f s (%.1fx) | %.3f s (%.1fx) | %.3f s (%.1fx) | %.3f s (%.1fx) | %.3f s (%.1fx) | %.2f | %.2f |\n",
                        n, b, f, f / b, r, r / b, p, p / b, u, u / b, t, t / b, s, s / b, r / s, u / s }'
}

echo "Median of $runs runs, $(nproc) cores, kernel $(uname -r), $(date -u +%Y-%m-%d)."
echo
echo "| workload | uninstrumented | sysrec bpf | sysrec ptrace (seccomp stop) | sysrec ptrace --no-seccomp-stop | sysrec notify | bpftrace one-liner | strace -f -c | ptrace / strace slowdown | notify / strace slowdown |"
echo "|---|---|---|---|---|---|---|---|---|---|"
row "dd bs=1 count=300000 (syscall-bound)" "${workload_dd[@]}"
row "300 x /bin/true from sh (fork/exec-bound)" "${workload_fork[@]}"
row "true (start-up: bpf open, load, attach)" /bin/true

# Peak resident memory of sysrec itself (the target is not counted: /usr/bin/time
# reports the largest of sysrec and its children, and dd is smaller than sysrec).
echo
echo "| sysrec peak RSS on the dd loop | bpf | ptrace | notify |"
echo "|---|---|---|---|"
rss() { /usr/bin/time -f %M "$sysrec" record -q --backend "$1" -o /dev/null -- "${workload_dd[@]}" 2>&1 >/dev/null | tail -1; }
echo "| KiB | $(rss bpf) | $(rss ptrace) | $(rss notify) |"
