#!/usr/bin/env bash
# Sets up, builds and runs every test: C++ unit tests and MicroPython scripts on the host
# firmware, all under CTest. Usage: tools/test.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
tools/setup.sh "$build"
ctest --test-dir "$build" --output-on-failure -j"$(nproc)"
