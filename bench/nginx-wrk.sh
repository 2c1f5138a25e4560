#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# nginx (Debian package) serving a static file on loopback under wrk, uninstrumented
# and recorded by each sysrec backend and by strace -f: requests per second, median
# of RUNS runs (default 3) of DURATION seconds (default 10), and sysrec's peak RSS.
#   bench/nginx-wrk.sh [SYSREC]        (default build/sysrec)
# Prints a Markdown table for docs/benchmarks.md. Run as root on an idle machine.
set -euo pipefail

sysrec=$(realpath "${1:-build/sysrec}")
runs=${RUNS:-3}
duration=${DURATION:-10}
port=${PORT:-18080}
for tool in nginx wrk strace; do
        command -v "$tool" >/dev/null || { echo "$tool is needed (scripts/bootstrap.sh installs it)" >&2; exit 1; }
done

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
chmod 0755 "$dir"
. "$(dirname "$0")/nginx-site.sh"
nginx_site "$dir" "$port"
nginx_cmd=(nginx -c "$dir/nginx.conf" -g 'daemon off;')

# One run: starts "$@" (which runs nginx), measures, stops it. Prints "RPS RSS_KIB".
run_once() {
        "$@" >/dev/null 2>&1 &
        local pid=$! rps hwm
        wait_port "$port"
        rps=$(wrk -t1 -c16 -d"${duration}s" "http://127.0.0.1:$port/index.html" | awk '/Requests\/sec/ { print $2 }')
        hwm=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
        kill -TERM "$pid"
        # strace detaches on SIGTERM and leaves nginx running: stop it by its pid file
        sleep 0.5
        [ -s "$dir/nginx.pid" ] && kill -TERM "$(cat "$dir/nginx.pid")" 2>/dev/null || true
        wait "$pid" || true
        echo "$rps $hwm"
}

median_of() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

measure() { # NAME COMMAND...: prints "NAME RPS RSS"
        local name=$1 results=()
        shift
        for _ in $(seq "$runs"); do
                results+=("$(run_once "$@")")
        done
        printf '%s %s %s\n' "$name" "$(printf '%s\n' "${results[@]}" | awk '{ print $1 }' | median_of)" \
                "$(printf '%s\n' "${results[@]}" | awk '{ print $2 }' | median_of)"
}

{
        measure uninstrumented "${nginx_cmd[@]}"
        measure "sysrec bpf" "$sysrec" record -q --backend bpf -o /dev/null -- "${nginx_cmd[@]}"
        measure "sysrec notify" "$sysrec" record -q --backend notify -o /dev/null -- "${nginx_cmd[@]}"
        measure "sysrec ptrace" "$sysrec" record -q --backend ptrace -o /dev/null -- "${nginx_cmd[@]}"
        measure "strace -f -c" strace -f -c -o /dev/null "${nginx_cmd[@]}"
} >"$dir/results"

echo "nginx $(nginx -v 2>&1 | sed 's/.*\///'), wrk -t1 -c16 -d${duration}s on loopback, median of $runs runs," \
        "$(nproc) cores, kernel $(uname -r), $(date -u +%Y-%m-%d)."
echo
echo "| recorder | requests/s | of uninstrumented | recorder peak RSS |"
echo "|---|---|---|---|"
awk -F' ' '
        { n = NF; rps = $(n - 1); rss = $n; name = $1; for (i = 2; i < n - 1; i++) name = name " " $i }
        NR == 1 { base = rps }
        { printf "| %s | %.0f | %.1f%% | %s |\n", name, rps, 100 * rps / base, NR == 1 ? "-" : rss " KiB" }' "$dir/results"
