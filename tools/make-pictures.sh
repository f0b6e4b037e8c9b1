#!/usr/bin/env bash
# Makes the pictures in docs/img again from the examples with the upanel command: each PNG is
# what its example shows at its end, the GIF the first 3 s of virtual time of hub75_scroll.py.
# The same firmware gives the same bytes. live_view.png is not made here: it is a screenshot
# of the live view in a browser.
# Usage: tools/make-pictures.sh [OUT_DIR]   (default docs/img; UPANEL_FIRMWARE picks the firmware)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/img}
mkdir -p "$out"

capture() {  # NAME SCALE
  ./upanel capture "examples/$1.py" -o "$out/$1.png" --scale "$2"
}
capture hub75_scroll 5
capture hub75_clock 5
capture hub75_plasma 5
capture hub75_png 8
capture hub75_wall 4
capture ledmatrix_seed 5
capture tft_gui 1
capture tft_espidf 1
capture lvgl_tft 1
capture lvgl_hub75 5
./upanel record examples/hub75_scroll.py -o "$out/hub75_scroll.gif" --seconds 3 --fps 25 --scale 5
ls -l "$out"
