#!/usr/bin/env bash
# The long reliability runs, in the sanitizer build (ASan, UBSan, LeakSanitizer): one emulated
# hour of HUB75 refresh with a new frame every 16 ms, one emulated hour of ILI9341 flushes,
# and 10,000 create-draw-show-deinit cycles of each driver. Prints host times. Usage: tools/soak.sh   (after tools/test.sh has built build-asan)
set -euo pipefail
cd "$(dirname "$0")/../tests/py"
fw=../../build-asan/micropython
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:suppressions=$PWD/../sanitizers/ubsan.supp
time "$fw" test_hub75_soak.py 3600
time "$fw" test_hub75_cycles.py 10000
time "$fw" test_ili9341_soak.py 3600
time "$fw" test_ili9341_cycles.py 10000
