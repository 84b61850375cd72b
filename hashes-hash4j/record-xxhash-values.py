#!/usr/bin/python3
"""Records XXH3-64 and XXH64 values from an implementation independent of hash4j.

Debian's python3-xxhash (apt-get install python3-xxhash) wraps the C reference library
libxxhash. The keys are a fixed pseudo-random sequence, so every run writes the same file:

    hashes-hash4j/record-xxhash-values.py    (run with Debian's /usr/bin/python3)
"""
import os
import random
import xxhash

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   "src/test/resources/dev/hashring/hash4j/xxhash-values.tsv")


def keys():
    yield b""
    for text in ["user:42", "session:4f2a9c", "apple", "ключ", "日本語", "x" * 250]:
        yield text.encode("utf-8")
    generator = random.Random(20261126)
    # Every length up to 300 covers each of XXH3's size classes (0, 1-3, 4-8, 9-16, 17-128,
    # 129-240, and the long path).
    for length in range(1, 301):
        yield bytes(generator.randrange(256) for _ in range(length))
    for length in (512, 1024, 2048, 4096):
        yield bytes(generator.randrange(256) for _ in range(length))


def main():
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# Recorded by hashes-hash4j/record-xxhash-values.py with Debian's python3-xxhash "
                  f"{xxhash.VERSION} (libxxhash {xxhash.XXHASH_VERSION}),\n")
        out.write("# independent of hash4j: seed-0 XXH3_64bits and XXH64 of each key, unsigned hex.\n")
        out.write("key_hex\txxh3_64\txxh64\n")
        for key in keys():
            out.write(f"{key.hex()}\t{xxhash.xxh3_64_intdigest(key):016x}\t{xxhash.xxh64_intdigest(key):016x}\n")


if __name__ == "__main__":
    main()
