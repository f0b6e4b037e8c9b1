#!/usr/bin/env bash
# The xtensawin native modules under CTest: build them, check their link, show that the check
# catches a wrong l32r. The compiler comes from tools/xtensa-toolchain.sh (network and root
# the first time); without it the tests fail in CI (CI=true) and are skipped (77) elsewhere.
# Usage: tests/natmod/xtensawin.sh build|check|catches OUT_DIR MICROPY_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
mode=${1:?mode}; out=${2:?out dir}; mpy_dir=${3:?micropython dir}

unavailable() {
  echo "xtensawin: $*" >&2
  if [ "${CI:-}" = "true" ]; then exit 1; fi
  echo "skipped (not in CI): $*"
  exit 77
}

case $mode in
  build)
    "$root/tools/xtensa-toolchain.sh" >/dev/null || unavailable "no Xtensa compiler (tools/xtensa-toolchain.sh failed)"
    "$root/tools/build-mpy.sh" xtensawin "$out" "$mpy_dir"
    ;;
  check | catches)
    for mod in hub75 ili9341; do
      [ -f "$out/$mod.mpy" ] || unavailable "$out/$mod.mpy not built (test natmod.build.xtensawin)"
      objs=("$out/$mod-build/build-xtensawin/obj/"*.o)
      if [ "$mode" = check ]; then
        /usr/bin/python3 "$root/tests/natmod/check_xtensa_link.py" "$out/$mod.mpy" \
          "$mpy_dir/py/nativeglue.h" "${objs[@]}"
      else
        /usr/bin/python3 "$root/tests/natmod/check_xtensa_link_catches.py" "$out/$mod.mpy" \
          "$mpy_dir/py/nativeglue.h" "$out/corrupt" "${objs[@]}"
      fi
    done
    ;;
  *) echo "unknown mode $mode" >&2; exit 2 ;;
esac
