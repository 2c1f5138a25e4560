#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Parse rate of `sysrec audit FILE` on a synthetic auditd log beside
# `ausearch -m SECCOMP --raw` on the same file, in the same run (issue 6: at least
# 10x ausearch). The log (SIZE_MB, default 128) mixes realistic SECCOMP records of
# several programs, a few hex-encoded, with SYSCALL, PATH, CWD and PROCTITLE records,
# as a busy node's audit.log holds them. Figures go in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

sysrec=${SYSREC:-build/sysrec}
size_mb=${SIZE_MB:-128}
runs=${RUNS:-3}
command -v ausearch >/dev/null || { echo "ausearch missing: scripts/bootstrap.sh installs auditd" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log="$work/audit.log"

python3 - "$log" "$size_mb" <<'PY'
import random, sys
path, size = sys.argv[1], int(sys.argv[2]) << 20
rnd = random.Random(6)
progs = [("nginx", "/usr/sbin/nginx"), ("redis-server", "/usr/bin/redis-server"),
         ("6E67696E7820776F726B6572", "/usr/sbin/nginx"), ("kube-proxy", "/usr/local/bin/kube-proxy")]
nrs = [0, 1, 3, 9, 10, 11, 12, 17, 39, 41, 42, 44, 45, 202, 228, 232, 257, 262, 281, 290]
serial, t, out, n = 1000, 1795649700.0, [], 0
with open(path, "w") as f:
    while n < size:
        serial += 1
        t += 0.0007
        stamp = "audit(%.3f:%d)" % (t, serial)
        comm, exe = rnd.choice(progs)
        pid = rnd.randrange(1000, 40000)
        c = comm if comm[0].isdigit() else '"%s"' % comm
        if rnd.random() < 0.4:
            line = ('type=SECCOMP msg=%s: auid=4294967295 uid=0 gid=0 ses=4294967295 subj=unconfined pid=%d '
                    'comm=%s exe="%s" sig=0 arch=c000003e syscall=%d compat=0 ip=0x7f%010x code=0x7ffc0000\n'
                    % (stamp, pid, c, exe, rnd.choice(nrs), rnd.randrange(1 << 36)))
        else:
            line = ('type=SYSCALL msg=%s: arch=c000003e syscall=257 success=yes exit=3 a0=ffffff9c a1=7ffd2 a2=0 '
                    'a3=0 items=1 ppid=1 pid=%d auid=4294967295 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 '
                    'fsgid=0 tty=(none) ses=4294967295 comm=%s exe="%s" subj=unconfined key="files"\n'
                    'type=CWD msg=%s: cwd="/"\n'
                    'type=PATH msg=%s: item=0 name="/etc/ld.so.cache" inode=1234 dev=08:01 mode=0100644 ouid=0 '
                    'ogid=0 rdev=00:00 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0\n'
                    'type=PROCTITLE msg=%s: proctitle=2F7573722F7362696E2F6E67696E78002D67\n'
                    % (stamp, pid, c, exe, stamp, stamp, stamp))
        f.write(line)
        n += len(line)
PY
bytes=$(stat -c %s "$log")
cat "$log" >/dev/null # both read it from the page cache

# best of RUNS, in seconds; a command failing is tolerated (ausearch exits 1 when it
# finds nothing), so sysrec is checked once first: a failed parse is no speed.
best() {
        local b="" s e d
        for _ in $(seq "$runs"); do
                s=$(date +%s.%N)
                "$@" >/dev/null 2>&1 || true
                e=$(date +%s.%N)
                d=$(echo "$e - $s" | bc -l)
                if [ -z "$b" ] || [ "$(echo "$d < $b" | bc -l)" = 1 ]; then b=$d; fi
        done
        echo "$b"
}
"$sysrec" audit -q -o /dev/null "$log"
t_sysrec=$(best "$sysrec" audit -q -o /dev/null "$log")
t_ausearch=$(best ausearch -m SECCOMP --raw -if "$log")
n_seccomp=$(grep -c '^type=SECCOMP' "$log")
mb=$(echo "$bytes / 1048576" | bc -l)
printf 'file: %.0f MiB, %d lines, %d SECCOMP records\n' "$mb" "$(wc -l <"$log")" "$n_seccomp"
printf 'sysrec audit:               %6.3f s  %7.1f MiB/s\n' "$t_sysrec" "$(echo "$mb / $t_sysrec" | bc -l)"
printf 'ausearch -m SECCOMP --raw:  %6.3f s  %7.1f MiB/s\n' "$t_ausearch" "$(echo "$mb / $t_ausearch" | bc -l)"
printf 'ratio: %.1fx\n' "$(echo "$t_ausearch / $t_sysrec" | bc -l)"
