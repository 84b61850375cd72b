#!/usr/bin/python3
"""Regenerates src/test/resources/reference/*.tsv: placements computed in process by the real
libmemcached (C API, libmemcached_placements.c) and the real Dalli (dalli_placements.rb).

These complement the recordings of compat-vectors/ (made through real clients against real
memcached servers): computing in process lets us cover many more topologies, hashes and weights
cheaply, with the very library functions the clients call to pick a server.

Prerequisites (Debian): libmemcached-dev, gcc, ruby-dalli, python3. Run from anywhere:
    /usr/bin/python3 spi-ketama/src/test/reference/record.py
"""
import os
import random
import subprocess
import tempfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "reference")


def keys(seed, extra=()):
    """About 200 keys, the same kinds the compat-vector recordings use: words, ids, random
    printable ASCII, non-ASCII UTF-8, one-byte keys and keys of exactly 250 bytes."""
    rnd = random.Random(seed)
    out = ["foo", "bar", "baz", "a", "0", "user:1", "user:2", "session:4f2a9c",
           "The_quick_brown_fox", "ключ", "日本語", "x" * 64]
    out += ["user:%d" % rnd.randrange(10 ** 7) for _ in range(30)]
    out += ["session:%016x" % rnd.getrandbits(64) for _ in range(10)]
    printable = [chr(c) for c in range(0x21, 0x7f)]
    out += ["".join(rnd.choice(printable) for _ in range(rnd.randint(1, 40))) for _ in range(60)]
    alphabets = ["абвгдежзийклмнопрстуфхцчшщыэюя", "日本語中文字漢字平仮名かなカナ",
                 "áéíóúàèìòùâêîôûäëïöüçñß", "😀🚀🌍🎉🔑", "αβγδεζηθικλμνξ"]
    for _ in range(40):
        alphabet = rnd.choice(alphabets)
        out.append("".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 12)))
                   + rnd.choice(["", ":%d" % rnd.randrange(1000)]))
    out += [rnd.choice(printable) for _ in range(10)]
    out += ["".join(rnd.choice(printable) for _ in range(250)) for _ in range(3)]
    out += ["é" * 125, "日" * 83 + "a"]  # exactly 250 UTF-8 bytes
    out += list(extra)
    seen, unique = set(), []
    for key in out:
        if key not in seen and "\t" not in key and "\n" not in key and key.strip() == key and key:
            seen.add(key)
            unique.append(key)
    return unique


def dalli_long_keys(seed):
    """Keys around Dalli's 250-character limit: Dalli counts characters, not bytes."""
    rnd = random.Random(seed)
    ascii_ = [chr(c) for c in range(0x21, 0x7f)]
    out = []
    for n in (249, 250, 251, 252, 260, 300, 1000):
        out.append("".join(rnd.choice(ascii_) for _ in range(n)))
    for n in (125, 126, 250, 251, 300):
        out.append("".join(rnd.choice("абвгдежзийклмн") for _ in range(n)))
    out.append("日" * 251)
    out.append("k" * 200 + "日本語" * 20)
    return out


def write(name, peer, servers, hashring, placements):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write("# peer=%s\n# servers=%s\n# hashring=%s\n" % (peer, ",".join(servers), hashring))
        for key, where in placements:
            f.write("%s\t%s\n" % (key, where))
    print("wrote", name, len(placements))


def run(command, key_list):
    result = subprocess.run(command, input="\n".join(key_list) + "\n", capture_output=True,
                            text=True, encoding="utf-8", check=True)
    pairs = []
    for line in result.stdout.split("\n"):
        if line:
            key, where = line.rsplit("\t", 1)
            pairs.append((key, where))
    assert len(pairs) == len(key_list), (command, len(pairs), len(key_list))
    return pairs


def spec(server):
    host, port, weight = server
    return "%s:%d:%d" % ("[%s]" % host if ":" in host else host, port, weight)


def listed(server):
    host, port, weight = server
    address = "%s:%d" % ("[%s]" % host if ":" in host else host, port)
    return address if weight == 1 else "%s:%d" % (address, weight)


