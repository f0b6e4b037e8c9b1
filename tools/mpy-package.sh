#!/usr/bin/env bash
# Builds the native modules for each architecture this machine can build and lays them out
# for MicroPython's mip: OUT_DIR/<arch>/{package.json, *.mpy}. Usage: tools/mpy-package.sh OUT
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?out dir}
version=$(git -C "$root" describe --always --dirty 2>/dev/null || echo unknown)
for arch in x64 armv7m rv32imc xtensawin; do
  if ! "$root/tools/build-mpy.sh" "$arch" "$out/$arch/build" >/dev/null 2>&1; then
    echo "$arch: not built (no compiler for it here)"
    rm -rf "${out:?}/$arch"
    continue
  fi
  mv "$out/$arch"/build/*.mpy "$out/$arch/"
  for mod in hub75 ili9341 ledmatrix; do  # every module tools/build-mpy.sh builds
    [ -f "$out/$arch/$mod.mpy" ] || { echo "$arch: $mod.mpy missing" >&2; exit 1; }
  done
  rm -rf "${out:?}/$arch/build"
  urls=$(cd "$out/$arch" && for f in *.mpy; do printf '["%s", "%s"], ' "$f" "$f"; done)
  printf '{"urls": [%s], "version": "%s"}\n' "${urls%, }" "$version" > "$out/$arch/package.json"
  echo "$arch: $(cd "$out/$arch" && echo *.mpy) package.json"
done
