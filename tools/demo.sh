#!/usr/bin/env bash
# Sets up, builds and runs the demo on the emulated board. Usage: tools/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh build
mkdir -p out
build/micropython examples/hub75_demo.py
