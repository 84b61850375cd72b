#!/usr/bin/env bash
# Records XXH3-64 (seed 0) of test keys with the reference implementation, xxhsum -H3 (Debian
# package xxhash), so that the jump tests check the built-in xxh3_64 against an independent
# computation. Usage: spi-jump/src/test/scripts/record-xxh3.sh > spi-jump/src/test/resources/dev/hashring/jump/xxh3-xxhsum.tsv
set -euo pipefail
command -v xxhsum >/dev/null || { echo "needs xxhsum (apt-get install xxhash)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "# XXH3 64-bit, seed 0, recorded with: $(xxhsum --version 2>&1 | head -1 | tr -s ' ' | sed 's/ *$//')"
echo "# columns: key as UTF-8 bytes in hex (empty for the empty key), XXH3 in hex"
/usr/bin/python3 - "$work" <<'PY' | while IFS= read -r hex; do
import random, sys
keys = ["", "a", "ab", "abc", "abcd", "foo", "user:1", "session:4f2a9c", "The_quick_brown_fox",
        "ключ", "日本語", "café", "emoji:\U0001F600"]
keys += ["x" * n for n in (7, 8, 9, 16, 17, 64, 128, 129, 200, 240, 241, 250)]
rng = random.Random(20261126)
alphabet = [chr(c) for c in range(33, 127)]
for n in (5, 12, 33, 90, 180, 245):
    keys.append("".join(rng.choice(alphabet) for _ in range(n)))
for key in keys:
    print(key.encode("utf-8").hex())
PY
  printf '%s' "$hex" | xxd -r -p > "$work/key"
  # xxhsum prints "XXH3 (file) = hex" (0.8.x) or "hex  file" (older): take the 16-digit word.
  sum=$(xxhsum -H3 "$work/key" 2>/dev/null | grep -o '[0-9a-f]\{16\}' | head -1)
  printf '%s\t%s\n' "$hex" "$sum"
done
