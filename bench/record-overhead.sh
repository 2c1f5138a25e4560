#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Slowdown of `sysrec record` (ptrace and notify backends) against the uninstrumented
# command and `strace -f -c`,
# measured in the same run: median wall time of RUNS runs each (default 5).
#   bench/record-overhead.sh [SYSREC]        (default build/sysrec)
# Prints a Markdown table for docs/benchmarks.md.
set -euo pipefail

sysrec=$(realpath "${1:-build/sysrec}")
runs=${RUNS:-5}
command -v strace >/dev/null || { echo "strace is needed (scripts/bootstrap.sh installs it)" >&2; exit 1; }

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
workload_fork=(sh -c 'i=0; while [ $i -lt 300 ]; do /bin/true; i=$((i + 1)); done')

row() {
        local name=$1
        shift
        local base rec rec_nostop notify st
        base=$(median "$@")
        rec=$(median "$sysrec" record -q -o /dev/null -- "$@")
        rec_nostop=$(median "$sysrec" record -q --no-seccomp-stop -o /dev/null -- "$@")
        notify=$(median "$sysrec" record -q --backend notify -o /dev/null -- "$@")
        st=$(median strace -f -c -o /dev/null "$@")
        awk -v n="$name" -v b="$base" -v r="$rec" -v p="$rec_nostop" -v u="$notify" -v s="$st" 'BEGIN {
                printf "| %s | %.3f s | %.3f s (%.1fx) | %.3f s (%.1fx) | %.3f s (%.1fx) | %.3f s (%.1fx) | %.2f | %.2f |\n",
                        n, b, r, r / b, p, p / b, u, u / b, s, s / b, r / s, u / s }'
}

echo "Median of $runs runs, $(nproc) cores, kernel $(uname -r), $(date -u +%Y-%m-%d)."
echo
echo "| workload | uninstrumented | sysrec ptrace (seccomp stop) | sysrec ptrace --no-seccomp-stop | sysrec notify | strace -f -c | ptrace / strace slowdown | notify / strace slowdown |"
echo "|---|---|---|---|---|---|---|---|"
row "dd bs=1 count=300000 (syscall-bound)" "${workload_dd[@]}"
row "300 x /bin/true from sh (fork/exec-bound)" "${workload_fork[@]}"
