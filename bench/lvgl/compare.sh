#!/usr/bin/env bash
# upanel's lvgl module (mpbindgen, from LVGL's headers) against the reference binding
# (lv_binding_micropython's gen/gen_mpy.py), side by side in one run, on the same LVGL library
# with the same lv_conf.h in two unix-port firmwares: build/micropython and a second firmware
# with the reference's module, built here into BUILD/bench/lvgl-ref on demand (no emulator,
# no upanel module: it measures the binding only). Prints four markdown tables:
#   1. the generated module's size (text + data of its object as the firmware compiled it);
#   2. generation time (mpbindgen as cmake/bindings.cmake runs it, against the C preprocessor
#      plus gen_mpy.py), the median of RUNS runs each;
#   3. instructions per call from MicroPython (callgrind: N calls less 0 calls less the bare
#      loop), with the part spent in LVGL's own code (self cost of functions in LVGL's src/);
#   4. coverage by introspection (bench/lvgl/coverage.py run in each firmware) and the names
#      one module has and the other lacks.
# Needs a build with LVGL (LVGL_DIR and LV_BINDING_DIR at configure time), valgrind, and
# Debian's python3-pycparser for /usr/bin/python3.
# Usage: bench/lvgl/compare.sh [BUILD]      (default: build; RUNS=3 N=20000 in the environment)
set -euo pipefail
shopt -s inherit_errexit  # a failure inside $(...) fails the script too
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-build}
case $build in /*) ;; *) build=$root/$build ;; esac
runs=${RUNS:-3}
n=${N:-20000}
py=/usr/bin/python3

die() { echo "compare.sh: $*" >&2; exit 1; }

# --- What the run needs, checked first -----------------------------------------------------
[ -f "$build/CMakeCache.txt" ] || die "$build is not a configured build folder (run tools/setup.sh first)"
cache() { sed -n "s/^$1:[A-Z]*=//p" "$build/CMakeCache.txt"; }
lvgl_dir=$(cache LVGL_DIR)
binding_dir=$(cache LV_BINDING_DIR)
micropy_dir=$(cache MICROPY_DIR)
[ -n "$micropy_dir" ] || micropy_dir=$build/src/micropython
[ -n "$lvgl_dir" ] && [ -f "$lvgl_dir/lvgl.h" ] ||
  die "the build has no LVGL: configure it with LVGL_DIR and LV_BINDING_DIR set (cmake/lvgl.cmake)"
[ -n "$binding_dir" ] && [ -f "$binding_dir/gen/gen_mpy.py" ] ||
  die "LV_BINDING_DIR=$binding_dir has no gen/gen_mpy.py (the reference generator)"
[ -f "$micropy_dir/py/mpconfig.h" ] || die "no MicroPython tree at $micropy_dir"
fw=$build/micropython
lvgl_lib=$build/libupanel_lvgl.a
mpbindgen=$build/mpbindgen/mpbindgen
for f in "$fw" "$lvgl_lib" "$mpbindgen" "$build/gen/lvgl.c"; do
  [ -e "$f" ] || die "$f is missing: build first (tools/setup.sh $build)"
done
"$fw" -c "import lvgl" 2>/dev/null || die "$fw has no lvgl module (a build without LVGL?)"
for tool in valgrind callgrind_annotate gcc make size nm; do
  command -v $tool > /dev/null || die "$tool is missing (tools/setup.sh installs it)"
done
$py -c "import pycparser" 2>/dev/null || die "$py lacks pycparser (Debian: python3-pycparser)"

out=$build/bench/lvgl-ref
mkdir -p "$out/gen"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# --- Generators ----------------------------------------------------------------------------
# mpbindgen on lvgl.h with cmake/bindings.cmake's command line (upanel_binding(lvgl ...)).
lvgl_cflags=(-I"$root/micropython/lvgl/conf" -I"$lvgl_dir" -I"$binding_dir" -DLV_CONF_INCLUDE_SIMPLE -DLV_KCONFIG_IGNORE)
gen_upanel() {  # [extra mpbindgen options]
  "$mpbindgen" "$lvgl_dir/lvgl.h" -M lvgl -o "$tmp/lvgl.c" --pyi "$tmp/lvgl.pyi" "$@" \
    --config "$root/micropython/lvgl/lvgl.cfg" --include '/src/.*\.h$' "${lvgl_cflags[@]}"
}
# The reference: lvgl.h (so that lv.init and lv.is_initialized are bound too) preprocessed
# without the C library (bench/lvgl/fake_libc stands in for pycparser's fake_libc_include),
# then gen_mpy.py as lv_binding_micropython's own build runs it.
pp_ref() {
  gcc -E -std=c99 -DPYCPARSER -nostdinc -I"$here/fake_libc" -I"$binding_dir" \
      -DLV_CONF_INCLUDE_SIMPLE '-D__attribute__(x)=' "$lvgl_dir/lvgl.h" > "$tmp/lvgl.pp.c"
}
gen_ref() {
  $py "$binding_dir/gen/gen_mpy.py" -M lvgl -MP lv -E "$tmp/lvgl.pp.c" "$lvgl_dir/lvgl.h" > "$tmp/lv_mpy.c"
}
gen_upanel_q() { gen_upanel -q; }
now() { date +%s.%N; }
median() { sort -g | awk '{ a[NR] = $1 } END { printf "%.2f", NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
timed() {  # function... -> one line per run: the seconds of each function, then their sum
  local i f t0 t1 line
  for ((i = 0; i < runs; i++)); do
    line=""
    for f in "$@"; do
      t0=$(now); $f || die "$f failed"; t1=$(now)
      line="$line $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')"
    done
    awk '{ s = 0; for (i = 1; i <= NF; i++) { s += $i; printf "%s ", $i } printf "%.3f\n", s }' <<< "$line"
  done
}
column() { awk -v c="$1" '{ print $c }' "$2" | median; }
echo "Generating (median of $runs runs each)..." >&2
timed gen_upanel_q > "$tmp/t_upanel"
t_upanel=$(column 1 "$tmp/t_upanel")
cmp -s "$tmp/lvgl.c" "$build/gen/lvgl.c" ||
  die "mpbindgen's output differs from $build/gen/lvgl.c: the build is out of date (build again) or its command line is not this one (cmake/bindings.cmake)"
report=$(gen_upanel 2>&1) || die "mpbindgen failed: $report"
timed pp_ref gen_ref > "$tmp/t_ref"
t_ref_pp=$(column 1 "$tmp/t_ref"); t_ref_gen=$(column 2 "$tmp/t_ref"); t_ref=$(column 3 "$tmp/t_ref")
# Replaced only when it changed, so that make does not compile the 1.9 MB file again.
cmp -s "$tmp/lv_mpy.c" "$out/gen/lv_mpy.c" || cp "$tmp/lv_mpy.c" "$out/gen/lv_mpy.c"

# --- The reference's firmware --------------------------------------------------------------
# MicroPython's unix port with bench/lvgl/refmod as its only user C module, options as
# cmake/firmware.cmake gives them (one make at a time in the MicroPython tree: not while the
# build runs).
echo "Building the reference firmware in $out..." >&2
rm -f "$out/micropython"  # linked again: make does not see the LVGL library change
make -C "$micropy_dir/ports/unix" -j2 BUILD="$out" PROG=micropython USER_C_MODULES="$here" \
  UPANEL_ROOT="$root" UPANEL_LVGL_DIR="$lvgl_dir" "UPANEL_LVGL_CFLAGS=${lvgl_cflags[*]}" \
  BENCH_LV_MPY="$out/gen/lv_mpy.c" BENCH_LVGL_LIB="$lvgl_lib" \
  FROZEN_MANIFEST= STRIP=true MICROPY_ROM_TEXT_COMPRESSION=0 MICROPY_PY_BTREE=0 MICROPY_PY_SSL=0 V=0 \
  > "$out/make.log" 2>&1 || { tail -30 "$out/make.log" >&2; die "building the reference firmware failed (log: $out/make.log)"; }
ref=$out/micropython
"$ref" -c "import lvgl" || die "the reference firmware cannot import lvgl"

# --- 1. Size -------------------------------------------------------------------------------
obj_of() {  # folder pattern -> the one object file
  local f; f=$(find "$1" -path "$2" -name '*.o' -print -quit)
  [ -n "$f" ] || die "no object $2 under $1"
  echo "$f"
}
text_data() { size "$@" | awk 'NR > 1 { s += $1 + $2 } END { print s }'; }
upanel_o=$(obj_of "$build/firmware" '*/gen/lvgl.o')
ref_o=$(obj_of "$out" '*/lv_mpy.o')
# mpbindgen's run-time objects the module needs: those that define what it (or they) use.
mapfile -t all_rt < <(find "$build/firmware" -path '*/mpbindgen/runtime/*.o' | sort)
[ ${#all_rt[@]} -gt 0 ] || die "no mpbindgen run-time objects under $build/firmware"
undefined() { nm -u "$@" | awk 'NF == 2 { print $2 }' | sort -u; }
undefined "$upanel_o" > "$tmp/need"
rt_o=()
while :; do
  added=0
  for o in "${all_rt[@]}"; do
    [[ " ${rt_o[*]} " == *" $o "* ]] && continue
    common=$(nm --defined-only "$o" | awk '$2 ~ /[A-Z]/ { print $3 }' | sort -u | comm -12 - "$tmp/need")
    if [ -n "$common" ]; then
      rt_o+=("$o"); added=1
      undefined "$o" | sort -u - "$tmp/need" -o "$tmp/need"
    fi
  done
  [ $added = 1 ] || break
done
s_upanel=$(text_data "$upanel_o")
s_rt=$(text_data "${rt_o[@]}")
s_ref=$(text_data "$ref_o")
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo
echo "### Generated module size (x86-64, the unix port's -Os; text + data)"
echo
echo "| | reference (gen_mpy.py) | upanel (mpbindgen) | upanel / reference |"
echo "|---|---|---|---|"
echo "| generated C | $(kb "$(stat -c %s "$out/gen/lv_mpy.c")") | $(kb "$(stat -c %s "$build/gen/lvgl.c")") | $(ratio "$(stat -c %s "$build/gen/lvgl.c")" "$(stat -c %s "$out/gen/lv_mpy.c")") |"
echo "| module object | $(kb "$s_ref") | $(kb "$s_upanel") | $(ratio "$s_upanel" "$s_ref") |"
echo "| with mpbindgen's C run-time (${#rt_o[@]} objects, shared by every generated module) | $(kb "$s_ref") | $(kb $((s_upanel + s_rt))) | $(ratio $((s_upanel + s_rt)) "$s_ref") |"

# --- 2. Generation time --------------------------------------------------------------------
echo
echo "### Generation time (lvgl.h, median of $runs runs, wall clock)"
echo
echo "| generator | seconds |"
echo "|---|---|"
echo "| reference: gcc -E + gen_mpy.py | $t_ref ($t_ref_pp + $t_ref_gen) |"
echo "| upanel: mpbindgen | $t_upanel |"

# --- 3. Instructions per call --------------------------------------------------------------
echo "Measuring calls under callgrind..." >&2
instr() {  # firmware op n -> "total lvgl": all instructions, and those in LVGL's src/
  local f; f=$tmp/cg.out
  (cd "$here" && valgrind --tool=callgrind --callgrind-out-file="$f" "$1" calls.py "$2" "$3") > "$tmp/cg.log" 2>&1 ||
    { tail -20 "$tmp/cg.log" >&2; die "calls.py $2 failed on $1"; }
  grep -q '^ok$' "$tmp/cg.log" || { tail -20 "$tmp/cg.log" >&2; die "calls.py $2 did not finish on $1"; }
  callgrind_annotate --auto=no --threshold=100 "$f" 2>/dev/null |
    awk -v src="$lvgl_dir/src/" '
      /PROGRAM TOTALS/ { gsub(",", "", $1); total = $1 }
      /file:function/ { on = 1; next }
      on && /^ *[0-9,]+ / && index($0, src) { gsub(",", "", $1); lv += $1 }
      END { printf "%d %d\n", total, lv }'
}
per_call() {  # firmware op loop -> "all lvgl" per call, the loop's own taken out of all
  local a b
  a=($(instr "$1" "$2" "$n")); b=($(instr "$1" "$2" 0))
  echo $(( (a[0] - b[0]) / n - $3 )) $(( (a[1] - b[1]) / n ))
}
loop_ref=$(per_call "$ref" loop 0 | cut -d' ' -f1)
loop_upanel=$(per_call "$fw" loop 0 | cut -d' ' -f1)
echo
echo "### Instructions per call from MicroPython (callgrind, $n calls less 0 calls less the bare loop)"
echo
echo "| operation | reference | upanel | upanel / reference | in LVGL's own code (ref / upanel) | binding only: reference | binding only: upanel | upanel / reference |"
echo "|---|---|---|---|---|---|---|---|"
declare -A label=(
  [set_x]='`obj.set_x(5)`' [get_x]='`obj.get_x()`'
  [event]='event round trip `obj.send_event(lv.EVENT.CLICKED, None)` to a Python callback'
  [event_bound]='the same, the method fetched once (`send = obj.send_event` before the loop)'
  [area_width]='struct method `area.get_width()`' [color_hex]='struct by value `lv.color_hex(0x2050C0)`'
  [set_text]='string argument `label.set_text("hello")`')
for op in set_x get_x event event_bound area_width color_hex set_text; do
  r=($(per_call "$ref" $op "$loop_ref")); u=($(per_call "$fw" $op "$loop_upanel"))
  lv="${r[1]} / ${u[1]}"; [ "${r[1]}" = "${u[1]}" ] && lv=${r[1]}
  awk -v op="${label[$op]}" -v r="${r[0]}" -v u="${u[0]}" -v lv="$lv" -v br=$((r[0] - r[1])) -v bu=$((u[0] - u[1])) \
    'BEGIN { printf "| %s | %d | %d | %.2f | %s | %d | %d | %.2f |\n", op, r, u, u / r, lv, br, bu, (br > 0 ? bu / br : 0) }'
done
echo
echo "(the bare loop's own $loop_ref (reference) and $loop_upanel (upanel) instructions per iteration taken out;"
echo "\"in LVGL's own code\": self cost of the functions of LVGL's src/, those the binding calls included)"

# --- 4. Coverage ---------------------------------------------------------------------------
echo "Introspecting both modules..." >&2
"$ref" "$here/coverage.py" > "$tmp/cov_ref.txt" || die "coverage.py failed on the reference firmware"
"$fw" "$here/coverage.py" > "$tmp/cov_upanel.txt" || die "coverage.py failed on upanel's firmware"
echo "$report" > "$tmp/report.txt"
echo
$py "$here/coverage_table.py" "$tmp/cov_ref.txt" "$tmp/cov_upanel.txt" \
  "$out/gen/lv_mpy.c" "$build/gen/lvgl.c" "$tmp/report.txt" || die "coverage_table.py failed"
