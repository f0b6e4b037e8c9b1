#!/usr/bin/env bash
# The chip-side core compiled for the ESP32's Xtensa core by the modules' compiler and flags,
# run on QEMU's emulated Xtensa CPU (sim machine, de233_fpu: windowed registers, FPU), must
# report the same digests as the host build. Without the compiler or QEMU: fails in CI
# (CI=true), skipped (77) elsewhere.
# Usage: tests/xtensa/run-core-digest.sh HOST_DIGEST_EXE OUT_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
host_exe=${1:?host digest executable}; out=${2:?out dir}

unavailable() {
  echo "xtensa core digest: $*" >&2
  if [ "${CI:-}" = "true" ]; then exit 1; fi
  echo "skipped (not in CI): $*"
  exit 77
}
command -v qemu-system-xtensa >/dev/null || unavailable "no qemu-system-xtensa (qemu-system-misc)"
command -v xtensa-lx106-elf-ld >/dev/null || unavailable "no xtensa-lx106-elf-ld (binutils-xtensa-lx106)"
xtensa_bin=$("$root/tools/xtensa-toolchain.sh") || unavailable "no Xtensa compiler (tools/xtensa-toolchain.sh failed)"

mkdir -p "$out"
make -s -f "$root/tests/xtensa/Makefile" XTENSA_BIN="$xtensa_bin" OUT="$out"
"$host_exe" >"$out/host.txt"
qemu-system-xtensa -M sim -cpu de233_fpu -semihosting -nographic -monitor none \
  -kernel "$out/core_digest.elf" >"$out/qemu.txt"
grep -q '^== end$' "$out/host.txt" || { echo "host digest incomplete" >&2; exit 1; }
if ! diff -u "$out/host.txt" "$out/qemu.txt"; then
  echo "the Xtensa build's digests differ from the host's" >&2
  exit 1
fi
echo "$(grep -vc '^==' "$out/qemu.txt") digests identical on the host and on QEMU's Xtensa CPU"
