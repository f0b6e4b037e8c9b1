#!/bin/sh
# Every C and C++ file of the tree in the style of .clang-format (clang-format 14, Debian 12's).
# Prints the first differences and fails when a file is not; `clang-format -i FILE` fixes it.
# Usage: check_format.sh SOURCE_DIR
set -eu
cd "$1"
if [ -d .git ] || [ -f .git ]; then
    files=$(git ls-files '*.c' '*.h' '*.cpp' '*.hpp')
else
    files=$(find bench core drivers emu idf live ll micropython mpbindgen tests \
        -name '*.c' -o -name '*.h' -o -name '*.cpp' -o -name '*.hpp')
fi
# shellcheck disable=SC2086
clang-format --dry-run -Werror $files