def ips(n, weights=None, ports=(11211,)):
    return [("10.0.%d.%d" % (i // 200, i % 200 + 1), ports[i % len(ports)],
             weights[i] if weights else 1) for i in range(n)]


# hsieh is left out: Debian's libmemcached 1.1.4 is built without it, and
# memcached_behavior_set(MEMCACHED_BEHAVIOR_HASH, HSIEH) fails with INVALID_ARGUMENTS (38).
LIBMEMCACHED_HASHES = ["default", "md5", "crc", "fnv1_64", "fnv1a_64", "fnv1_32", "fnv1a_32",
                       "murmur", "jenkins", "murmur3"]
MIXED = [("10.0.0.1", 11211, 1), ("10.0.0.2", 11212, 1), ("cache-a.example.com", 11211, 1),
         ("localhost", 22122, 1)]
FIXTURE = [("10.0.1.%d" % (i + 1), 11211, w)
           for i, w in enumerate([600, 300, 200, 350, 1000, 800, 950, 100])]


def libmemcached_crc(text):
    """libmemcached's 15-bit CRC of a string's UTF-8 bytes."""
    return (zlib.crc32(text.encode("utf-8")) >> 16) & 0x7FFF


def keys_on_ties(servers, node):
    """Keys whose CRC equals a point value that two or more servers share, so that the recording
    shows which server libmemcached gives a tied point (ring points: crc(node(server) + "-i"),
    100 per server, computed here only to choose the keys)."""
    owners = {}
    for server in servers:
        for i in range(100):
            owners.setdefault(libmemcached_crc("%s-%d" % (node(server), i)), set()).add(server)
    tied = {value for value, found in owners.items() if len(found) > 1}
    keys, n = {}, 0
    while len(keys) < len(tied):
        key = "tie-%d" % n
        n += 1
        value = libmemcached_crc(key)
        if value in tied and value not in keys:
            keys[value] = key
    return sorted(keys.values())


def libmemcached(tool):
    peer = "libmemcached-1.1.4 (C API, memcached_generate_hash in process) "
    configs = []
    for h in LIBMEMCACHED_HASHES:
        configs.append(("libmemcached-ketama-%s-mixed-4.tsv" % h, "ketama", h, MIXED,
                        "ketama compat=libmemcached hash=%s" % h))
    for n in (1, 2, 3, 10, 50):
        configs.append(("libmemcached-ketama-default-%d.tsv" % n, "ketama", "default",
                        ips(n, ports=(11211, 11212, 11211)), "ketama compat=libmemcached"))
    weighted = [
        ("equal-3", ips(3)), ("1-2-3", ips(3, [1, 2, 3], (11211, 11211, 11212))),
        ("fixture-8", FIXTURE), ("tiny-huge-3", ips(3, [1, 65535, 1])),
        ("1-1-1000-3", ips(3, [1, 1, 1000], (11212,))), ("equal-25", ips(25)),
        ("equal3-47", ips(47, [3] * 47, (11211, 11213))), ("equal-50", ips(50)),
        ("random-10", ips(10, [random.Random(10).randint(1, 100) for _ in range(10)])),
        ("65535-3", ips(3, [65535] * 3)), ("mixed-4", [(h, p, w) for (h, p, _), w in
                                                      zip(MIXED, [5, 1, 2, 9])]),
    ]
    for what, servers in weighted:
        configs.append(("libmemcached-weighted-md5-%s.tsv" % what, "weighted", "md5", servers,
                        "ketama compat=libmemcached-weighted"))
    for h in ("default", "fnv1a_32", "crc"):
        configs.append(("libmemcached-weighted-%s-1-2-3.tsv" % h, "weighted", h,
                        ips(3, [1, 2, 3], (11211, 11211, 11212)),
                        "ketama compat=libmemcached-weighted hash=%s" % h))
    for h in ("md5", "default", "fnv1a_64"):
        configs.append(("libmemcached-spy-%s-mixed-4.tsv" % h, "spy", h, MIXED,
                        "ketama compat=libmemcached-spy hash=%s" % h))
    configs.append(("libmemcached-spy-md5-fixture-8.tsv", "spy", "md5", FIXTURE,
                    "ketama compat=libmemcached-spy hash=md5"))
    configs.append(("libmemcached-spy-md5-equal2-3.tsv", "spy", "md5", ips(3, [2, 2, 2]),
                    "ketama compat=libmemcached-spy hash=md5"))
    configs.append(("libmemcached-spy-default-1-2-3.tsv", "spy", "default", ips(3, [1, 2, 3]),
                    "ketama compat=libmemcached-spy"))
    configs.append(("libmemcached-spy-md5-equal-25.tsv", "spy", "md5", ips(25, [4] * 25),
                    "ketama compat=libmemcached-spy hash=md5"))
    configs.append(("libmemcached-implicit-default-1-2-3.tsv", "implicit", "default",
                    ips(3, [1, 2, 3]), "ketama compat=libmemcached-weighted hash=default"))
    configs.append(("libmemcached-implicit-default-equal1-4.tsv", "implicit", "default", MIXED,
                    "ketama compat=libmemcached"))
    host_port = lambda s: s[0] if s[1] == 11211 else "%s:%d" % (s[0], s[1])
    spy_node = lambda s: "/%s:%d" % (s[0], s[1])
    tie_servers = ips(40, ports=(11211, 22122, 11300, 31211))
    ties = [("libmemcached-ketama-crc-ties-40.tsv", "ketama", tie_servers,
             "ketama compat=libmemcached hash=crc", keys_on_ties(tie_servers, host_port)),
            ("libmemcached-spy-crc-ties-40.tsv", "spy", tie_servers,
             "ketama compat=libmemcached-spy hash=crc", keys_on_ties(tie_servers, spy_node))]
    for name, mode, servers, hashring, key_list in ties:
        placements = run([tool, mode, "crc"] + [spec(s) for s in servers], key_list)
        write(name, peer + {"ketama": "MEMCACHED_BEHAVIOR_KETAMA=1",
                            "spy": "DISTRIBUTION=CONSISTENT_KETAMA_SPY"}[mode]
              + " HASH=crc; keys chosen so that each hashes to a point value two servers share",
              [listed(s) for s in servers], hashring, placements)
    for seed, (name, mode, h, servers, hashring) in enumerate(configs):
        settings = {"ketama": "MEMCACHED_BEHAVIOR_KETAMA=1",
                    "weighted": "MEMCACHED_BEHAVIOR_KETAMA_WEIGHTED=1",
                    "spy": "DISTRIBUTION=CONSISTENT_KETAMA_SPY",
                    "implicit": "DISTRIBUTION=CONSISTENT then weighted server_add"}[mode]
        key_list = keys(1000 + seed)
        placements = run([tool, mode, h] + [spec(s) for s in servers], key_list)
        write(name, peer + settings + " HASH=" + h, [listed(s) for s in servers], hashring,
              placements)


def dalli():
    peer = "dalli-3.0.6 (Dalli::KeyManager#validate_key + Dalli::Ring#server_for_key in process)"
    configs = [
        ("equal-3", [("10.0.1.1", 11211, 1), ("10.0.1.2", 11211, 1), ("10.0.1.3", 11212, 1)]),
        ("1-2-3", [("10.0.1.1", 11211, 1), ("10.0.1.2", 11211, 2), ("10.0.1.3", 11212, 3)]),
        ("fixture-8", FIXTURE), ("1-1-1000-3", ips(3, [1, 1, 1000], (11212,))),
        ("tiny-huge-3", ips(3, [1, 65535, 1])), ("random-10", ips(10, [random.Random(11).randint(
            1, 20) for _ in range(10)])), ("equal-50", ips(50)), ("single-1", ips(1)),
        ("hosts-4", [("localhost", 11211, 1), ("cache-a.example.com", 11211, 2),
                     ("::1", 11213, 1), ("10.0.0.9", 22122, 1)]),
    ]
    for seed, (what, servers) in enumerate(configs):
        key_list = keys(2000 + seed, dalli_long_keys(2100 + seed))
        command = ["ruby", os.path.join(HERE, "dalli_placements.rb")] + [spec(s) for s in servers]
        placements = run(command, key_list)
        write("dalli-ring-%s.tsv" % what, peer, [listed(s) for s in servers],
              "ketama compat=dalli", placements)


def main():
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tool = os.path.join(tmp, "libmemcached_placements")
        subprocess.run(["gcc", "-O1", "-Wall", "-o", tool,
                        os.path.join(HERE, "libmemcached_placements.c"), "-lmemcached"],
                       check=True)
        libmemcached(tool)
    dalli()


if __name__ == "__main__":
    main()
