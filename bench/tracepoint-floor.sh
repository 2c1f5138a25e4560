#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# The floor under the bpf backend: what a sys_enter program that returns at once
# (bench/floor/empty.bpf.c) costs, beside sysrec's bpf backend, on the dd loop and on
# nginx under wrk (bench/nginx-wrk.sh's set-up). Run as root on an idle machine:
#   bench/tracepoint-floor.sh [SYSREC]     (default build/sysrec)
# RUNS (default 3) rounds; PARTS="calls dd nginx" (the default) chooses what to
# measure: calls is the programs' own time per call (kernel.bpf_stats_enabled), which
# the machine's drift hardly moves; dd and nginx are wall-clock ratios.
# Prints Markdown tables for docs/benchmarks.md, with every sample under each.
set -euo pipefail
cd "$(dirname "$0")/.."
sysrec=$(realpath "${1:-build/sysrec}")
runs=${RUNS:-3}
parts=${PARTS:-calls dd nginx}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
chmod 0755 "$work"

bpftool btf dump file /sys/kernel/btf/vmlinux format c >"$work/vmlinux.h"
clang -g -O2 -target bpf -D__TARGET_ARCH_x86 -I"$work" -c bench/floor/empty.bpf.c -o "$work/empty.bpf.o"
cc -O2 -o "$work/attach" bench/floor/attach-until-signal.c -lbpf

# with_floor CMD...: runs CMD while the empty program is attached.
with_floor() {
        "$work/attach" "$work/empty.bpf.o" >"$work/attach.out" &
        local loader=$!
        until grep -q attached "$work/attach.out"; do
                kill -0 "$loader" 2>/dev/null || exit 1 # it failed, and said why
                sleep 0.05
        done
        "$@"
        kill -TERM "$loader"
        wait "$loader"
}
# with_sysrec CMD...: runs CMD while sysrec's bpf backend records another process.
with_sysrec() {
        "$sysrec" record -q --backend bpf -o /dev/null -- sleep 1000 &
        local recorder=$!
        sleep 0.5
        "$@"
        pkill -TERM -P "$recorder" sleep
        wait "$recorder" || true
}
median() { sort -n | sed -n "$(((runs + 1) / 2))p"; }

# in_turns CASE...: RUNS rounds in which every CASE (a function) runs once,
# starting with a different one each round, so that the machine's drift (these
# VMs' speed changes by a third over minutes) and any order effect fall on all alike.
in_turns() {
        local n=$# i k arg
        for i in $(seq 0 $((runs - 1))); do
                for k in $(seq 0 $((n - 1))); do
                        arg=$(((i + k) % n + 1))
                        "${!arg}"
                done
        done
}

