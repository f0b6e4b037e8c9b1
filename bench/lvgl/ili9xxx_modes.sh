#!/usr/bin/env bash
# The seed's performance table again, with real LVGL: CPU cost of a full-screen frame (LVGL
# renders a demo screen into two quarter-screen buffers, 40 MHz SPI) shown through
# lv_binding_micropython's unmodified ili9XXX.py in pure mode (flush and DMA-done callback in
# Python) and hybrid mode (both in C: espidf.ili9xxx_flush), against upanel's native ili9341
# module. Callgrind instructions, same run, with the emulator's own instructions taken out
# (what stays would run on the ESP32's CPU: LVGL's rendering, the interpreter, the bindings,
# ESP-IDF's SPI driver, the callbacks), and the emulated bus time a frame.
# Needs a build with LVGL. Usage: bench/lvgl/ili9xxx_modes.sh [BUILD]
set -euo pipefail
cd "$(dirname "$0")/.."
fw=../${1:-build}/micropython
frames=3
: "${LV_BINDING_DIR:?set LV_BINDING_DIR to lv_binding_micropython}"
. ./chip_instructions.sh
path=.frozen:lvgl:../tests/lvgl:$LV_BINDING_DIR/driver/esp32:$LV_BINDING_DIR/lib
cost() {  # mode frames -> instructions the emulated chip's CPU would execute
  MICROPYPATH=$path chip_instructions lvgl/ili9xxx_frame_cost.py "$1" "$2"
}
bus() {  # mode -> emulated bus time a frame, in microseconds
  MICROPYPATH=$path "$fw" lvgl/ili9xxx_frame_cost.py "$1" 1 | awk '/bus_us_per_frame/ { print $2 }'
}
echo "| full-screen LVGL frame (4 bands) | instructions per frame | more than native | bus time per frame (us) |"
echo "|---|---|---|---|"
declare -A per
for mode in pure hybrid native; do
  per[$mode]=$(( ($(cost $mode $frames) - $(cost $mode 0)) / frames ))
done
for mode in pure hybrid native; do
  echo "| $mode | ${per[$mode]} | $(( per[$mode] - per[native] )) | $(bus $mode) |"
done
awk -v p=${per[pure]} -v h=${per[hybrid]} -v n=${per[native]} \
  'BEGIN { printf "pure / hybrid = %.2f, hybrid / native = %.2f\n", p / h, h / n }'
