#!/usr/bin/env bash
# Sets up, builds and runs the demo on the emulated board; it ends by printing where its
# pictures are and the key figures. Usage: tools/demo.sh [--serve]
#   --serve: also show it live in the browser (http://127.0.0.1:8080) until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh build
mkdir -p out
if [ "${1:-}" = "--serve" ]; then
  exec ./upanel run --serve 8080 --realtime examples/hub75_demo.py
fi
build/micropython examples/hub75_demo.py