# table UNIT FORMAT ROW...: ROW is "label:file"; the first row is the reference.
# Two ratios: of the medians, and the median of each round's own ratio, which
# compares samples taken a minute apart at most, before the machine drifts.
table() {
        local unit=$1 format=$2 row label file base="" base_file="" value paired
        shift 2
        echo "| case | $unit | of the first | median of the rounds' ratios |"
        echo "|---|---|---|---|"
        for row in "$@"; do
                label=${row%%:*}
                file=$work/${row##*:}
                value=$(median <"$file")
                base=${base:-$value}
                base_file=${base_file:-$file}
                paired=$(paste "$file" "$base_file" | awk '{ print $1 / $2 }' | median)
                awk -v n="$label" -v s="$value" -v b="$base" -v p="$paired" -v f="$format" \
                        'BEGIN { printf "| %s | %.2f | " f " | " f " |\n", n, s, s / b, p }'
        done
        echo
        for row in "$@"; do
                echo "${row%%:*}: $(tr '\n' ' ' <"$work/${row##*:}")"
        done
}

dd_once() { /usr/bin/time -f %e "$@" dd if=/dev/zero of=/dev/null bs=1 count=3000000 2>&1 >/dev/null | tail -1; }
dd_base() { dd_once >>"$work/dd-base"; }
dd_floor() { with_floor dd_once >>"$work/dd-floor"; }
dd_other() { with_sysrec dd_once >>"$work/dd-other"; }
dd_target() { dd_once "$sysrec" record -q --backend bpf -o /dev/null -- >>"$work/dd-target"; }

measure_dd() {
        in_turns dd_base dd_floor dd_other dd_target
        echo "dd bs=1 count=3000000, seconds, median of $runs rounds, $(uname -r), $(date +%F)."
        echo
        table seconds "%.2fx" "nothing attached:dd-base" "a sys_enter program that returns at once:dd-floor" \
                "sysrec bpf, dd not a target:dd-other" "sysrec bpf, dd the target:dd-target"
}

port=${PORT:-18082}
. bench/nginx-site.sh
# nginx_rps [RECORDER...]: one wrk run against a fresh nginx, run by RECORDER or not.
nginx_rps() {
        "$@" nginx -c "$work/nginx.conf" -g 'daemon off;' &
        local server=$!
        wait_port "$port"
        wrk -t1 -c16 -d10s "http://127.0.0.1:$port/" | awk '/Requests\/sec/ { print $2 }'
        kill -TERM "$server"
        wait "$server" || true
}
nginx_alone() { nginx_rps >>"$work/nginx-alone"; }
nginx_floor() { with_floor nginx_rps >>"$work/nginx-floor"; }
nginx_recorded() { nginx_rps "$sysrec" record -q --backend bpf -o /dev/null -- >>"$work/nginx-recorded"; }

measure_nginx() {
        nginx_site "$work" "$port"
        in_turns nginx_alone nginx_floor nginx_recorded
        echo "nginx under wrk -t1 -c16 -d10s, requests/s, median of $runs rounds, $(date +%F)."
        echo
        table requests/s "%.3f" "alone:nginx-alone" "a sys_enter program that returns at once:nginx-floor" \
                "recorded by sysrec bpf:nginx-recorded"
}

# ns_per_call NAME: run_time_ns / run_cnt of the loaded program whose name starts
# with NAME (the kernel keeps 15 characters of a name; newer bpftool prints more).
ns_per_call() {
        bpftool prog show | awk -v n="$1" '$0 ~ "name " n {
                for (i = 1; i < NF; i++) { if ($i == "run_time_ns") t = $(i + 1); if ($i == "run_cnt") c = $(i + 1) }
        } END { if (c) printf "%.1f\n", t / c; else print "no-such-program" }'
}
dd_short() { dd if=/dev/zero of=/dev/null bs=1 count=1000000 2>/dev/null; }
calls_floor() { with_floor sh -c "$(declare -f dd_short); dd_short; $(declare -f ns_per_call); ns_per_call floor_sys_enter" >>"$work/calls-floor"; }
calls_other() { with_sysrec sh -c "$(declare -f dd_short); dd_short; $(declare -f ns_per_call); ns_per_call sys_enter_by_tg" >>"$work/calls-other"; }
calls_target() {
        "$sysrec" record -q --backend bpf -o /dev/null -- sh -c "$(declare -f dd_short); dd_short; $(declare -f ns_per_call); ns_per_call sys_enter_by_tg" >>"$work/calls-target"
}

measure_calls() {
        sysctl -qw kernel.bpf_stats_enabled=1
        in_turns calls_floor calls_other calls_target
        sysctl -qw kernel.bpf_stats_enabled=0
        echo "ns per sys_enter call (bpf_stats, which adds its own cost to each), median of $runs rounds of dd bs=1 count=1000000."
        echo
        table ns "%.2fx" "a sys_enter program that returns at once:calls-floor" \
                "sysrec bpf, the caller not followed:calls-other" "sysrec bpf, the caller followed:calls-target"
}

for part in $parts; do
        "measure_$part"
        echo
done
