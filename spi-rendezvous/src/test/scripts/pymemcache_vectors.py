#!/usr/bin/python3
"""Records placements from the real pymemcache (Debian python3-pymemcache 3.5.2).

Writes, under the directory given as the only argument (the tests read
spi-rendezvous/src/test/resources/pymemcache):

  placement/pymemcache-<name>.tsv  compat-vector files: key<TAB>address of the server
                                   pymemcache's HashClient picks for that str key
  placement/pymemcache-bytes-keys-<name>.tsv
                                   the same for a program that gives pymemcache the key's UTF-8
                                   as a bytes key (hashed as its repr): key_type=bytes
  failover/pymemcache-<name>.tsv   key<TAB>every address, in the order pymemcache falls over:
                                   the winner, then the winner once the first is removed
                                   (HashClient.remove_server -> RendezvousHash.remove_node), ...
  bytes-keys.tsv                   hex of a bytes key that is not UTF-8<TAB>address, for
                                   bytes keys, which pymemcache hashes by their repr()
  ties.tsv                         servers whose scores for a key are equal (found by search), in
                                   several orders, and the node pymemcache picks: the larger string
  murmur3.tsv                      hex of the UTF-8 of a str<TAB>seed<TAB>murmur3_32(str, seed)

Run it with the Debian Python, which has pymemcache (the pyenv python3 on PATH may not):

  /usr/bin/python3 spi-rendezvous/src/test/scripts/pymemcache_vectors.py \
      spi-rendezvous/src/test/resources/pymemcache

No memcached server is needed: HashClient connects lazily, and the placement is computed by the
client before any connection (HashClient._get_client), which is what this script asks.
"""

import os
import random
import sys

import pymemcache
from pymemcache.client.hash import HashClient
from pymemcache.client.murmur3 import murmur3_32
from pymemcache.client.rendezvous import RendezvousHash

SEED = 20261126

