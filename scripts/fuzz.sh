#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Builds the fuzz targets with clang, libFuzzer, ASan and UBSan into build-fuzz/ and
# runs each for FUZZ_SECONDS (default 60) from a copy of its corpus. A crash leaves
# its input in build-fuzz/ (crash-*) and fails the script: add that input to
# tests/fuzz/corpus/ with the fix, so it stays a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
if [ ! -d build-fuzz ]; then
        CC=clang meson setup build-fuzz -Dfuzzer=true -Db_sanitize=address,undefined -Db_lundef=false
fi
ninja -C build-fuzz tests/fuzz/fuzz-profile-parse tests/fuzz/fuzz-recording-parse

for target in profile-parse recording-parse; do
        work=$(mktemp -d)
        cp tests/fuzz/corpus/"$target"/* "$work"/
        echo "fuzz-$target: ${seconds}s"
        (cd build-fuzz && UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
                ./tests/fuzz/fuzz-"$target" -max_total_time="$seconds" -max_len=65536 \
                -print_final_stats=1 "$work" 2>&1 | grep -E "stat::number_of_executed_units|ERROR|SUMMARY|crash-" || true)
        rm -rf "$work"
        ls build-fuzz/crash-* >/dev/null 2>&1 && { echo "fuzz-$target found a crash" >&2; exit 1; }
done
echo "fuzzing passed"
