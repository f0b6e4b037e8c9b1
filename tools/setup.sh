#!/usr/bin/env bash
# Installs what building and testing upanel needs on Debian 12, then configures and builds
# (git: the build clones LVGL when LVGL_DIR and LV_BINDING_DIR are not given).
# Usage: tools/setup.sh [BUILD_DIR]     (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}

packages=(build-essential cmake git pkg-config python3 python3-pyelftools xz-utils
          libgtest-dev libgmock-dev libbenchmark-dev libpng-dev libffi-dev valgrind
          libcivetweb-dev libgif-dev chromium
          gcc-arm-none-eabi gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf
          clang clang-format libclang-rt-14-dev libclang-14-dev liblodepng-dev
          python3-pycparser
          debootstrap libnewlib-dev qemu-system-misc binutils-xtensa-lx106)  # xtensawin
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ] || [ "${CI:-}" = "true" ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${packages[@]}" >/dev/null
fi

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo ${UPANEL_CMAKE_ARGS:-} >/dev/null
cmake --build "$build" -j"$(nproc)"