# Server lists: a name, then specs as hashring's Server.parse reads them. pymemcache gets the same
# strings, and its normalize_server_spec turns "[::1]:11211" into ("::1", 11211).
SERVER_LISTS = {
    "golden-3": ["10.0.1.1:11211", "10.0.1.2:11211", "10.0.1.3:11212"],
    "loopback-5": ["127.0.0.1:%d" % p for p in range(31211, 31216)],
    "single-1": ["cache.example.com:11211"],
    "pair-2": ["10.1.0.1:11211", "10.1.0.2:11211"],
    "hostnames-4": [
        "localhost:11211",
        "cache-a.example.com:11211",
        "cache-b.example.com:11212",
        "CACHE_C.internal:22122",
    ],
    "ipv6-4": ["[::1]:11211", "[2001:db8::7]:11211", "[fe80::1%eth0]:11212", "10.0.0.9:11211"],
    "mixed-8": [
        "10.0.0.1:11211",
        "10.0.0.2:11211",
        "10.0.0.3:11211",
        "10.0.0.10:11211",
        "memcache-1:1",
        "memcache-2:65535",
        "[::ffff:10.0.0.4]:11211",
        "m3.prod.example.org:11213",
    ],
    "wide-20": ["192.168.%d.%d:%d" % (i // 7, i * 13 % 256, 11211 + i % 3) for i in range(20)],
}

# Characters for non-ASCII keys: Latin-1, Latin Extended (U+0100 has low byte 0), Greek,
# Cyrillic, CJK, Hangul, private use, astral (emoji, CJK extension B).
NON_ASCII = (
    "éèàüöñçßøÅ" "ĀāĐđŁłŒœſ" "αβγδΩ" "ключмосква" "日本語東京中文字" "한국어" "\ue000\uf8ff"
    "\U0001F600\U0001F680\U00020000\U0010FFFD" "\u00ff\u0100\u01ff\u0200\uffef"
)
PRINTABLE = [chr(c) for c in range(0x21, 0x7F)]


def keys(rng):
    """About 600 keys: words, user:N style, random printable ASCII, non-ASCII, 1-char, 250-byte."""
    out = ["foo", "bar", "baz", "a", "0", "", "user:1", "user:2", "session:4f2a9c",
           "The_quick_brown_fox", "ключ", "日本語", "x" * 64, "ok", "mykey", "wat", "lol"]
    out += ["user:%d" % rng.randrange(10 ** 9) for _ in range(60)]
    out += ["session:%016x" % rng.getrandbits(64) for _ in range(40)]
    out += ["".join(rng.choice(PRINTABLE) for _ in range(rng.randrange(1, 40))) for _ in range(150)]
    out += [rng.choice(PRINTABLE) for _ in range(30)]
    for _ in range(200):
        n = rng.randrange(1, 30)
        out.append("".join(
            rng.choice(NON_ASCII) if rng.random() < 0.6 else rng.choice(PRINTABLE)
            for _ in range(n)))
    out += [rng.choice(NON_ASCII) for _ in range(30)]
    # Keys of exactly 250 UTF-8 bytes (memcached's limit), ASCII and not.
    for _ in range(20):
        key = ""
        while True:
            c = rng.choice(NON_ASCII + "".join(PRINTABLE))
            if len((key + c).encode("utf-8")) > 250:
                break
            key += c
        key += "z" * (250 - len(key.encode("utf-8")))
        assert len(key.encode("utf-8")) == 250
        out.append(key)
    # Longer than memcached allows: the ring still places them.
    out += ["L" * 1000, "ю" * 700]
    seen = set()
    unique = []
    for key in out:
        # A line starting with '#' is a comment in the vector files.
        if key.startswith("#"):
            key = "k" + key
        if key not in seen and "\t" not in key and "\n" not in key and "\r" not in key:
            seen.add(key)
            unique.append(key)
    return unique


def node_to_spec(specs):
    """Maps pymemcache's node string (host:port) back to the hashring spec it came from."""
    client = HashClient(specs)
    mapping = {}
    for spec in specs:
        server = pymemcache.client.base.normalize_server_spec(spec)
        mapping[client._make_client_key(server)] = spec
    assert sorted(mapping) == sorted(client.hasher.nodes), (mapping, client.hasher.nodes)
    return client, mapping


def address(spec):
    # The spec is already host:port (IPv6 in brackets), which is Server.address().
    return spec


def write_placements(directory, name, specs, key_list, bytes_keys=False):
    client, mapping = node_to_spec(specs)
    client.allow_unicode_keys = True
    kind = "bytes-keys-" if bytes_keys else ""
    path = os.path.join(directory, "placement", "pymemcache-%s%s.tsv" % (kind, name))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# peer=pymemcache-%s HashClient default (RendezvousHash, murmur3_32 seed 0),"
                " %s keys, computed in-process by %s\n"
                % (pymemcache.__version__, "bytes (the UTF-8 of each key below)" if bytes_keys
                   else "str", os.path.basename(__file__)))
        f.write("# servers=%s\n" % ",".join(specs))
        f.write("# hashring=rendezvous compat=pymemcache%s\n"
                % (" key_type=bytes" if bytes_keys else ""))
        for text in key_list:
            key = text.encode("utf-8") if bytes_keys else text
            node = client.hasher.get_node(key)
            f.write("%s\t%s\n" % (text, address(mapping[node])))
            # The same answer through HashClient's own path, where the key is acceptable to it.
            if text and len(text.encode("utf-8")) <= 250 and not any(c.isspace() for c in text):
                assert client._get_client(key).server == \
                    pymemcache.client.base.normalize_server_spec(mapping[node]), key


def write_failover(directory, name, specs, key_list):
    _, mapping = node_to_spec(specs)
    path = os.path.join(directory, "failover", "pymemcache-%s.tsv" % name)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# peer=pymemcache-%s RendezvousHash: the winner, then the winner after"
                " remove_node(winner), and so on until no node is left\n" % pymemcache.__version__)
        f.write("# servers=%s\n" % ",".join(specs))
        for key in key_list:
            hasher = RendezvousHash(nodes=list(mapping))
            order = []
            while hasher.nodes:
                node = hasher.get_node(key)
                order.append(address(mapping[node]))
                hasher.remove_node(node)
            f.write("%s\t%s\n" % (key, " ".join(order)))


