#!/usr/bin/env bash
# Records the key hashes of the installed libmemcached (Debian: apt-get install libmemcached-dev)
# into the api module's test resources. The tests read the TSV and never need the C library.
#
#   tools/record-libmemcached-hashes/record.sh   (from the repository root or anywhere)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/api/src/test/resources/dev/hashring/hash/libmemcached-hashes.tsv"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

gcc -std=c11 -O2 -Wall -Wextra -Werror -o "$work/record" "$here/record.c" -lmemcached -lhashkit
package=$(dpkg-query -W -f '${Package} ${Version} ${Architecture}' libmemcached11 2>/dev/null || echo unknown)
mkdir -p "$(dirname "$out")"
{
  echo "# Recorded by tools/record-libmemcached-hashes/record.sh from the Debian package $package"
  echo "# on $(uname -m), where C 'char' is signed. Keys are their bytes in hex; values are unsigned."
  "$work/record"
} >"$out"
echo "wrote $out ($(grep -vc '^#' "$out") lines)"
