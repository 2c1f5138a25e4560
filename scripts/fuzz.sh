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
# Every target has a corpus directory of its name (tests/fuzz/meson.build).
targets=$(ls tests/fuzz/corpus)
ninja -C build-fuzz $(printf 'tests/fuzz/fuzz-%s ' $targets)

for target in $targets; do
        work=$(mktemp -d)
        cp tests/fuzz/corpus/"$target"/* "$work"/
        echo "fuzz-$target: ${seconds}s"
        status=0
        (cd build-fuzz && UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
                ./tests/fuzz/fuzz-"$target" -max_total_time="$seconds" -max_len=65536 \
                -print_final_stats=1 "$work") >"$work.log" 2>&1 || status=$?
        grep -E "stat::number_of_executed_units|ERROR|SUMMARY|crash-" "$work.log" || true
        rm -rf "$work" "$work.log"
        # libFuzzer exits non-zero on a crash, a leak, a timeout, or when it cannot run
        if [ "$status" -ne 0 ]; then
                echo "fuzz-$target failed (exit $status); any input is in build-fuzz/crash-*" >&2
                exit 1
        fi
done
echo "fuzzing passed"
