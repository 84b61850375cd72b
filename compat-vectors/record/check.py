"""An independent model of each compat profile, used only to check the recordings' labels.

Usage: /usr/bin/python3 check.py [FILE ...]    (default: every .tsv with a `# hashring=` line)

The vectors come from the real clients; this file never produced one. It re-implements what
../../shared/spec/PLACEMENT.md says each client does and reports, per file, how many recorded
placements the `# hashring=` configuration reproduces. A mismatch means a wrong label, a
recording problem, or a place where the spec is wrong: all three need a look.
"""

import bisect
import glob
import hashlib
import os
import struct
import sys
import zlib

M32 = 0xFFFFFFFF
M64 = (1 << 64) - 1


def sx(b):
    """A byte as libmemcached and twemproxy see it: (uint32_t)(char)b on x86-64."""
    return b | 0xFFFFFF00 if b & 0x80 else b


def one_at_a_time(data):
    h = 0
    for b in data:
        h = (h + sx(b)) & M32
        h = (h + (h << 10)) & M32
        h ^= h >> 6
    h = (h + (h << 3)) & M32
    h ^= h >> 11
    return (h + (h << 15)) & M32


def md5(data):
    return struct.unpack_from("<I", hashlib.md5(data).digest())[0]


def md5_words(data):
    return struct.unpack("<4I", hashlib.md5(data).digest())


def crc(data):
    return (zlib.crc32(data) >> 16) & 0x7FFF


def crc32a(data):
    return zlib.crc32(data) & M32


def _xmodem_table():
    table = []
    for i in range(256):
        c = i << 8
        for _ in range(8):
            c = ((c << 1) ^ 0x1021) if c & 0x8000 else c << 1
        table.append(c & 0xFFFF)
    return table


XMODEM = _xmodem_table()


def crc16(data):
    """twemproxy: the 32-bit accumulator is never masked to 16 bits."""
    c = 0
    for b in data:
        c = ((c << 8) ^ XMODEM[((c >> 8) ^ b) & 0xFF]) & M32
    return c


def fnv1_32(data):
    h = 2166136261
    for b in data:
        h = (h * 16777619) & M32
        h ^= sx(b)
    return h


def fnv1a_32(data):
    h = 2166136261
    for b in data:
        h ^= sx(b)
        h = (h * 16777619) & M32
    return h


def fnv1_64(data):
    h = 0xCBF29CE484222325
    for b in data:
        h = (h * 0x100000001B3) & M64
        h ^= (b | 0xFFFFFFFFFFFFFF00) if b & 0x80 else b
    return h & M32


def fnv1a_64(data):
    h = 0x84222325
    for b in data:
        h ^= sx(b)
        h = (h * 0x1B3) & M32
    return h


def murmur(data):
    m, n = 0x5BD1E995, len(data)
    h = ((0xDEADBEEF * n) & M32) ^ n
    i = 0
    while n - i >= 4:
        k = struct.unpack_from("<I", data, i)[0]
        k = (k * m) & M32
        k ^= k >> 24
        k = (k * m) & M32
        h = ((h * m) & M32) ^ k
        i += 4
    rest = n - i
    if rest == 3:
        h ^= data[i + 2] << 16
    if rest >= 2:
        h ^= data[i + 1] << 8
    if rest >= 1:
        h ^= data[i]
        h = (h * m) & M32
    h ^= h >> 13
    h = (h * m) & M32
    return h ^ (h >> 15)


def _rotl(x, r):
    return ((x << r) | (x >> (32 - r))) & M32


def murmur3_32(data, seed):
    c1, c2, n = 0xCC9E2D51, 0x1B873593, len(data)
    h = seed & M32
    blocks = n // 4
    for i in range(blocks):
        k = struct.unpack_from("<I", data, 4 * i)[0]
        k = (_rotl((k * c1) & M32, 15) * c2) & M32
        h = (_rotl(h ^ k, 13) * 5 + 0xE6546B64) & M32
    k = 0
    tail = data[4 * blocks:]
    if len(tail) == 3:
        k ^= tail[2] << 16
    if len(tail) >= 2:
        k ^= tail[1] << 8
    if len(tail) >= 1:
        k ^= tail[0]
        h ^= (_rotl((k * c1) & M32, 15) * c2) & M32
    h ^= n
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & M32
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & M32
    return h ^ (h >> 16)


