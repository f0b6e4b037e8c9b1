#!/usr/bin/env bash
# Builds the drivers as native .mpy modules for one architecture with MicroPython's tooling.
# Usage: tools/build-mpy.sh ARCH OUT_DIR [MICROPY_DIR]
#   ARCH: x64 (loads into the host firmware, drives the emulated board), armv7m, rv32imc,
#   xtensawin (ESP32, ESP32-S3: Debian sid's LLVM, set up and cached by
#   tools/xtensa-toolchain.sh, and MicroPython's tools patched by
#   tools/micropython-xtensawin.patch).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
arch=${1:?arch}; out=${2:?out dir}
mpy_dir=${3:-${MICROPY_DIR:-$root/build/src/micropython}}
mkdir -p "$out"
make_args=()
if [ "$arch" = xtensawin ]; then
  xtensa_bin=$("$root/tools/xtensa-toolchain.sh")
  make_args+=(XTENSA_BIN="$xtensa_bin")
  # Applied once: a tree that already has the patch is left as it is.
  patch_file=$root/tools/micropython-xtensawin.patch
  if ! patch -d "$mpy_dir" -p1 -R -s -f --dry-run <"$patch_file" >/dev/null 2>&1; then
    patch -d "$mpy_dir" -p1 -N -s <"$patch_file"
  fi
fi
# mpy-cross compiles the Python merged into ili9341.mpy.
"$root/tools/build-mpy-cross.sh" "$mpy_dir"
for mod in hub75 ili9341; do
  work="$out/$mod-build"
  rm -rf "$work"  # dynruntime.mk does not track header dependencies: always build afresh
  mkdir -p "$work"
  # UPANEL_NATMOD_CFLAGS: extra flags, e.g. -DUPANEL_ILI9341_POLLED for the chip's polled
  # ILI9341 on the emulated board.
  make -s -C "$work" -f "$root/micropython/natmod/$mod/Makefile" ARCH="$arch" MPY_DIR="$mpy_dir" \
    CFLAGS_EXTRA="${UPANEL_NATMOD_CFLAGS:-}" "${make_args[@]}" \
    2> >(grep -vE 'permissive|^\s+[0-9]* \||^\s+\||In function|In expansion|note:|\^|dynruntime.h|obj.h' >&2)
  cp "$work/$mod.mpy" "$out/$mod.mpy"
  echo "$out/$mod.mpy: $(stat -c %s "$out/$mod.mpy") bytes ($arch)"
done
# ledmatrix is Python over hub75: bytecode, the same .mpy for every architecture.
"$mpy_dir/mpy-cross/build/mpy-cross" -o "$out/ledmatrix.mpy" "$root/micropython/ledmatrix/ledmatrix.py"
echo "$out/ledmatrix.mpy: $(stat -c %s "$out/ledmatrix.mpy") bytes (bytecode)"
