#!/usr/bin/env bash
# Builds MicroPython's mpy-cross once per source tree, under a lock since several builds may
# ask for it at once. Usage: tools/build-mpy-cross.sh MICROPY_DIR
set -euo pipefail
mpy_dir=${1:?usage: build-mpy-cross.sh MICROPY_DIR}
[ -x "$mpy_dir/mpy-cross/build/mpy-cross" ] && exit 0
# A make of its own: none of a calling make's variables (BUILD, CFLAGS_EXTRA, ...) reach it.
unset MAKEFLAGS MAKELEVEL MFLAGS
flock "$mpy_dir/mpy-cross/.upanel-build.lock" \
  bash -c '[ -x "$1/mpy-cross/build/mpy-cross" ] || make -s -C "$1/mpy-cross" -j2 >/dev/null' _ "$mpy_dir"
