#!/usr/bin/env bash
# Sets up, builds and runs every test: C++ unit tests and MicroPython scripts on the host
# firmware under CTest, first in a normal build, then in a build with AddressSanitizer and
# UndefinedBehaviorSanitizer (LeakSanitizer included). Usage: tools/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh build
UPANEL_CMAKE_ARGS="-DUPANEL_SANITIZE=ON -DMICROPY_DIR=$PWD/build/src/micropython" tools/setup.sh build-asan
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:suppressions=$PWD/tests/sanitizers/ubsan.supp
ctest --test-dir build-asan --output-on-failure -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"
