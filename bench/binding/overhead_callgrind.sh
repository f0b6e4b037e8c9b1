#!/usr/bin/env bash
# Call overhead of mpbindgen's generated bindings against the same functions bound by hand as
# a MicroPython C module, in the same firmware: callgrind instructions per call (total
# instructions of N calls less those of 0 calls, less the bare loop), for a 2-int function, a
# buffer function, a struct field read and write, a callback round trip; and for C++ headers
# a method call (geo::Point::norm) and a call of a function with three overloads (text::scale).
# Usage: bench/binding/overhead_callgrind.sh [BUILD]
set -euo pipefail
cd "$(dirname "$0")"
fw=../../${1:-build}/micropython-test  # the user firmware plus the test modules
n=20000
instr() {  # module op n -> instructions
  local out; out=$(mktemp)
  valgrind --tool=callgrind --callgrind-out-file="$out" "$fw" overhead.py "$1" "$2" "$3" > /dev/null 2>&1
  callgrind_annotate --auto=no "$out" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }'
  rm -f "$out"
}
per_call() {  # module op -> instructions per call, the loop's own taken out
  local a b; a=$(instr "$1" "$2" $n); b=$(instr "$1" "$2" 0)
  echo $(( (a - b) / n - loop ))
}
loop=0
loop=$(per_call mpbdemo loop)
echo "| operation | hand-written | generated | generated / hand-written |"
echo "|---|---|---|---|"
row() {  # op hand-module generated-module
  local h g; h=$(per_call "$2" "$1"); g=$(per_call "$3" "$1")
  awk -v op="$1" -v h="$h" -v g="$g" 'BEGIN { printf "| %s | %d | %d | %.2f |\n", op, h, g, g / h }'
}
for op in add buffer field callback; do row $op mpbhand mpbdemo; done
for op in method overload; do row $op cxxhand shapes; done
echo "(instructions per call, the bare loop's $loop per iteration taken out)"
