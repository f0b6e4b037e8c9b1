#!/usr/bin/env bash
# Compiles the code that runs on the chip (core, drivers) for a 32-bit freestanding target, as
# a check that it is freestanding, 32-bit clean and free of static constructors.
# Usage: tools/cross-check.sh armv7m|rv32imc OUT_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
arch=${1:?arch}; out=${2:?out dir}
case "$arch" in
  armv7m) cxx=arm-none-eabi-g++; objdump=arm-none-eabi-objdump; flags=(-mcpu=cortex-m4 -mthumb) ;;
  rv32imc) cxx=riscv64-unknown-elf-g++; objdump=riscv64-unknown-elf-objdump; flags=(-march=rv32imc -mabi=ilp32) ;;
  *) echo "cross-check: unknown arch $arch" >&2; exit 2 ;;
esac
mkdir -p "$out"
sources=(core/src/*.cpp drivers/*/*.cpp)
for src in "${sources[@]}"; do
  obj="$out/$(basename "${src%.cpp}").o"
  "$cxx" "${flags[@]}" -std=c++17 -O2 -ffreestanding -fno-exceptions -fno-rtti \
    -fno-threadsafe-statics -Wall -Wextra -Werror -Wno-missing-field-initializers \
    -Icore/include -Ill/include -Idrivers/hub75 -c "$src" -o "$obj"
  if "$objdump" -h "$obj" | grep -qE '\.init_array|\.ctors'; then
    echo "cross-check: $src has static constructors" >&2; exit 1
  fi
done
echo "cross-check $arch: ${#sources[@]} files compiled, no static constructors"
