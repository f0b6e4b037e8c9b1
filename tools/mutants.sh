#!/usr/bin/env bash
# Plants each bug of tools/mutants/*.patch, one at a time, in a copy of the tree, rebuilds the
# unit tests (both test programs) incrementally and runs the tests the patch names on its first line
# ("# tests: GTEST_FILTER"); a bug survives when those tests pass. Fails if any survives.
# Usage: tools/mutants.sh [WORK_DIR]   (kept between runs: the rebuilds stay incremental)
# Configures like tools/setup.sh (LVGL_DIR, LV_BINDING_DIR from the environment) and takes
# MicroPython's source from build/src/micropython when it is there.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d)}
mkdir -p "$work/src"
# The copy: the tracked files as they are now, modification times kept.
(cd "$root" && git ls-files -z | tar --null -T - -cf -) | tar -xf - -C "$work/src"
args=()
[ -f "$root/build/src/micropython/py/mpconfig.h" ] && args+=("-DMICROPY_DIR=$root/build/src/micropython")
cmake -S "$work/src" -B "$work/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo "${args[@]}" >/dev/null
targets=(--target upanel_unit_tests --target upanel_idf_tests)
cmake --build "$work/build" -j2 "${targets[@]}" >/dev/null

killed=0 survived=()
for patch in "$root"/tools/mutants/*.patch; do
  name=$(basename "$patch" .patch)
  filter=$(sed -n '1s/^# tests: //p' "$patch")
  patch -s -p1 -d "$work/src" < "$patch"
  status=0
  if cmake --build "$work/build" -j2 "${targets[@]}" >"$work/$name.log" 2>&1; then
    # A planted bug may hang a test: a bounded run that times out counts as caught.
    for t in upanel_unit_tests upanel_idf_tests; do
      timeout 300 "$work/build/tests/$t" --gtest_filter="$filter" >>"$work/$name.log" 2>&1 || status=$?
    done
  else
    status=build
  fi
  patch -s -R -p1 -d "$work/src" < "$patch"
  if [ "$status" = build ]; then
    survived+=("$name")
    echo "BROKEN   $name: does not build (see $work/$name.log); fix the patch"
  elif [ "$status" = 0 ]; then
    survived+=("$name")
    echo "SURVIVED $name ($filter)"
  else
    killed=$((killed + 1))
    echo "killed   $name ($(grep -c '^\[  FAILED  \] .*(' "$work/$name.log" || true) failing tests, status $status)"
  fi
done
echo "mutants: $killed killed, ${#survived[@]} survived of $((killed + ${#survived[@]}))"
[ ${#survived[@]} -eq 0 ]
