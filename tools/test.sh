#!/usr/bin/env bash
# Sets up, builds and runs every test: C++ unit tests and MicroPython scripts on the host
# firmware under CTest, first in a normal build, then in a build with AddressSanitizer and
# UndefinedBehaviorSanitizer (LeakSanitizer included), and the mutation check
# (tools/mutants.sh). The xtensawin modules and the QEMU run of the core are CTest tests too:
# the first run sets up Debian sid's LLVM under build/xtensa-sid (root, the Debian archive;
# CI=true makes their absence a failure, not a skip). Usage: tools/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh build
# The sanitizer build uses the sources the first one fetched (MicroPython, and LVGL if cloned).
args="-DUPANEL_SANITIZE=ON -DMICROPY_DIR=$PWD/build/src/micropython"
if [ -z "${LVGL_DIR:-}" ] && [ -f build/src/lvgl/lvgl.h ]; then
  args+=" -DLVGL_DIR=$PWD/build/src/lvgl"
fi
if [ -z "${LV_BINDING_DIR:-}" ] && [ -f build/src/lv_binding_micropython/lv_conf.h ]; then
  args+=" -DLV_BINDING_DIR=$PWD/build/src/lv_binding_micropython"
fi
UPANEL_CMAKE_ARGS="$args" tools/setup.sh build-asan
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:suppressions=$PWD/tests/sanitizers/ubsan.supp
ctest --test-dir build-asan --output-on-failure -j"$(nproc)"
# Planted driver bugs (tools/mutants/*.patch) must each fail the tests that name them.
tools/mutants.sh build/mutants
ctest --test-dir build --output-on-failure -j"$(nproc)"
