#!/usr/bin/python3
"""Records where the real twemproxy (nutcracker 0.5.0) puts keys when a pool has a hash_tag:
src/test/resources/reference/twemproxy-ketama-*-hash_tag-*.tsv.

Starts memcached servers and nutcracker on loopback, stores every key through nutcracker, then
asks each memcached server directly which keys it holds. Stops every process it started.

Prerequisites (Debian): memcached, nutcracker, python3. Run:
    /usr/bin/python3 spi-ketama/src/test/reference/twemproxy_hash_tag.py
"""
import os
import random
import socket
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "reference")


def keys(seed, tag):
    """Keys with the tag characters in every arrangement twemproxy's rule distinguishes."""
    rnd = random.Random(seed)
    o, c = tag
    words = ["user", "cart", "session", "ключ", "日本", "x", "a-b", "42"]
    out = []
    for _ in range(120):
        inner = rnd.choice(words) + str(rnd.randrange(50))
        out.append("%s%s%s:%s" % (o, inner, c, rnd.choice(words)))        # tag first
        out.append("%s:%s%s%s" % (rnd.choice(words), o, inner, c))        # tag last
    for _ in range(15):
        w = rnd.choice(words) + str(rnd.randrange(1000))
        out += [o + c + w,                 # empty tag: the whole key is hashed
                w + o + "open",            # no closing character
                c + w + o + "z" + c,       # closing before opening
                o + "a" + c + o + "b" + c + w,  # the first tag counts
                w,                         # no tag at all
                o + w]                     # opening only
    seen, unique = set(), []
    for key in out:
        if key not in seen:
            seen.add(key)
            unique.append(key)
    return unique


def command(sock, line, expect_end):
    sock.sendall(line)
    data = b""
    while not any(data.endswith(end) for end in expect_end):
        chunk = sock.recv(65536)
        if not chunk:
            raise RuntimeError("connection closed after %r" % line)
        data += chunk
    return data


def wait_for(port, host="127.0.0.1"):
    for _ in range(100):
        try:
            socket.create_connection((host, port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("nothing listens on %s:%d" % (host, port))


def record(name, hash_name, tag, servers, seed):
    user = ["-u", "nobody"] if os.geteuid() == 0 else []
    processes = []
    try:
        for host, port, _ in servers:
            processes.append(subprocess.Popen(
                ["memcached", "-l", host, "-p", str(port), "-U", "0", "-t", "1"] + user))
        for host, port, _ in servers:
            wait_for(port, host)
        with tempfile.TemporaryDirectory() as tmp:
            conf = os.path.join(tmp, "nutcracker.yml")
            with open(conf, "w") as f:
                f.write("alpha:\n  listen: 127.0.0.1:22301\n  hash: %s\n  hash_tag: \"%s\"\n"
                        "  distribution: ketama\n  timeout: 1000\n  servers:\n" % (hash_name, tag))
                for host, port, weight in servers:
                    f.write("   - %s:%d:%d\n" % (host, port, weight))
            processes.append(subprocess.Popen(
                ["nutcracker", "-c", conf, "-s", "22302", "-o", os.path.join(tmp, "log")]))
            wait_for(22301)
            key_list = keys(seed, tag)
            proxy = socket.create_connection(("127.0.0.1", 22301))
            for key in key_list:
                reply = command(proxy, b"set " + key.encode() + b" 0 0 1\r\nx\r\n", [b"\r\n"])
                assert reply == b"STORED\r\n", (key, reply)
            proxy.close()
            held = {}
            for host, port, _ in servers:
                direct = socket.create_connection((host, port))
                for key in key_list:
                    reply = command(direct, b"get " + key.encode() + b"\r\n", [b"END\r\n"])
                    if reply.startswith(b"VALUE"):
                        assert key not in held, key
                        held[key] = "%s:%d" % (host, port)
                direct.close()
        assert len(held) == len(key_list)
        path = os.path.join(OUT, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write("# peer=twemproxy nutcracker-0.5.0 hash=%s distribution=ketama hash_tag=\"%s\""
                    " (stored through nutcracker, read back from each memcached)\n" % (hash_name, tag))
            f.write("# servers=%s\n" % ",".join("%s:%d:%d" % s for s in servers))
            f.write("# hashring=ketama compat=twemproxy hash=%s hash_tag=%s\n"
                    % ("crc" if hash_name == "crc32" else hash_name, tag))
            for key in key_list:
                f.write("%s\t%s\n" % (key, held[key]))
        print("wrote", name, len(key_list))
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait()


def main():
    os.makedirs(OUT, exist_ok=True)
    servers = [("127.0.0.2", 31301, 1), ("127.0.0.3", 31302, 2), ("127.0.0.4", 31303, 1),
               ("127.0.0.5", 31304, 3)]
    record("twemproxy-ketama-fnv1a_64-hash_tag-braces-4.tsv", "fnv1a_64", "{}", servers, 61)
    record("twemproxy-ketama-md5-hash_tag-dollars-4.tsv", "md5", "$$", servers, 62)


if __name__ == "__main__":
    main()