def write_bytes_keys(directory, rng):
    specs = SERVER_LISTS["golden-3"]
    _, mapping = node_to_spec(specs)
    hasher = RendezvousHash(nodes=list(mapping))
    samples = [b"\xff", b"\x80", b"a\xffb", b"\xc3", b"\xc3\x28", b"\xe0\x80\x80", b"\xed\xa0\x80",
               b"\xf4\x90\x80\x80", b"\xf8\x88\x80\x80\x80", b"\xc0\xaf", b"'\xff", b"\"\xff",
               b"'\"\xff", b"\\\xff", b"\t\n\r\x00\x7f\xff", b"caf\xe9", b"\xfe\xff\x00k"]
    while len(samples) < 400:
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 40)))
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            samples.append(data)
    path = os.path.join(directory, "bytes-keys.tsv")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# peer=pymemcache-%s RendezvousHash.get_node(bytes key): pymemcache formats a bytes"
                " key with repr(); every key here is not valid UTF-8\n" % pymemcache.__version__)
        f.write("# servers=%s\n" % ",".join(specs))
        for data in samples:
            try:
                data.decode("utf-8")
                raise AssertionError("valid UTF-8: %r" % data)
            except UnicodeDecodeError:
                pass
            f.write("%s\t%s\n" % (data.hex(), address(mapping[hasher.get_node(data)])))


def write_ties(directory):
    """Finds pairs of servers with equal scores for a key, and records pymemcache's choice."""
    path = os.path.join(directory, "ties.tsv")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# peer=pymemcache-%s RendezvousHash.get_node on servers of which two have the"
                " same score for the key; columns: key, servers in the order given, address"
                " picked\n" % pymemcache.__version__)
        for key in ("tie", "user:42"):
            by_score = {}
            pair = None
            for i in range(1 << 20):
                spec = "10.%d.%d.%d:11211" % (i >> 16, (i >> 8) & 255, i & 255)
                score = murmur3_32("%s-%s" % (spec, key))
                if score in by_score:
                    pair = (by_score[score], spec)
                    break
                by_score[score] = spec
            assert pair, key
            third = "10.200.0.1:11211"
            for specs in ([pair[0], pair[1]], [pair[1], pair[0]], [third, pair[1], pair[0]],
                          [pair[0], third, pair[1]]):
                winner = RendezvousHash(nodes=list(specs)).get_node(key)
                f.write("%s\t%s\t%s\n" % (key, ",".join(specs), address(winner)))


def write_murmur3(directory, rng, key_list):
    path = os.path.join(directory, "murmur3.tsv")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# peer=pymemcache-%s pymemcache.client.murmur3.murmur3_32(text, seed);"
                " columns: hex of the text's UTF-8, seed, hash\n" % pymemcache.__version__)
        for key in key_list:
            for seed in (0, 10, 0xdeadbeef):
                f.write("%s\t%d\t%d\n" % (key.encode("utf-8").hex(), seed, murmur3_32(key, seed)))


def main():
    directory = sys.argv[1]
    for sub in ("placement", "failover"):
        os.makedirs(os.path.join(directory, sub), exist_ok=True)
    rng = random.Random(SEED)
    key_list = keys(rng)
    for name, specs in SERVER_LISTS.items():
        write_placements(directory, name, specs, key_list)
        if name in ("golden-3", "mixed-8", "ipv6-4"):
            write_placements(directory, name, specs, key_list, bytes_keys=True)
        write_failover(directory, name, specs, key_list[:150])
    write_bytes_keys(directory, rng)
    write_ties(directory)
    write_murmur3(directory, rng, key_list[:200])


if __name__ == "__main__":
    main()
