#!/usr/bin/env bash
# Encoder cost of the native module (.mpy) against the built-in module, in instructions
# counted by callgrind in the same run: each firmware encodes 0 and N frames, and the
# difference divided by N is the cost of one show(). Usage: bench/natmod_callgrind.sh [BUILD]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
n=200
count() {  # firmware, extra env, frames
  local out; out=$(mktemp)
  env $2 valgrind --tool=callgrind --callgrind-out-file="$out" "$1" bench/natmod_encode.py "$3" \
    > /dev/null 2> "$out.log" || { cat "$out.log" >&2; exit 1; }
  grep -o "Collected : [0-9]*" "$out.log" | grep -o "[0-9]*"
  rm -f "$out.log"
  rm -f "$out"
}
builtin=$(( $(count $build/micropython "" $n) - $(count $build/micropython "" 0) ))
native=$(( $(count $build/micropython-emu "MICROPYPATH=$build/natmod/x64" $n) - \
           $(count $build/micropython-emu "MICROPYPATH=$build/natmod/x64" 0) ))
echo "| module | instructions per show() of 64x32, depth 8 |"
echo "|---|---|"
echo "| built-in | $((builtin / n)) |"
echo "| native .mpy (x64) | $((native / n)) |"
awk -v b=$builtin -v n=$native 'BEGIN { printf "native / built-in = %.3f\n", n / b }'
