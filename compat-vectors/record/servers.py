"""Real memcached servers on loopback, and asking them directly which keys they hold."""

import base64
import os
import shutil
import socket
import subprocess
import time
import urllib.parse

MEMCACHED = shutil.which("memcached") or "/usr/bin/memcached"


class Spec:
    """One server as a client is given it: `host:port[:weight][ name]`, IPv6 as `[::1]:port`."""

    def __init__(self, text):
        self.text = text
        address, _, name = text.partition(" ")
        self.name = name or None
        if address.startswith("["):
            host, _, rest = address[1:].partition("]")
            parts = [host] + rest[1:].split(":")
        else:
            parts = address.split(":")
        if len(parts) not in (2, 3):
            raise ValueError("server spec must be host:port[:weight][ name]: %r" % text)
        self.host = parts[0]
        self.port = int(parts[1])
        self.weight = int(parts[2]) if len(parts) == 3 else None
        self.ipv6 = ":" in self.host
        self.listen = self.host if self.ipv6 else socket.gethostbyname(self.host)

    @property
    def address(self):
        """What the placement column shows: the host string exactly as the client was given it
        (IPv6 in brackets), then the port."""
        return "%s:%d" % ("[%s]" % self.host if self.ipv6 else self.host, self.port)

    @property
    def endpoint(self):
        return (self.listen, self.port)

    def weight_or_1(self):
        return 1 if self.weight is None else self.weight

    def __repr__(self):
        return self.text


def listening(endpoint):
    try:
        with socket.create_connection(endpoint, timeout=0.5):
            return True
    except OSError:
        return False


class Memcacheds:
    """Fresh memcached processes (foreground, one thread each) for a list of specs."""

    def __init__(self, specs):
        self.endpoints = sorted({spec.endpoint for spec in specs})
        if len(self.endpoints) != len(specs):
            raise ValueError("two specs share one endpoint: %s" % specs)
        self.processes = []

    def __enter__(self):
        for ip, port in self.endpoints:
            if listening((ip, port)):
                raise RuntimeError("%s:%d is already in use by another process" % (ip, port))
        try:
            for ip, port in self.endpoints:
                command = [MEMCACHED, "-l", ip, "-p", str(port), "-U", "0", "-t", "1", "-m", "64"]
                if os.geteuid() == 0:
                    command += ["-u", "memcache" if _user_exists("memcache") else "nobody"]
                self.processes.append(subprocess.Popen(command, stdin=subprocess.DEVNULL))
            deadline = time.time() + 10
            for endpoint in self.endpoints:
                while not listening(endpoint):
                    if time.time() > deadline:
                        raise RuntimeError("memcached did not start on %s:%d" % endpoint)
                    time.sleep(0.02)
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc):
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.processes = []


def _user_exists(name):
    try:
        import pwd

        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


class Connection:
    """The memcached text protocol, just enough to list and read keys."""

    def __init__(self, endpoint):
        self.sock = socket.create_connection(endpoint, timeout=10)
        self.buffer = b""

    def close(self):
        self.sock.close()

    def send(self, data):
        self.sock.sendall(data)

    def line(self):
        while b"\r\n" not in self.buffer and b"\n" not in self.buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("server closed the connection")
            self.buffer += chunk
        # metadump lines end in "\n", protocol lines in "\r\n"
        end = self.buffer.index(b"\n")
        line, self.buffer = self.buffer[:end], self.buffer[end + 1:]
        return line.rstrip(b"\r")

    def exactly(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("server closed the connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def keys(self):
        """Every key the server holds, from `lru_crawler metadump all`."""
        for _ in range(100):
            self.send(b"lru_crawler metadump all\r\n")
            keys = []
            while True:
                line = self.line()
                if line == b"END":
                    return keys
                if line.startswith(b"BUSY"):
                    break
                if line.startswith(b"ERROR") or line.startswith(b"CLIENT_ERROR"):
                    raise RuntimeError("metadump failed: %r" % line)
                field = line.split(b" ", 1)[0]
                if field.startswith(b"key="):
                    keys.append(urllib.parse.unquote_to_bytes(field[4:].decode("ascii")))
            time.sleep(0.1)
        raise RuntimeError("lru_crawler stayed busy")

    def get(self, key):
        """The value stored under `key`, or None. A key a text `get` cannot name (a space or a
        control character, stored through the binary protocol) is read with the meta protocol
        and a base64 key (`mg <base64> b v`)."""
        if all(b > 0x20 and b != 0x7F for b in key):
            self.send(b"get " + key + b"\r\n")
            value = None
            while True:
                line = self.line()
                if line == b"END":
                    return value
                if not line.startswith(b"VALUE "):
                    raise RuntimeError("unexpected reply to get %r: %r" % (key, line))
                value = self.exactly(int(line.rsplit(b" ", 1)[1]) + 2)[:-2]
        self.send(b"mg " + base64.b64encode(key) + b" b v\r\n")
        line = self.line()
        if line == b"EN":
            return None
        if not line.startswith(b"VA "):
            raise RuntimeError("unexpected reply to mg %r: %r" % (key, line))
        return self.exactly(int(line.split(b" ")[1]) + 2)[:-2]


def read_back(specs):
    """Asks every server directly what it holds.

    Returns {stored key bytes: (spec, value bytes)}; a key held by two servers is an error.
    """
    held = {}
    for spec in specs:
        conn = Connection(spec.endpoint)
        try:
            for key in conn.keys():
                value = conn.get(key)
                if value is None:
                    raise RuntimeError("%s lists %r but get returns nothing" % (spec, key))
                if key in held:
                    raise RuntimeError("%r is on %s and %s" % (key, held[key][0], spec))
                held[key] = (spec, value)
        finally:
            conn.close()
    return held
