#!/usr/bin/env bash
# Prints the Debian archive URI this machine's apt configuration uses (deb822 .sources files
# first, then sources.list; security archives left out), for private apt configurations and
# debootstrap. Fails with a message when there is none.
set -euo pipefail
uri=""
for f in /etc/apt/sources.list.d/*.sources; do
  [ -f "$f" ] || continue
  uri=$(awk '/^URIs:/ && !/security/ {print $2; exit}' "$f")
  [ -n "$uri" ] && break
done
if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
  uri=$(awk '/^deb / && !/security/ {print $2; exit}' /etc/apt/sources.list)
fi
[ -n "$uri" ] || { echo "no Debian archive URI in the apt configuration" >&2; exit 1; }
echo "$uri"
