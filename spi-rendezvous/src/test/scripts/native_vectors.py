#!/usr/bin/python3
"""An independent model of the native rendezvous ring, in Python with the C xxHash library.

The native mapping (see WeightedRendezvousRing's javadoc) is a wire format, so it must be
reproducible outside Java. This script computes it from the written rule with other code (Python,
python3-xxhash on top of the reference C xxHash, the C library's log) and writes, per server list,
native/<name>.tsv under the directory given as the only argument:

  # servers=<server specs>
  <hex of the key bytes><TAB><addresses, best first, space-separated>

The first address is the primary; the rest is the failover sequence (its first 8 servers). The tests read the files.

  /usr/bin/python3 spi-rendezvous/src/test/scripts/native_vectors.py \
      spi-rendezvous/src/test/resources
"""

import math
import os
import random
import sys

import xxhash

MASK = (1 << 64) - 1
SEED = 8081

SERVER_LISTS = {
    "equal-3": ["10.0.1.1:11211", "10.0.1.2:11211", "10.0.1.3:11212"],
    "weighted-4": ["10.0.0.1:11211:1", "10.0.0.2:11211:2", "10.0.0.3:11211:3", "10.0.0.4:11211:4"],
    "heavy-3": ["10.0.0.1:11211", "10.0.0.2:11211", "10.0.0.3:11211:10"],
    "libmemcached-weights-8": [
        "10.0.2.%d:11211:%d" % (i + 1, w)
        for i, w in enumerate([600, 300, 200, 350, 1000, 800, 950, 100])
    ],
    "named-4": [
        "10.0.0.7:22122:1 shard-7",
        "10.0.0.8:22122:2 shard-8",
        "cache.example.com:11211",
        "[::1]:11211:3 local",
    ],
    "equal-weights-5": ["host-%d:11211:5" % i for i in range(5)],
    "single-1": ["10.9.9.9:11211:7"],
    "random-40": None,  # filled below, deterministic
}


def parse(spec):
    """host:port[:weight][ name] -> (address, weight, identity)."""
    name = None
    if " " in spec:
        spec, name = spec.split(" ", 1)
    if spec.startswith("["):
        close = spec.index("]")
        host, rest = spec[: close + 1], spec[close + 2 :]
    else:
        host, rest = spec.split(":", 1)
    parts = rest.split(":")
    port = parts[0]
    weight = int(parts[1]) if len(parts) > 1 else 1
    address = "%s:%s" % (host, port)
    return address, weight, name if name is not None else address


def mix(x):
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & MASK
    return x ^ (x >> 31)


def order(servers, key):
    k = xxhash.xxh3_64_intdigest(key)
    ranked = []
    for address, weight, identity in servers:
        seed = xxhash.xxh3_64_intdigest(identity.encode("utf-8"))
        draw = (mix(k ^ seed) >> 11) + 1
        score = math.log(draw / 2.0 ** 53) * (1.0 / weight)
        ranked.append(((score, draw, identity), address))
    ranked.sort(reverse=True)
    return [address for _, address in ranked]


def keys(rng):
    out = [b"", b"foo", b"bar", b"a", b"0", b"user:1", "ключ".encode(), "日本語".encode(), b"x" * 64]
    out += [("user:%d" % i).encode() for i in range(200)]
    out += [bytes(rng.randrange(256) for _ in range(rng.randrange(1, 60))) for _ in range(200)]
    out += [
        "".join(rng.choice("aé日😀ю-_:") for _ in range(rng.randrange(1, 20))).encode()
        for _ in range(100)
    ]
    out += [b"k" * 250, b"long" * 300]
    return list(dict.fromkeys(out))


def main():
    directory = os.path.join(sys.argv[1], "native")
    os.makedirs(directory, exist_ok=True)
    rng = random.Random(SEED)
    SERVER_LISTS["random-40"] = [
        "10.%d.%d.%d:%d:%d" % (rng.randrange(256), rng.randrange(256), i, 11211 + i % 2,
                               rng.choice([1, 1, 1, 2, 3, 5, 8, 100, 65535]))
        for i in range(40)
    ]
    key_list = keys(rng)
    for name, specs in SERVER_LISTS.items():
        servers = [parse(spec) for spec in specs]
        with open(os.path.join(directory, name + ".tsv"), "w", encoding="utf-8",
                  newline="\n") as f:
            f.write("# model=native rendezvous, Python %s + xxhash %s (C xxHash), %s\n"
                    % (sys.version.split()[0], xxhash.VERSION, os.path.basename(__file__)))
            f.write("# servers=%s\n" % ",".join(specs))
            for key in key_list:
                f.write("%s\t%s\n" % (key.hex(), " ".join(order(servers, key)[:8])))


if __name__ == "__main__":
    main()
