#!/usr/bin/env bash
# The seed's table, on the host: CPU cost of an ILI9341 frame (two quarter-screen buffers,
# 40 MHz) for the MicroPython driver on the generated espidf module, pure (flush and the
# transfer callbacks in Python) against hybrid (flush and interrupt path in C), with the
# native ili9341 module as the reference. Callgrind instructions, same run, the emulator's own
# instructions taken out (what stays would run on the ESP32's CPU: interpreter, bindings,
# ESP-IDF's SPI driver, callbacks). Usage: bench/espidf_modes_callgrind.sh [BUILD]
set -euo pipefail
cd "$(dirname "$0")"
fw=../${1:-build}/micropython
frames=4
. ./chip_instructions.sh
cost() {  # mode frames -> instructions the emulated chip's CPU would execute
  MICROPYPATH=../examples chip_instructions espidf_frame_cost.py "$1" "$2"
}
native=$(( $(cost native $frames) - $(cost native 0) ))
pure=$(( $(cost pure $frames) - $(cost pure 0) ))
hybrid=$(( $(cost hybrid $frames) - $(cost hybrid 0) ))
echo "| ILI9341 frame, 4 quarter-screen flushes | instructions per frame |"
echo "|---|---|"
echo "| espidf driver, pure MicroPython | $((pure / frames)) |"
echo "| espidf driver, hybrid (flush + interrupt path in C) | $((hybrid / frames)) |"
echo "| native ili9341 module | $((native / frames)) |"
awk -v p=$pure -v h=$hybrid -v n=$native 'BEGIN { printf "pure / hybrid = %.2f, hybrid / native = %.2f\n", p / h, h / n }'
