"""The real clients. Each runner stores every key (value "id:<index>") and returns
(statuses, effective) where statuses[i] is "STORED" or "REFUSED <why>" for keys[i] and
effective describes the settings the client reports after it was configured."""

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PEERS = os.path.join(HERE, "peers")
LMC_STORE = os.path.join(tempfile.gettempdir(), "hashring-lmc-store")


def _keys_input(keys):
    return "".join(key + "\n" for key in keys).encode("utf-8")


def _split_output(text, count):
    header = [line for line in text.splitlines() if line.startswith("#")]
    statuses = [line for line in text.splitlines() if not line.startswith("#")]
    if len(statuses) != count:
        raise RuntimeError("expected %d results, got %d:\n%s" % (count, len(statuses), text[-2000:]))
    return statuses, header


def build_lmc_store():
    source = os.path.join(PEERS, "lmc-store.c")
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libmemcached"], check=True,
                           capture_output=True, text=True).stdout.split()
    subprocess.run(["gcc", "-O2", "-Wall", "-Wextra", "-Werror", "-o", LMC_STORE, source] + flags,
                   check=True)


def versions():
    """The versions of every peer, for the README and the peer lines."""
    import pylibmc
    import pymemcache

    php = subprocess.run(["php", "-r", 'echo phpversion("memcached");'], capture_output=True,
                         text=True).stdout.strip()
    ruby = subprocess.run(["ruby", "-e", 'require "dalli"; print Dalli::VERSION, " ", RUBY_VERSION'],
                          capture_output=True, text=True).stdout.strip()
    nutcracker = subprocess.run(["nutcracker", "-V"], capture_output=True, text=True)
    lib = subprocess.run(["pkg-config", "--modversion", "libmemcached"], capture_output=True,
                         text=True).stdout.strip()
    memcached = subprocess.run(["memcached", "-V"], capture_output=True, text=True).stdout.strip()
    return {
        "libmemcached": lib,
        "pylibmc": pylibmc.__version__,
        "php-memcached": php,
        "dalli": ruby.split()[0] if ruby else "?",
        "ruby": ruby.split()[1] if ruby else "?",
        "pymemcache": pymemcache.__version__,
        "nutcracker": (nutcracker.stdout + nutcracker.stderr).split("\n")[0].strip(),
        "memcached": memcached,
    }


def pylibmc_store(specs, keys, behaviors=None, later_behaviors=None):
    """pylibmc: behaviors go to the constructor (set before the servers are added, as pylibmc
    does); later_behaviors are assigned to client.behaviors after construction."""
    import pylibmc

    client = pylibmc.Client([_host_port_weight(spec) for spec in specs], behaviors=behaviors)
    if later_behaviors:
        client.behaviors = later_behaviors
    b = client.behaviors
    effective = "distribution=%s hash=%s ketama_weighted=%s" % (
        b["distribution"], b["hash"], b["ketama_weighted"])
    statuses = []
    for i, key in enumerate(keys):
        try:
            statuses.append("STORED" if client.set(key, "id:%d" % i) else "REFUSED set returned False")
        except (pylibmc.Error, ValueError) as e:
            statuses.append("REFUSED %s: %s" % (type(e).__name__, e))
    client.disconnect_all()
    return statuses, effective


def _host_port_weight(spec):
    return spec.address if spec.weight is None else "%s:%d" % (spec.address, spec.weight)


def lmc_store(specs, keys, steps):
    """The C program: steps are lmc-store arguments; "SERVERS" expands to one server= per spec
    and "PUSH" to one push= with all specs."""
    args = []
    for step in steps:
        if step == "SERVERS":
            args += ["server=%s:%d:%d" % (s.host, s.port, s.weight_or_1()) for s in specs]
        elif step == "PUSH":
            args.append("push=" + ",".join("%s:%d:%d" % (s.host, s.port, s.weight_or_1())
                                           for s in specs))
        else:
            args.append(step)
    out = subprocess.run([LMC_STORE] + args, input=_keys_input(keys), capture_output=True,
                         check=True).stdout.decode("utf-8")
    statuses, header = _split_output(out, len(keys))
    return statuses, " | ".join(line[2:] for line in header)


def php_store(specs, keys, steps):
    """php-memcached: steps as in php-store.php; "SERVERS" expands to one addServer per spec and
    "ADD_SERVERS" to one addServers call with all specs."""
    expanded = []
    for step in steps:
        if step == "SERVERS":
            expanded += [["server", s.host, s.port, s.weight_or_1()] for s in specs]
        elif step == "ADD_SERVERS":
            expanded.append(["servers", [[s.host, s.port, s.weight_or_1()] for s in specs]])
        else:
            expanded.append(step)
    out = subprocess.run(["php", os.path.join(PEERS, "php-store.php"), json.dumps(expanded)],
                         input=_keys_input(keys), capture_output=True, check=True).stdout
    statuses, header = _split_output(out.decode("utf-8"), len(keys))
    return statuses, " | ".join(line[2:] for line in header)


