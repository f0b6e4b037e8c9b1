#!/usr/bin/env bash
# Sets up the Xtensa (ESP32, windowed ABI) compiler: Debian sid's clang-21/llvm-21, whose
# Xtensa back end has the windowed ABI, in a minimal sid root made with debootstrap, with
# newlib's headers. The root is cached and reused; the tools run from it through sid's own
# dynamic loader (no chroot needed to use them, only to make the root).
# Usage: tools/xtensa-toolchain.sh [ROOT]   (default: build/xtensa-sid)
# The C library's headers are newlib's from the host (Debian 12's libnewlib-dev, in
# tools/setup.sh's list): sid no longer has that package.
# Prints the folder of the wrappers (clang, llvm-mc, llvm-objdump, ...) on stdout.
# Making the root needs root (debootstrap, chroot) and the Debian archive named in this
# machine's apt configuration (the URI tools/fetch-micropython.sh uses).
set -euo pipefail
export PATH=$PATH:/usr/sbin:/sbin  # debootstrap and chroot, for callers without them in PATH
repo=$(cd "$(dirname "$0")/.." && pwd)
root=${1:-$repo/build/xtensa-sid}
root=$(mkdir -p "$(dirname "$root")" && cd "$(dirname "$root")" && pwd)/$(basename "$root")
bin=$root/upanel-bin
llvm=/usr/lib/llvm-21/bin

# One maker at a time (CTest runs the tests that need it in parallel); the others wait.
exec 9>"$root.lock"
flock 9
if [ ! -f "$root/.upanel-ready" ]; then
  fail() { echo "xtensa-toolchain: $*" >&2; exit 1; }
  [ "$(id -u)" -eq 0 ] || fail "making the sid root needs root (debootstrap, chroot)"
  command -v debootstrap >/dev/null || fail "debootstrap is not installed (apt-get install debootstrap)"
  uri=$("$repo/tools/debian-archive-uri.sh") || fail "no Debian archive URI in the apt configuration"
  start=$(date +%s)
  tmp=$root.partial
  # A base system from an earlier, interrupted run is reused.
  if [ ! -f "$tmp/.upanel-debootstrapped" ]; then
    rm -rf "$tmp"
    debootstrap --variant=minbase sid "$tmp" "$uri" >"$root.log" 2>&1 ||
      fail "debootstrap sid failed (log: $root.log)"
    touch "$tmp/.upanel-debootstrapped"
  fi
  # The archive may be a dated snapshot: its Release files' Valid-Until has passed.
  echo 'Acquire::Check-Valid-Until "false";' >"$tmp/etc/apt/apt.conf.d/99upanel"
  chroot "$tmp" apt-get update -qq >>"$root.log" 2>&1 || fail "apt-get update in the sid root failed"
  DEBIAN_FRONTEND=noninteractive chroot "$tmp" apt-get install -y -qq --no-install-recommends \
    clang-21 llvm-21 >>"$root.log" 2>&1 || fail "installing clang-21 in the sid root failed"
  chroot "$tmp" apt-get clean
  [ -x "$tmp$llvm/clang" ] || fail "no clang in $tmp$llvm"
  mv "$tmp" "$root"
  touch "$root/.upanel-ready"
  echo "xtensa-toolchain: sid root made in $(($(date +%s) - start)) s" >&2
fi

# Wrappers: sid's loader with sid's libraries runs sid's binaries on an older host.
# Resource dir given explicitly: clang would look for it beside the loader otherwise.
mkdir -p "$bin"
loader=$root/lib64/ld-linux-x86-64.so.2
libs=$root/usr/lib/x86_64-linux-gnu:$root/lib/x86_64-linux-gnu:$root/usr/lib/llvm-21/lib
resource=$(ls -d "$root"/usr/lib/llvm-21/lib/clang/*/ | head -n 1)
for tool in clang llvm-mc llvm-objdump llvm-readelf llvm-nm; do
  extra=""
  [ "$tool" = clang ] && extra="-resource-dir ${resource%/}"
  cat >"$bin/$tool.new" <<SH
#!/bin/sh
exec "$loader" --library-path "$libs" "$root$llvm/$tool" $extra "\$@"
SH
  chmod +x "$bin/$tool.new"
  mv "$bin/$tool.new" "$bin/$tool"
done
# The compiler's own headers (stddef.h, stdarg.h), for builds with -nostdinc.
ln -sfn "${resource%/}/include" "$bin/clang-include"
flock -u 9
echo "$bin"
