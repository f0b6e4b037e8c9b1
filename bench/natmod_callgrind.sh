#!/usr/bin/env bash
# The native modules (.mpy) against the built-in modules, in instructions counted by callgrind
# in the same run: each firmware does the work 0 and N times, and the difference divided by N
# is the cost of one. HUB75: one show() (encoder). ILI9341: one full-screen flush in four
# bands (bench/ili9341_flush_cost.py), with the emulator's own instructions taken out as in
# bench/ili9341_flush_callgrind.sh: what stays is what the chip's CPU would run.
# Usage: bench/natmod_callgrind.sh [BUILD]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
n=200
frames=8
count() {  # firmware, extra env, frames
  local out; out=$(mktemp)
  env $2 valgrind --tool=callgrind --callgrind-out-file="$out" "$1" bench/natmod_encode.py "$3" \
    > /dev/null 2> "$out.log" || { cat "$out.log" >&2; exit 1; }
  grep -o "Collected : [0-9]*" "$out.log" | grep -o "[0-9]*"
  rm -f "$out.log"
  rm -f "$out"
}
flush_cost() {  # firmware, MICROPYPATH, frames -> instructions outside the emulator
  local out; out=$(mktemp)
  MICROPYPATH=$2 valgrind --tool=callgrind --callgrind-out-file="$out" \
    "$1" bench/ili9341_flush_cost.py native "$3" > /dev/null 2> "$out.log" || { cat "$out.log" >&2; exit 1; }
  # Self cost of every function but the emulator's (upanel::emu, in emu/). The native
  # module's code has no symbols for callgrind ("???"): it stays, as it should.
  callgrind_annotate --auto=no --threshold=100 "$out" 2>/dev/null |
    awk '/file:function/ {on = 1; next} on && /^ *[0-9,]+ / && !/upanel::emu::|\/emu\// {
           gsub(",", "", $1); s += $1 } END { printf "%d\n", s }'
  rm -f "$out" "$out.log"
}
natpath=$build/natmod/x64
builtin=$(( $(count $build/micropython "" $n) - $(count $build/micropython "" 0) ))
native=$(( $(count $build/micropython-emu "MICROPYPATH=$natpath" $n) - \
           $(count $build/micropython-emu "MICROPYPATH=$natpath" 0) ))
echo "| module | instructions per show() of 64x32, depth 8 |"
echo "|---|---|"
echo "| built-in | $((builtin / n)) |"
echo "| native .mpy (x64) | $((native / n)) |"
awk -v b=$builtin -v n=$native 'BEGIN { printf "native / built-in = %.3f\n\n", n / b }'

fbuiltin=$(( $(flush_cost $build/micropython bench $frames) - $(flush_cost $build/micropython bench 0) ))
fnative=$(( $(flush_cost $build/micropython-emu "$natpath:bench" $frames) - \
            $(flush_cost $build/micropython-emu "$natpath:bench" 0) ))
echo "| module | instructions per ILI9341 frame (240x320 in 4 bands, emulator excluded) |"
echo "|---|---|"
echo "| built-in | $((fbuiltin / frames)) |"
echo "| native .mpy (x64) | $((fnative / frames)) |"
awk -v b=$fbuiltin -v n=$fnative 'BEGIN { printf "native / built-in = %.3f\n", n / b }'
