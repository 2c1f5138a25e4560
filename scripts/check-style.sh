#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Fails when a C file differs from what clang-format (.clang-format) would make of it.
# scripts/check-style.sh --fix rewrites them instead.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v clang-format >/dev/null; then
        echo "clang-format is missing (scripts/bootstrap.sh installs it)" >&2
        [ "${SYSREC_REQUIRE_ALL:-0}" = 1 ] && exit 1
        exit 77
fi
mapfile -t files < <(find common recorder generator cli bpf include tests -name '*.[ch]' \
        ! -name vmlinux.h ! -name '*.skel.h' 2>/dev/null | sort)
if [ "${1:-}" = --fix ]; then
        clang-format -i "${files[@]}"
else
        clang-format --dry-run --Werror "${files[@]}"
fi
