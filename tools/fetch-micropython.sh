#!/usr/bin/env bash
# Fetches MicroPython's source from Debian's `micropython` source package (trixie) with a private
# apt configuration that reuses the archive URI this machine's apt already uses.
# Usage: tools/fetch-micropython.sh DEST   (DEST receives the unpacked tree)
set -euo pipefail
dest=${1:?usage: fetch-micropython.sh DEST}
[ -f "$dest/py/mpconfig.h" ] && exit 0

uri=$("$(dirname "$0")/debian-archive-uri.sh") || { echo "fetch-micropython: no archive to fetch from" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/src"
cat > "$work/trixie.sources" <<SRC
Types: deb-src
URIs: $uri
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
opts=(-o "Dir::Etc::SourceList=$work/trixie.sources" -o "Dir::Etc::SourceParts=-"
      -o "Dir::State::Lists=$work/lists" -o "APT::Get::List-Cleanup=0" -o "APT::Sandbox::User=root")
apt-get "${opts[@]}" update -qq
(cd "$work/src" && apt-get "${opts[@]}" source --download-only -qq micropython)
tarball=$(ls "$work"/src/micropython_*.orig.tar.* | head -n 1)
mkdir -p "$dest"
tar -xf "$tarball" -C "$dest" --strip-components=1
echo "fetch-micropython: $(basename "$tarball") unpacked into $dest"
