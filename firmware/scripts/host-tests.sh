#!/usr/bin/env bash
# Configures and builds the firmware's host side (core, drivers, tests, simulator) and runs
# everything with ctest: the GoogleTest suite, the simulator against a private mosquitto, and
# the Xtensa compile check. ./test.sh calls it; it can also be run alone.
set -euo pipefail
firmware="$(cd "$(dirname "$0")/.." && pwd)"
build="${FIRMWARE_BUILD_DIR:-$firmware/build}"
cmake -S "$firmware" -B "$build" -DCMAKE_BUILD_TYPE=Debug >/dev/null
# Two cores, shared: never more than two jobs.
cmake --build "$build" -j 2
ctest --test-dir "$build" --output-on-failure -j 2