def murmur3(data):
    return murmur3_32(data, 0xDEADBEEF * len(data))


def jenkins(data):
    """lookup3 hashlittle(key, length, 13), byte by byte (the same result as the word reads)."""
    def mix(a, b, c):
        a = (a - c) & M32; a ^= _rotl(c, 4); c = (c + b) & M32
        b = (b - a) & M32; b ^= _rotl(a, 6); a = (a + c) & M32
        c = (c - b) & M32; c ^= _rotl(b, 8); b = (b + a) & M32
        a = (a - c) & M32; a ^= _rotl(c, 16); c = (c + b) & M32
        b = (b - a) & M32; b ^= _rotl(a, 19); a = (a + c) & M32
        c = (c - b) & M32; c ^= _rotl(b, 4); b = (b + a) & M32
        return a, b, c

    def final(a, b, c):
        c ^= b; c = (c - _rotl(b, 14)) & M32
        a ^= c; a = (a - _rotl(c, 11)) & M32
        b ^= a; b = (b - _rotl(a, 25)) & M32
        c ^= b; c = (c - _rotl(b, 16)) & M32
        a ^= c; a = (a - _rotl(c, 4)) & M32
        b ^= a; b = (b - _rotl(a, 14)) & M32
        c ^= b; c = (c - _rotl(b, 24)) & M32
        return c

    n = len(data)
    a = b = c = (0xDEADBEEF + n + 13) & M32
    i = 0
    while n - i > 12:
        x, y, z = struct.unpack_from("<3I", data, i)
        a, b, c = mix((a + x) & M32, (b + y) & M32, (c + z) & M32)
        i += 12
    if n - i == 0:
        return c
    tail = data[i:] + bytes(12 - (n - i))
    x, y, z = struct.unpack("<3I", tail)
    return final((a + x) & M32, (b + y) & M32, (c + z) & M32)


def hsieh_twemproxy(data):
    """twemproxy nc_hsieh.c: starts at 0; the 3-byte tail sign-extends its last byte."""
    n = len(data)
    if n == 0:
        return 0
    h, i = 0, 0
    for _ in range(n >> 2):
        h = (h + (data[i] | data[i + 1] << 8)) & M32
        tmp = (((data[i + 2] | data[i + 3] << 8) << 11) ^ h) & M32
        h = ((h << 16) ^ tmp) & M32
        i += 4
        h = (h + (h >> 11)) & M32
    rem = n & 3
    if rem == 3:
        h = (h + (data[i] | data[i + 1] << 8)) & M32
        h ^= (h << 16) & M32
        h ^= (sx(data[i + 2]) << 18) & M32
        h = (h + (h >> 11)) & M32
    elif rem == 2:
        h = (h + (data[i] | data[i + 1] << 8)) & M32
        h ^= (h << 11) & M32
        h = (h + (h >> 17)) & M32
    elif rem == 1:
        h = (h + data[i]) & M32
        h ^= (h << 10) & M32
        h = (h + (h >> 1)) & M32
    h ^= (h << 3) & M32
    h = (h + (h >> 5)) & M32
    h ^= (h << 4) & M32
    h = (h + (h >> 17)) & M32
    h ^= (h << 25) & M32
    return (h + (h >> 6)) & M32


HASHES = {
    "one_at_a_time": one_at_a_time, "default": one_at_a_time, "md5": md5, "crc": crc,
    "crc16": crc16, "crc32a": crc32a, "fnv1_32": fnv1_32, "fnv1a_32": fnv1a_32,
    "fnv1_64": fnv1_64, "fnv1a_64": fnv1a_64, "murmur": murmur, "murmur3": murmur3,
    "jenkins": jenkins, "hsieh": hsieh_twemproxy,
}

