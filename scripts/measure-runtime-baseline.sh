#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Measures an OCI runtime's baseline: the syscalls its container init process makes
# after it installs the container's seccomp filter and up to (and including) the
# execve of the entrypoint. A profile that lacks one of them stops the container
# from starting. Prints, per noNewPrivileges setting, the union over every run and
# user, sorted, one line each, ready for generator/runtime-baseline.c:
#
#   scripts/measure-runtime-baseline.sh [--runtime crun|runc] [--repeat N] [-v]
#
# Method: the runtime runs under 'strace -f' (crun through tests/containers/crun.sh),
# a busybox bundle (tests/containers/make-bundle.sh) whose linux.seccomp allows
# everything but kexec_load, so a filter is installed and nothing fails. In the trace,
# the thread that installs the filter with a filter argument (seccomp(
# SECCOMP_SET_MODE_FILTER, ..., {len=...}) or prctl(PR_SET_SECCOMP,
# SECCOMP_MODE_FILTER, {len=...})) and every thread or process it clones afterwards
# (they inherit the filter) are followed to that thread's execve. Each run is
# repeated for noNewPrivileges true and false, as uid 0 and as uid 65534.
# -v prints every run's list too. Run as root; needs strace, python3, busybox-static.
set -euo pipefail

cd "$(dirname "$0")/.."
runtime=crun
repeat=5
verbose=0
while [ $# -gt 0 ]; do
        case $1 in
        --runtime)
                runtime=${2:?}
                shift 2
                ;;
        --repeat)
                repeat=${2:?}
                shift 2
                ;;
        -v)
                verbose=1
                shift
                ;;
        *)
                echo "usage: $0 [--runtime crun|runc] [--repeat N] [-v]" >&2
                exit 2
                ;;
        esac
done
case $runtime in crun | runc) ;; *)
        echo "$0: unknown runtime $runtime" >&2
        exit 2
        ;;
esac
command -v "$runtime" >/dev/null || {
        echo "$0: $runtime is not installed" >&2
        exit 1
}
command -v strace >/dev/null || {
        echo "$0: strace is not installed" >&2
        exit 1
}

# shellcheck source=../tests/containers/crun.sh
. tests/containers/crun.sh

work=$(mktemp -d "${TMPDIR:-/tmp}/sysrec-baseline.XXXXXX")
ids=()
cleanup() {
        for id in "${ids[@]}"; do
                if [ "$runtime" = crun ]; then
                        crun_delete "$id" || true
                else
                        runc delete -f "$id" 2>/dev/null || true
                fi
        done
        rm -rf "$work"
}
trap cleanup EXIT

cat >"$work/seccomp.json" <<'EOF'
{"defaultAction": "SCMP_ACT_ALLOW", "architectures": ["SCMP_ARCH_X86_64"],
 "syscalls": [{"names": ["kexec_load"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1}]}
EOF

# extract LOG: the syscall names after the filter, one a line, sorted and unique.
extract() {
        python3 - "$1" <<'EOF'
import re, sys

call = re.compile(r"^(\d+)\s+(?:<\.\.\. )?([a-z_][a-z0-9_]*)[( ]")
resumed = re.compile(r"^(\d+)\s+<\.\.\. ([a-z0-9_]+) resumed>.*= (\d+)")
done_ = re.compile(r"^(\d+)\s+([a-z0-9_]+)\(.*\) += (\d+)")
install = re.compile(r"^(\d+)\s+(seccomp\(SECCOMP_SET_MODE_FILTER, [^,]*, \{len=|prctl\(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, \{len=)")
lines = open(sys.argv[1]).read().splitlines()
start = None
for i, l in enumerate(lines):
    m = install.match(l)
    if m:
        start, init = i, m.group(1)
if start is None:
    sys.exit("no seccomp filter installed in " + sys.argv[1])
followed, names = {init}, set()
for l in lines[start + 1:]:
    pid = l.split(None, 1)[0]
    if pid not in followed:
        continue
    # a clone's child pid: from 'clone(...) = N' or '<... clone resumed> ... = N'
    for rx in (done_, resumed):
        m = rx.match(l)
        if m and m.group(2) in ("clone", "clone3", "fork", "vfork"):
            followed.add(m.group(3))
    if "resumed>" in l or l.split(None, 1)[1].startswith(("+++", "---")):
        continue
    m = call.match(l)
    if not m:
        continue
    names.add(m.group(2))
    if pid == init and m.group(2) in ("execve", "execveat"):
        break
else:
    sys.exit("no execve after the filter in " + sys.argv[1])
print("\n".join(sorted(names)))
EOF
}

n=0
for nnp in true false; do
        for user in 0:0 65534:65534; do
                bundle=$work/bundle-$nnp-${user%%:*}
                tests/containers/make-bundle.sh --nnp "$nnp" --user "$user" \
                        --seccomp "$work/seccomp.json" "$bundle" sh -c 'echo hello' >/dev/null
                for _ in $(seq "$repeat"); do
                        n=$((n + 1))
                        id=sysrec-baseline-$$-$n
                        ids+=("$id")
                        log=$work/trace-$n.log
                        if [ "$runtime" = crun ]; then
                                out=$(crun_ns strace -f -qq -o "$log" "${CRUN:-crun}" \
                                        --cgroup-manager=disabled run --bundle "$bundle" "$id")
                        else
                                out=$(strace -f -qq -o "$log" runc run --bundle "$bundle" "$id")
                        fi
                        [ "$out" = hello ] || {
                                echo "$0: the container printed '$out', not 'hello'" >&2
                                exit 1
                        }
                        extract "$log" >"$work/names-$nnp-$n"
                        [ "$verbose" = 0 ] ||
                                echo "# nnp=$nnp user=$user run $n: $(tr '\n' ' ' <"$work/names-$nnp-$n")"
                done
        done
done

if [ "$runtime" = crun ]; then
        version=$(crun --version | sed -n 's/^crun version //p')
else
        version=$(runc --version | sed -n 's/^runc version //p')
fi
echo "# $runtime $version, kernel $(uname -r), $repeat runs per setting as uid 0 and 65534"
for nnp in true false; do
        # union, and the names not seen in every run (they depend on timing)
        all=$(cat "$work"/names-"$nnp"-* | sort -u)
        runs=$(ls "$work"/names-"$nnp"-* | wc -l)
        some=$(cat "$work"/names-"$nnp"-* | sort | uniq -c | awk -v r="$runs" '$1 < r { print $2 }')
        echo "$runtime nnp=$nnp: $(tr '\n' ' ' <<<"$all")"
        [ -z "$some" ] || echo "# $runtime nnp=$nnp, not in every run: $(tr '\n' ' ' <<<"$some")"
done
