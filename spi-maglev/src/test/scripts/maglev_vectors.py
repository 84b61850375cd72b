#!/usr/bin/python3
"""An independent model of the maglev ring, in Python with the C xxHash library.

The maglev mapping (see MaglevRing and MaglevTable) is a wire format, so it must be reproducible
outside Java. This script builds the table from the written rule with other code (Python, exact
fractions for the turn times, heapq, python3-xxhash on top of the reference C xxHash) and writes,
per configuration, model/<name>.tsv under the directory given as the only argument:

  # servers=<server specs>
  # table=<size>
  # slots=<address>=<number of slots it holds>,...
  <hex of the key bytes><TAB><addresses: the primary, then the failover sequence (first 6)>

  /usr/bin/python3 spi-maglev/src/test/scripts/maglev_vectors.py spi-maglev/src/test/resources
"""

import heapq
import os
import random
import sys
from fractions import Fraction

import xxhash

SEED = 4242

CONFIGS = {
    "equal-3": (["10.0.1.1:11211", "10.0.1.2:11211", "10.0.1.3:11212"], 65537),
    "small-table-3": (["10.0.1.1:11211", "10.0.1.2:11211", "10.0.1.3:11212"], 307),
    "weighted-4": (
        ["10.0.0.1:11211:1", "10.0.0.2:11211:2", "10.0.0.3:11211:3", "10.0.0.4:11211:4"],
        65537,
    ),
    "heavy-3": (["10.0.0.1:11211", "10.0.0.2:11211", "10.0.0.3:11211:10"], 1009),
    "libmemcached-weights-8": (
        ["10.0.2.%d:11211:%d" % (i + 1, w)
         for i, w in enumerate([600, 300, 200, 350, 1000, 800, 950, 100])],
        65537,
    ),
    "named-4": (
        ["10.0.0.7:22122:1 shard-7", "10.0.0.8:22122:2 shard-8", "cache.example.com:11211",
         "[::1]:11211:3 local"],
        4099,
    ),
    # Weight 1 next to 65535s: the light server gets no slot at all.
    "starved-3": (["10.0.0.1:11211:65535", "10.0.0.2:11211:65535", "10.0.0.3:11211:1"], 401),
    "single-1": (["10.9.9.9:11211:7"], 101),
    "random-60": (None, 6007),
}


def parse(spec):
    """host:port[:weight][ name] -> (address, weight, identity)."""
    name = None
    if " " in spec:
        spec, name = spec.split(" ", 1)
    if spec.startswith("["):
        close = spec.index("]")
        host, rest = spec[: close + 1], spec[close + 2:]
    else:
        host, rest = spec.split(":", 1)
    parts = rest.split(":")
    weight = int(parts[1]) if len(parts) > 1 else 1
    address = "%s:%s" % (host, parts[0])
    return address, weight, name if name is not None else address


def build(servers, size):
    """The table: for each slot, the rank (identity order) of the server holding it."""
    ranked = sorted(servers, key=lambda s: s[2])
    position = [xxhash.xxh64_intdigest(s[2].encode("utf-8"), 0) % size for s in ranked]
    skip = [xxhash.xxh64_intdigest(s[2].encode("utf-8"), 1) % (size - 1) + 1 for s in ranked]
    turns = [0] * len(ranked)
    table = [None] * size
    # Server r's k-th turn comes at time (k + 1/2) / weight; equal times go by rank.
    heap = [(Fraction(1, 2 * s[1]), r) for r, s in enumerate(ranked)]
    heapq.heapify(heap)
    for _ in range(size):
        _, r = heapq.heappop(heap)
        while table[position[r]] is not None:
            position[r] = (position[r] + skip[r]) % size
        table[position[r]] = r
        position[r] = (position[r] + skip[r]) % size
        turns[r] += 1
        heapq.heappush(heap, (Fraction(2 * turns[r] + 1, 2 * ranked[r][1]), r))
    return ranked, table


MASK = (1 << 64) - 1
GOLDEN_GAMMA = 0x9E3779B97F4A7C15


def mix(x):
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & MASK
    return x ^ (x >> 31)


def sequence(ranked, table, h, count):
    """The key's slot, then slots of the SplitMix64 sequence seeded with h (8 per server), new
    servers only; then the servers not seen yet, in rank order."""
    size = len(table)
    seen = []
    for a in range(0, 8 * len(ranked) + 1):
        slot = (h if a == 0 else mix((h + a * GOLDEN_GAMMA) & MASK)) % size
        if table[slot] not in seen:
            seen.append(table[slot])
            if len(seen) == count:
                break
    for r in range(len(ranked)):
        if len(seen) >= count:
            break
        if r not in seen:
            seen.append(r)
    return [ranked[r][0] for r in seen]


def keys(rng):
    out = [b"", b"foo", b"bar", b"a", b"0", b"user:1", "ключ".encode(), "日本語".encode(), b"x" * 64]
    out += [("user:%d" % i).encode() for i in range(150)]
    out += [bytes(rng.randrange(256) for _ in range(rng.randrange(1, 60))) for _ in range(150)]
    out += [
        "".join(rng.choice("aé日😀ю-_:") for _ in range(rng.randrange(1, 20))).encode()
        for _ in range(60)
    ]
    out += [b"k" * 250, b"long" * 300]
    return list(dict.fromkeys(out))


def main():
    directory = os.path.join(sys.argv[1], "model")
    os.makedirs(directory, exist_ok=True)
    rng = random.Random(SEED)
    CONFIGS["random-60"] = (
        ["10.%d.%d.%d:%d:%d" % (rng.randrange(256), rng.randrange(256), i, 11211 + i % 2,
                                rng.choice([1, 1, 1, 2, 3, 5, 8, 13]))
         for i in range(60)],
        CONFIGS["random-60"][1],
    )
    key_list = keys(rng)
    for name, (specs, size) in CONFIGS.items():
        ranked, table = build([parse(spec) for spec in specs], size)
        counts = [0] * len(ranked)
        for r in table:
            counts[r] += 1
        with open(os.path.join(directory, name + ".tsv"), "w", encoding="utf-8",
                  newline="\n") as f:
            f.write("# model=maglev, Python %s + xxhash %s (C xxHash), %s\n"
                    % (sys.version.split()[0], xxhash.VERSION, os.path.basename(__file__)))
            f.write("# servers=%s\n" % ",".join(specs))
            f.write("# table=%d\n" % size)
            f.write("# slots=%s\n" % ",".join(
                "%s=%d" % (ranked[r][0], counts[r]) for r in range(len(ranked))))
            for key in key_list:
                h = xxhash.xxh3_64_intdigest(key)
                f.write("%s\t%s\n" % (key.hex(), " ".join(sequence(ranked, table, h, 6))))


if __name__ == "__main__":
    main()