APPLE = {"one_at_a_time": 2297466611, "md5": 3195025439, "crc": 10542, "fnv1_64": 473199127,
         "fnv1a_64": 1488911807, "fnv1_32": 67176023, "fnv1a_32": 280767167,
         "murmur": 4142305122, "jenkins": 1442444624, "murmur3": 1120212521,
         "crc16": 3662830516, "crc32a": 2838417488, "hsieh": 3738850110}


class Server:
    def __init__(self, spec):
        address, _, self.name = spec.partition(" ")
        if address.startswith("["):
            host, _, rest = address[1:].partition("]")
            parts = [host] + rest[1:].split(":")
        else:
            parts = address.split(":")
        self.host, self.port = parts[0], int(parts[1])
        self.weight = int(parts[2]) if len(parts) > 2 else 1
        self.address = ("[%s]" % self.host if ":" in self.host else self.host) + ":%d" % self.port


def float32(x):
    return struct.unpack("<f", struct.pack("<f", x))[0]


def share_points(servers):
    """libmemcached / twemproxy weighted point count (float32 arithmetic), in points."""
    total = sum(s.weight for s in servers)
    n = len(servers)
    out = []
    for s in servers:
        pct = float32(float32(s.weight) / float32(total))
        x = float32(float32(float32(pct * 160) / 4) * float32(n))
        x = float32(x + 0.0000000001)
        out.append(int(x // 1) * 4)
    return out


class Continuum:
    def __init__(self, points):
        points.sort()
        self.values = [p[0] for p in points]
        self.owners = [p[1] for p in points]

    def lower_bound(self, h):
        i = bisect.bisect_left(self.values, h)
        return self.owners[i if i < len(self.values) else 0]


def libmemcached_ring(servers, hash_name, spy, force_weighted=False):
    key_hash = HASHES[hash_name]
    weighted = force_weighted or any(s.weight > 1 for s in servers)

    def node(s, i):
        if spy:
            return "/%s:%d-%d" % (s.host, s.port, i)
        return ("%s-%d" % (s.host, i)) if s.port == 11211 else "%s:%d-%d" % (s.host, s.port, i)

    points = []
    counts = share_points(servers) if weighted else [100] * len(servers)
    for index, (s, count) in enumerate(zip(servers, counts)):
        if weighted:
            for i in range(count // 4):
                points += [(w, index) for w in md5_words(node(s, i).encode())]
        else:
            points += [(key_hash(node(s, i).encode()), index) for i in range(count)]
    ring = Continuum(points)
    return lambda key: servers[ring.lower_bound(key_hash(key))]


def twemproxy_name(s):
    return s.name or (s.host if s.port == 11211 else "%s:%d" % (s.host, s.port))


def twemproxy_order(servers):
    """nutcracker sorts the servers by name (shorter first, then bytes) when it checks for
    duplicate names (conf_validate_server), and keeps that order."""
    return sorted(servers, key=lambda s: (len(twemproxy_name(s).encode()),
                                          twemproxy_name(s).encode()))


def twemproxy_ring(servers, hash_name):
    key_hash = HASHES[hash_name]
    servers = twemproxy_order(servers)
    points = []
    for index, (s, count) in enumerate(zip(servers, share_points(servers))):
        name = twemproxy_name(s)
        for i in range(count // 4):
            points += [(w, index) for w in md5_words(("%s-%d" % (name, i)).encode())]
    ring = Continuum(points)
    return lambda key: servers[ring.lower_bound(key_hash(key)) if key else 0]


def modula(servers, hash_name, slots_by_weight):
    key_hash = HASHES[hash_name]
    slots = [s for s in servers for _ in range(s.weight if slots_by_weight else 1)]
    return lambda key: slots[key_hash(key) % len(slots)]


def dalli_ring(servers):
    total = sum(s.weight for s in servers)
    points = []
    for s in servers:
        name = "%s:%d" % (s.host, s.port)
        for i in range(int((len(servers) * 160 * s.weight) // float(total))):
            value = int(hashlib.sha1(("%s:%d" % (name, i)).encode()).hexdigest()[:8], 16)
            points.append((value, s))
    points.sort(key=lambda p: p[0])
    values = [p[0] for p in points]

    def lookup(key):
        i = bisect.bisect_right(values, zlib.crc32(key) & M32)
        return points[i - 1][1]  # i == 0 gives -1: the last point

    return lookup


def pymemcache_rendezvous(servers):
    def score(text):
        return murmur3_32(bytes(ord(c) & 0xFF for c in text), 0)

    nodes = ["%s:%d" % (s.host, s.port) for s in servers]
    by_node = dict(zip(nodes, servers))

    def lookup(key):
        high, winner = -1, None
        text = key.decode("utf-8")
        for node in nodes:
            sc = score("%s-%s" % (node, text))
            if sc > high:
                high, winner = sc, node
            elif sc == high:
                winner = max(node, winner)
        return by_node[winner]

    return lookup


def build(selector, options, servers):
    compat = options.get("compat")
    hash_name = options.get("hash")
    if selector == "ketama" and compat == "libmemcached":
        return libmemcached_ring(servers, hash_name or "one_at_a_time", spy=False)
    if selector == "ketama" and compat == "libmemcached-weighted":
        return libmemcached_ring(servers, hash_name or "md5", spy=False, force_weighted=True)
    if selector == "ketama" and compat == "libmemcached-spy":
        return libmemcached_ring(servers, hash_name or "one_at_a_time", spy=True)
    if selector == "ketama" and compat == "twemproxy":
        return twemproxy_ring(servers, hash_name or "fnv1a_64")
    if selector == "ketama" and compat == "dalli":
        return dalli_ring(servers)
    if selector == "modulo" and compat == "libmemcached":
        return modula(servers, hash_name or "one_at_a_time", slots_by_weight=False)
    if selector == "modulo" and compat == "twemproxy":
        return modula(twemproxy_order(servers), hash_name or "fnv1a_64", slots_by_weight=True)
    if selector == "rendezvous" and compat == "pymemcache":
        return pymemcache_rendezvous(servers)
    raise ValueError("no model for %s %s" % (selector, options))


def check(path):
    header, rows = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f.read().split("\n"):
            if not line:
                continue
            if line.startswith("#"):
                name, _, value = line[1:].strip().partition("=")
                header[name.strip()] = value.strip()
            else:
                key, address = line.split("\t")
                rows.append((key, address))
    if "hashring" not in header:
        return None
    words = header["hashring"].split()
    options = dict(w.split("=", 1) for w in words[1:])
    servers = [Server(spec) for spec in header["servers"].split(",")]
    lookup = build(words[0], options, servers)
    wrong = [(k, a, lookup(k.encode("utf-8")).address) for k, a in rows
             if lookup(k.encode("utf-8")).address != a]
    return len(rows), wrong


def main():
    for name, expected in APPLE.items():
        got = HASHES[name](b"apple")
        if got != expected:
            sys.exit("model hash %s('apple') = %d, expected %d" % (name, got, expected))
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    files = sys.argv[1:] or sorted(glob.glob(os.path.join(here, "*.tsv"))
                                   + glob.glob(os.path.join(here, "findings", "*.tsv")))
    bad = 0
    for path in files:
        result = check(path)
        if result is None:
            print("%-66s no hashring line" % os.path.relpath(path, here))
            continue
        total, wrong = result
        bad += bool(wrong)
        print("%-66s %3d/%3d agree" % (os.path.relpath(path, here), total - len(wrong), total))
        for key, recorded, model in wrong[:3]:
            print("    %r: recorded %s, model %s" % (key[:50], recorded, model))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
