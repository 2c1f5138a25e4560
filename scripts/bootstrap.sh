#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Installs what sysrec's build, tests and benchmarks need on Debian 12, then
# configures and builds into build/. Safe to run again. Run as root.
set -euo pipefail

cd "$(dirname "$0")/.."

packages=(
        # build (clang, bpftool and libbpf-dev: the eBPF backend)
        build-essential meson ninja-build pkg-config clang
        libseccomp-dev libjson-c-dev libbpf-dev bpftool
        # tests (libclang-rt-14-dev: libFuzzer and clang's sanitizers, which clang only
        # recommends; strace: a tracer already on the target in record-notify.sh)
        check python3 procps util-linux clang-format libclang-rt-14-dev strace
        # container tests (tests/containers/: crun and runc run a busybox-static rootfs)
        crun runc busybox-static
        # benchmarks (time: /usr/bin/time for peak memory; auditd: ausearch for
        # bench/audit-parse.sh, installed with its daemon kept stopped, see below; bc)
        time bpftrace nginx wrk auditd bc
)

missing=()
for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -q
        # A running auditd would take the audit records away from the kernel log that
        # sysrec audit --kmsg reads: forbid service starts during the install.
        policy=/usr/sbin/policy-rc.d
        [ -e "$policy" ] && cp -p "$policy" "$policy.sysrec-saved"
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy"
        status=0
        apt-get install -y -q --no-install-recommends "${missing[@]}" || status=$?
        if [ -e "$policy.sysrec-saved" ]; then mv "$policy.sysrec-saved" "$policy"; else rm -f "$policy"; fi
        [ "$status" = 0 ] || exit "$status"
fi

# bpf=enabled: with the packages above a missing piece is an error, not a build
# that silently lacks the eBPF backend.
if [ -d build ]; then
        meson setup --reconfigure -Dbpf=enabled build
else
        meson setup -Dbpf=enabled build
fi
ninja -C build
