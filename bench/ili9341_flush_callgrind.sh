#!/usr/bin/env bash
# CPU cost of a full-screen ILI9341 frame: the native flush path against a flush written in
# plain MicroPython (bench/ili9341_pure_flush.py), in callgrind instructions, same run, with
# the emulator's own instructions taken out: what stays is what the ESP32's CPU would
# execute (interpreter, glue, driver, interrupt handler), in host instructions.
# Usage: bench/ili9341_flush_callgrind.sh [BUILD]
set -euo pipefail
cd "$(dirname "$0")"
fw=../${1:-build}/micropython
frames=4
. ./chip_instructions.sh
cost() {  # mode frames -> instructions the emulated chip's CPU would execute
  MICROPYPATH=. chip_instructions ili9341_flush_cost.py "$1" "$2"
}
native=$(( $(cost native $frames) - $(cost native 0) ))
pure=$(( $(cost pure $frames) - $(cost pure 0) ))
echo "| flush of a 240x320 frame (4 bands) | instructions per frame |"
echo "|---|---|"
echo "| native driver (C++, DMA, interrupt) | $((native / frames)) |"
echo "| plain MicroPython (CPU, 64-byte transfers) | $((pure / frames)) |"
awk -v n=$native -v p=$pure 'BEGIN { printf "plain MicroPython / native = %.0f\n", p / n }'