def dalli_store(specs, keys, options=None):
    config = {"servers": [_host_port_weight(spec) for spec in specs], "options": options or {}}
    out = subprocess.run(["ruby", os.path.join(PEERS, "dalli-store.rb"), json.dumps(config)],
                         input=_keys_input(keys), capture_output=True, check=True).stdout
    statuses, header = _split_output(out.decode("utf-8"), len(keys))
    return statuses, " | ".join(line[2:] for line in header)


def pymemcache_store(specs, keys, allow_unicode_keys=True, as_bytes=False):
    from pymemcache.client.hash import HashClient
    from pymemcache.exceptions import MemcacheError

    client = HashClient([(spec.host, spec.port) for spec in specs], default_noreply=False,
                        allow_unicode_keys=allow_unicode_keys, connect_timeout=5, timeout=5)
    statuses = []
    for i, key in enumerate(keys):
        try:
            k = key.encode("utf-8") if as_bytes else key
            statuses.append("STORED" if client.set(k, "id:%d" % i) else "REFUSED set returned False")
        except (MemcacheError, ValueError) as e:
            # the message repeats the key ("Non-ASCII key: '...'"); keep only its kind
            statuses.append("REFUSED %s: %s" % (type(e).__name__, str(e).split(": ")[0]))
    client.quit()
    return statuses, "nodes=%s allow_unicode_keys=%s key_type=%s" % (
        ",".join(client.hasher.nodes), allow_unicode_keys, "bytes" if as_bytes else "str")


TWEMPROXY_LISTEN = ("127.0.0.1", 22199)
TWEMPROXY_STATS = 22198


def twemproxy_config(specs, hash_name, distribution):
    lines = [
        "hashring:",
        "  listen: %s:%d" % TWEMPROXY_LISTEN,
        "  hash: %s" % hash_name,
        "  distribution: %s" % distribution,
        "  timeout: 5000",
        "  auto_eject_hosts: false",
        "  preconnect: true",
        "  servers:",
    ]
    for spec in specs:
        line = "   - %s:%d:%d" % (spec.host, spec.port, spec.weight_or_1())
        lines.append(line + (" " + spec.name if spec.name else ""))
    return "\n".join(lines) + "\n"


def twemproxy_store(specs, keys, hash_name, distribution):
    """nutcracker in front of the servers; the keys are stored through it with the plain text
    protocol (one connection, reopened when twemproxy closes it after a request it rejects)."""
    workdir = tempfile.mkdtemp(prefix="hashring-twemproxy-")
    conf = os.path.join(workdir, "nutcracker.yml")
    with open(conf, "w") as f:
        f.write(twemproxy_config(specs, hash_name, distribution))
    log = os.path.join(workdir, "nutcracker.log")
    check = subprocess.run(["nutcracker", "-t", "-c", conf], capture_output=True, text=True)
    if check.returncode != 0:
        raise RuntimeError("nutcracker rejects the configuration:\n%s" % (check.stdout + check.stderr))
    process = subprocess.Popen(["nutcracker", "-c", conf, "-o", log, "-a", "127.0.0.1",
                                "-s", str(TWEMPROXY_STATS), "-v", "4"], stdin=subprocess.DEVNULL)
    try:
        deadline = time.time() + 10
        while True:
            try:
                socket.create_connection(TWEMPROXY_LISTEN, timeout=0.5).close()
                break
            except OSError:
                if process.poll() is not None or time.time() > deadline:
                    raise RuntimeError("nutcracker did not start; see %s" % log)
                time.sleep(0.05)
        statuses = [text_protocol_set(TWEMPROXY_LISTEN, key, "id:%d" % i)
                    for i, key in enumerate(keys)]
    finally:
        close_connections()
        process.terminate()
        process.wait(timeout=10)
    shutil.rmtree(workdir)
    return statuses, "nutcracker config: hash=%s distribution=%s" % (hash_name, distribution)


_connections = {}


def text_protocol_set(endpoint, key, value):
    """`set <key> 0 0 <n>` over a socket; the reply decides STORED or REFUSED."""
    data = value.encode("utf-8")
    request = b"set " + key.encode("utf-8") + b" 0 0 %d\r\n" % len(data) + data + b"\r\n"
    for attempt in range(2):
        sock = _connections.get(endpoint)
        if sock is None:
            sock = _connections[endpoint] = socket.create_connection(endpoint, timeout=10)
        try:
            sock.sendall(request)
            reply = b""
            while not reply.endswith(b"\r\n"):
                chunk = sock.recv(4096)
                if not chunk:
                    raise ConnectionError("closed")
                reply += chunk
        except (ConnectionError, socket.timeout) as e:
            sock.close()
            del _connections[endpoint]
            if attempt == 0 and isinstance(e, ConnectionResetError):
                continue
            return "REFUSED connection closed by the proxy"
        reply = reply.strip().decode("utf-8", "replace")
        return "STORED" if reply == "STORED" else "REFUSED " + reply
    return "REFUSED connection reset"


def close_connections():
    for sock in _connections.values():
        sock.close()
    _connections.clear()
