"""What to record: every file, its servers, its client settings and its hashring configuration.

Servers listen on loopback. Host names come from compat-vectors/record/hosts (added to
/etc/hosts by record-all.sh); `localhost` is 127.0.0.1. A spec is `host:port[:weight][ name]`,
written exactly as the client is given it.
"""

import peers

# The libmemcached test set (test/tests/memcached/ketama.cpp), on loopback addresses.
TEST_SET = ["127.0.0.%d:11211:%d" % (11 + i, w)
            for i, w in enumerate([600, 300, 200, 350, 1000, 800, 950, 100])]

# Server lists used more than once (comparisons need the same endpoints).
TEN = ["127.0.0.2:11211", "127.0.0.3:31212", "localhost:31213", "cache-a.hashring.test:11211",
       "127.0.0.5:31215", "127.0.0.6:11211", "memcache-01:31217", "127.0.0.8:31218",
       "127.0.0.9:11211", "127.0.0.10:31220"]
FOUR_W = ["127.0.0.2:31211:1", "127.0.0.3:11211:2", "localhost:31213:3", "127.0.0.5:31214:1"]
FOUR_1 = ["127.0.0.2:31211:1", "127.0.0.3:11211:1", "localhost:31213:1", "127.0.0.5:31214:1"]
FOUR_PLAIN = ["127.0.0.2:31211", "127.0.0.3:11211", "localhost:31213", "127.0.0.5:31214"]


def recordings(v, Recording):
    lib = "libmemcached-%s" % v["libmemcached"]
    out = []

    def pylibmc(file, servers, hashring, behaviors, later=None, **kw):
        peer = "%s (pylibmc %s) behaviors=%r" % (lib, v["pylibmc"], behaviors)
        if later:
            peer += ", then client.behaviors = %r" % later
        out.append(Recording(file, servers, hashring, peer,
                             lambda specs, keys: peers.pylibmc_store(specs, keys, behaviors, later),
                             **kw))

    def c_program(file, servers, hashring, steps, **kw):
        shown = " ".join("memcached_server_add_with_weight(each server)" if s == "SERVERS" else
                         "memcached_server_push(all servers)" if s == "PUSH" else s for s in steps)
        peer = "%s (C, record/peers/lmc-store.c) steps: %s" % (lib, shown)
        out.append(Recording(file, servers, hashring, peer,
                             lambda specs, keys: peers.lmc_store(specs, keys, steps), **kw))

    def php(file, servers, hashring, steps, binary=True, **kw):
        # php-memcached refuses non-ASCII keys with the text protocol (s_memc_valid_key_ascii),
        # so most recordings use the binary protocol, which does not change placement.
        if binary:
            steps = [("option", "OPT_BINARY_PROTOCOL", True)] + list(steps)
        shown = []
        for s in steps:
            if s == "SERVERS":
                shown.append("addServer(host, port, weight) for each server")
            elif s == "ADD_SERVERS":
                shown.append("addServers([[host, port, weight], ...])")
            else:
                shown.append("setOption(%s, %s)" % (s[1], s[2]))
        peer = "%s (php-memcached %s) %s" % (lib, v["php-memcached"], "; ".join(shown))
        out.append(Recording(file, servers, hashring, peer,
                             lambda specs, keys: peers.php_store(specs, keys, steps), **kw))

    def twemproxy(file, servers, hash_name, distribution, hashring, **kw):
        peer = "twemproxy %s hash=%s distribution=%s (server lines as in its config)" % (
            v["nutcracker"].replace("This is ", ""), hash_name, distribution)
        out.append(Recording(file, servers, hashring, peer,
                             lambda specs, keys: peers.twemproxy_store(specs, keys, hash_name,
                                                                       distribution), **kw))

    def dalli(file, servers, hashring="ketama compat=dalli", options=None, **kw):
        peer = "dalli-%s (ruby %s) Dalli::Client.new([\"host:port:weight\", ...]%s)" % (
            v["dalli"], v["ruby"], ", %r" % options if options else "")
        out.append(Recording(file, servers, hashring, peer,
                             lambda specs, keys: peers.dalli_store(specs, keys, options), **kw))

    def pymemcache(file, servers, hashring="rendezvous compat=pymemcache", unicode=True,
                   as_bytes=False, **kw):
        peer = "pymemcache-%s HashClient([(host, port), ...], allow_unicode_keys=%s) " \
               "default RendezvousHash; keys passed as %s" % (
                   v["pymemcache"], unicode, "UTF-8 bytes" if as_bytes else "str")
        out.append(Recording(file, servers, hashring, peer,
                             lambda specs, keys: peers.pymemcache_store(specs, keys, unicode,
                                                                        as_bytes), **kw))

    # ---- libmemcached, ketama unweighted (100 points per server, the key hash for points) ----
    ketama = "ketama compat=libmemcached"
    pylibmc("pylibmc-ketama-default-3-port11211.tsv",
            ["127.0.0.2:11211", "127.0.0.3:11211", "127.0.0.4:11211"], ketama, {"ketama": True})
    pylibmc("pylibmc-ketama-default-10.tsv", TEN, ketama, {"ketama": True}, seed=1010)
    pylibmc("pylibmc-ketama-md5-5.tsv",
            ["127.0.0.2:31211", "127.0.0.3:11211", "localhost:31213",
             "cache-b.hashring.test:31214", "127.0.0.6:31215"],
            ketama + " hash=md5", {"ketama": True, "hash": "md5"})
    pylibmc("pylibmc-ketama-crc-4.tsv", FOUR_PLAIN, ketama + " hash=crc",
            {"ketama": True, "hash": "crc"})
    pylibmc("pylibmc-ketama-fnv1_64-6.tsv",
            ["127.0.0.2:31211", "127.0.0.3:31212", "127.0.0.4:31213", "127.0.0.5:11211",
             "memcache-01:31215", "memcache-02:31216"],
            ketama + " hash=fnv1_64", {"ketama": True, "hash": "fnv1_64"})
    pylibmc("pylibmc-ketama-fnv1a_64-2.tsv", ["127.0.0.2:11211", "localhost:31212"],
            ketama + " hash=fnv1a_64", {"ketama": True, "hash": "fnv1a_64"})
    pylibmc("pylibmc-ketama-fnv1_32-7.tsv",
            ["127.0.0.%d:%d" % (i, 31210 + i) for i in range(2, 9)],
            ketama + " hash=fnv1_32", {"ketama": True, "hash": "fnv1_32"})
    pylibmc("pylibmc-ketama-fnv1a_32-8-hostnames.tsv",
            ["cache-a.hashring.test:11211", "cache-b.hashring.test:11211",
             "cache-c.hashring.test:31213", "memcache-01:11211", "memcache-02:31215",
             "localhost:31216", "127.0.0.7:11211", "127.0.0.8:31218"],
            ketama + " hash=fnv1a_32", {"ketama": True, "hash": "fnv1a_32"})
    pylibmc("pylibmc-ketama-murmur-5.tsv",
            ["127.0.0.2:31211", "127.0.0.3:31212", "127.0.0.4:11211", "localhost:31214",
             "127.0.0.6:31215"],
            ketama + " hash=murmur", {"ketama": True, "hash": "murmur"})
    pylibmc("pylibmc-ketama-jenkins-4.tsv", FOUR_PLAIN, ketama + " hash=jenkins",
            {"ketama": True, "hash": "jenkins"})
    c_program("libmemcached-ketama-murmur3-6.tsv",
              ["127.0.0.2:31211", "127.0.0.3:11211", "127.0.0.4:31213", "localhost:31214",
               "cache-c.hashring.test:11211", "127.0.0.7:31216"],
              ketama + " hash=murmur3", ["ketama=1", "hash=murmur3", "SERVERS"])
    php("php-consistent-default-4-text-protocol.tsv", FOUR_1, ketama,
        [("option", "OPT_DISTRIBUTION", "DISTRIBUTION_CONSISTENT"), "SERVERS"], binary=False,
        note="text protocol: php-memcached refuses every key with a byte outside isgraph() "
             "(all non-ASCII keys)")
    php("php-consistent-fnv1a_64-3-hostnames.tsv",
        ["cache-a.hashring.test:11211:1", "cache-b.hashring.test:31212:1", "localhost:11211:1"],
        ketama + " hash=fnv1a_64",
        [("option", "OPT_DISTRIBUTION", "DISTRIBUTION_CONSISTENT"),
         ("option", "OPT_HASH", "HASH_FNV1A_64"), "SERVERS"])

    # Weights > 1 with the plain (unweighted) consistent distribution: libmemcached turns its
    # weighted flag on when a server of weight > 1 is added while the distribution is consistent.
    pylibmc("pylibmc-ketama-default-weighted-1-2-3-1.tsv", FOUR_W, ketama, {"ketama": True},
            seed=77,
            note="ketama=True and weights > 1: behaviors are set before the servers are added, "
                 "so libmemcached switches to its weighted ring (ketama_weighted=1) and keeps "
                 "the one_at_a_time key hash; see README, corner cases")
    php("php-consistent-default-weighted-options-first-4.tsv", FOUR_W, ketama,
        [("option", "OPT_DISTRIBUTION", "DISTRIBUTION_CONSISTENT"), "SERVERS"], seed=77,
        note="setOption before addServer: weights > 1 switch libmemcached to its weighted ring")
    php("php-consistent-default-weighted-options-first-addservers-4.tsv", FOUR_W, ketama,
        [("option", "OPT_DISTRIBUTION", "DISTRIBUTION_CONSISTENT"), "ADD_SERVERS"], seed=77,
        note="setOption before addServers: weights > 1 switch libmemcached to its weighted ring")
    php("php-consistent-default-weighted-servers-first-4.tsv", FOUR_W, None,
        ["SERVERS", ("option", "OPT_DISTRIBUTION", "DISTRIBUTION_CONSISTENT")], seed=77,
        folder="findings",
        note="addServer before setOption(DISTRIBUTION_CONSISTENT): setting the distribution "
             "turns the weighted flag off, the weights are ignored; the placements equal "
             "'ketama compat=libmemcached' with every weight 1 (see "
             "pylibmc-ketama-default-4-seed77.tsv)")
    php("php-consistent-default-weighted-addservers-first-4.tsv", FOUR_W, None,
        ["ADD_SERVERS", ("option", "OPT_DISTRIBUTION", "DISTRIBUTION_CONSISTENT")], seed=77,
        folder="findings",
        note="addServers before setOption(DISTRIBUTION_CONSISTENT): weights ignored, as with "
             "addServer")
    pylibmc("pylibmc-ketama-default-weighted-later-4.tsv", FOUR_W, None, {},
            later={"ketama": True}, seed=77, folder="findings",
            note="servers first (weights 1,2,3,1), then client.behaviors = {'ketama': True}: "
                 "the weights are ignored, the placements equal 'ketama compat=libmemcached' "
                 "with every weight 1")
    pylibmc("pylibmc-ketama-default-4-seed77.tsv", FOUR_PLAIN, ketama, {"ketama": True}, seed=77,
            note="the same endpoints and keys as the *-weighted-* files with seed 77, no weights")

    # IPv6: libmemcached hashes the host string without brackets ("::1:31211-0", "::1-0")
    IPV6 = ["[::1]:31211", "[::1]:11211", "127.0.0.3:31213"]
    pylibmc("pylibmc-ketama-md5-ipv6-3.tsv", IPV6, ketama + " hash=md5",
            {"ketama": True, "hash": "md5"})

    # ---- libmemcached KETAMA_WEIGHTED (MD5 points, 160 x share, float32 formula) ----
    weighted = "ketama compat=libmemcached-weighted"
    pylibmc("pylibmc-ketama_weighted-md5-equal-3-port11211.tsv",
            ["127.0.0.2:11211:1", "127.0.0.3:11211:1", "127.0.0.4:11211:1"], weighted,
            {"ketama_weighted": True})
    php("php-libketama-md5-weighted-1-2-3.tsv",
        ["127.0.0.2:31211:1", "127.0.0.3:31212:2", "localhost:31213:3"], weighted,
        [("option", "OPT_LIBKETAMA_COMPATIBLE", True), "SERVERS"])
    php("php-libketama-md5-testset-8.tsv", TEST_SET, weighted,
        [("option", "OPT_LIBKETAMA_COMPATIBLE", True), "SERVERS"])
    pylibmc("pylibmc-ketama_weighted-md5-testset-8.tsv", TEST_SET, weighted,
            {"ketama_weighted": True}, seed=88)
    pylibmc("pylibmc-ketama_weighted-md5-equal-4-seed77.tsv", FOUR_1, weighted,
            {"ketama_weighted": True}, seed=77)
    pylibmc("pylibmc-ketama_weighted-md5-large-5.tsv",
            ["127.0.0.2:31211:65535", "127.0.0.3:11211:1", "localhost:31213:10000",
             "127.0.0.5:31214:500", "127.0.0.6:11211:3"], weighted, {"ketama_weighted": True})
    pylibmc("pylibmc-ketama_weighted-md5-tiny-10.tsv",
            [s + (":2" if i == 9 else ":1") for i, s in enumerate(TEN)], weighted,
            {"ketama_weighted": True})
    pylibmc("pylibmc-ketama_weighted-md5-1-2-3-4-15.tsv",
            ["127.0.0.2:31211:1", "127.0.0.3:31212:2", "127.0.0.4:31213:3", "127.0.0.5:31214:4",
             "127.0.0.6:31215:15"], weighted, {"ketama_weighted": True})
    pylibmc("pylibmc-ketama_weighted-md5-3-7-2.tsv", ["127.0.0.2:11211:3", "127.0.0.3:31212:7"],
            weighted, {"ketama_weighted": True})
    php("php-libketama-md5-hostnames-4.tsv",
        ["cache-a.hashring.test:11211:2", "cache-b.hashring.test:31212:1", "memcache-01:11211:5",
         "localhost:31214:1"], weighted,
        [("option", "OPT_LIBKETAMA_COMPATIBLE", True), "ADD_SERVERS"])
    php("php-libketama-md5-ipv6-weighted-3.tsv", ["[::1]:31211:2", "[::1]:11211:1",
                                                 "localhost:31213:1"], weighted,
        [("option", "OPT_LIBKETAMA_COMPATIBLE", True), "SERVERS"])
    php("php-libketama-crc-weighted-4.tsv", FOUR_W, weighted + " hash=crc",
        [("option", "OPT_LIBKETAMA_COMPATIBLE", True), ("option", "OPT_HASH", "HASH_CRC"),
         "SERVERS"])
    php("php-libketama-fnv1a_32-weighted-3.tsv",
        ["127.0.0.2:31211:5", "127.0.0.3:11211:1", "cache-c.hashring.test:31213:2"],
        weighted + " hash=fnv1a_32",
        [("option", "OPT_LIBKETAMA_COMPATIBLE", True), ("option", "OPT_HASH", "HASH_FNV1A_32"),
         "SERVERS"])
    c_program("libmemcached-ketama_weighted-murmur3-5.tsv",
              ["127.0.0.2:31211:2", "127.0.0.3:11211:1", "127.0.0.4:31213:1", "localhost:31214:4",
               "127.0.0.6:31215:1"],
              weighted + " hash=murmur3", ["ketama_weighted=1", "hash=murmur3", "SERVERS"])
    c_program("libmemcached-ketama_weighted-default-4.tsv", FOUR_W,
              weighted + " hash=one_at_a_time",
              ["ketama_weighted=1", "hash=default", "SERVERS"], seed=77,
              note="the weighted ring with the one_at_a_time key hash, set explicitly; compare "
                   "pylibmc-ketama-default-weighted-1-2-3-1.tsv (same keys and endpoints)")

    # ---- libmemcached CONSISTENT_KETAMA_SPY ("/host:port-i") ----
    spy = "ketama compat=libmemcached-spy"
    c_program("libmemcached-spy-md5-4.tsv", FOUR_PLAIN, spy + " hash=md5",
              ["distribution=consistent_ketama_spy", "hash=md5", "SERVERS"])
    c_program("libmemcached-spy-default-5-hostnames.tsv",
              ["cache-a.hashring.test:11211", "localhost:31212", "127.0.0.3:11211",
               "memcache-02:31214", "127.0.0.5:31215"], spy,
              ["distribution=consistent_ketama_spy", "SERVERS"])
    c_program("libmemcached-spy-md5-ipv6-3.tsv", IPV6, spy + " hash=md5",
              ["distribution=consistent_ketama_spy", "hash=md5", "SERVERS"])
    c_program("libmemcached-spy-md5-weighted-1-2-3.tsv",
              ["127.0.0.2:31211:1", "127.0.0.3:11211:2", "localhost:31213:3"], spy + " hash=md5",
              ["distribution=consistent_ketama_spy", "hash=md5", "SERVERS"],
              note="weights > 1 switch the weighted flag on (SPY counts as consistent)")
    c_program("libmemcached-spy-md5-testset-8.tsv", TEST_SET, spy + " hash=md5",
              ["ketama_weighted=1", "distribution=consistent_ketama_spy", "SERVERS"],
              note="the libmemcached SPY test setup: KETAMA_WEIGHTED (MD5) then "
                   "DISTRIBUTION=CONSISTENT_KETAMA_SPY")
    c_program("libmemcached-spy-default-weighted-4.tsv", FOUR_W, spy,
              ["distribution=consistent_ketama_spy", "SERVERS"], seed=77)
    c_program("libmemcached-spy-md5-weighted-flag-equal-3.tsv",
              ["127.0.0.2:31211:1", "127.0.0.3:11211:1", "localhost:31213:1"], None,
              ["ketama_weighted=1", "distribution=consistent_ketama_spy", "SERVERS"],
              folder="findings", seed=99,
              note="KETAMA_WEIGHTED then SPY with every weight 1: the weighted flag stays on "
                   "(160 MD5 points per server), unlike SPY without the flag (100 points); no "
                   "hashring profile name says which (see README)")
    c_program("libmemcached-spy-md5-equal-3.tsv",
              ["127.0.0.2:31211", "127.0.0.3:11211", "localhost:31213"], spy + " hash=md5",
              ["distribution=consistent_ketama_spy", "hash=md5", "SERVERS"], seed=99)

    # ---- libmemcached MODULA ----
    modula = "modulo compat=libmemcached"
    pylibmc("pylibmc-modula-default-5.tsv",
            ["127.0.0.2:31211", "127.0.0.3:11211", "localhost:31213", "127.0.0.5:31214",
             "127.0.0.6:31215"], modula, {"distribution": "modula"})
    for name, servers in [
        ("md5-3", ["127.0.0.2:11211", "127.0.0.3:11211", "127.0.0.4:31213"]),
        ("crc-4", FOUR_PLAIN),
        ("fnv1_64-7", ["127.0.0.%d:%d" % (i, 31210 + i) for i in range(2, 9)]),
        ("fnv1a_64-2", ["localhost:11211", "127.0.0.3:31212"]),
        ("fnv1_32-6", ["127.0.0.2:31211", "127.0.0.3:31212", "127.0.0.4:11211", "memcache-01:31214",
                       "127.0.0.6:31215", "127.0.0.7:31216"]),
        ("fnv1a_32-10", TEN),
        ("murmur-4", FOUR_PLAIN),
        ("jenkins-8", ["127.0.0.%d:%d" % (i, 31210 + i) for i in range(2, 10)]),
    ]:
        hash_name = name.rsplit("-", 1)[0]
        pylibmc("pylibmc-modula-%s.tsv" % name, servers, modula + " hash=" + hash_name,
                {"distribution": "modula", "hash": hash_name})
    c_program("libmemcached-modula-murmur3-5.tsv",
              ["127.0.0.2:31211", "127.0.0.3:11211", "127.0.0.4:31213", "localhost:31214",
               "127.0.0.6:31215"], modula + " hash=murmur3",
              ["distribution=modula", "hash=murmur3", "SERVERS"])
    pylibmc("pylibmc-modula-default-weighted-1-2-3-1.tsv", FOUR_W, modula,
            {"distribution": "modula"}, seed=77,
            note="modula ignores weights: compare pylibmc-modula-default-4-seed77.tsv")
    pylibmc("pylibmc-modula-default-4-seed77.tsv", FOUR_PLAIN, modula, {"distribution": "modula"},
            seed=77)
    php("php-modula-md5-weighted-4.tsv", FOUR_W, modula + " hash=md5",
        [("option", "OPT_DISTRIBUTION", "DISTRIBUTION_MODULA"), ("option", "OPT_HASH", "HASH_MD5"),
         "ADD_SERVERS"], seed=77)

    # hsieh: the Debian build of libmemcached 1.1.4 has no hsieh
    php("php-consistent-hsieh-refused-4.tsv", FOUR_1, ketama,
        [("option", "OPT_DISTRIBUTION", "DISTRIBUTION_CONSISTENT"),
         ("option", "OPT_HASH", "HASH_HSIEH"), "SERVERS"], seed=77, folder="findings",
        note="setOption(OPT_HASH, HASH_HSIEH) returns false (INVALID ARGUMENTS) and the hash "
             "stays one_at_a_time; pylibmc raises instead (see README)")

    # ---- twemproxy ----
    tw_ketama = "ketama compat=twemproxy hash="
    registry = {"crc32": "crc"}
    for hash_name, servers, special in [
        ("one_at_a_time", ["127.0.0.2:31211:1", "127.0.0.3:31212:1", "127.0.0.4:11211:1",
                           "127.0.0.5:31214:1"], "4"),
        ("md5", ["127.0.0.2:31211:3 alpha", "127.0.0.3:31212:7 beta", "127.0.0.4:11211:1 gamma",
                 "127.0.0.5:31214:2 delta", "localhost:31215:1 epsilon"], "named-weighted-5"),
        ("crc16", ["127.0.0.2:31211:1", "127.0.0.3:11211:1", "localhost:31213:1"], "3"),
        ("crc32", ["127.0.0.2:31211:1", "127.0.0.3:31212:1", "127.0.0.4:31213:1",
                   "127.0.0.5:31214:1"], "4"),
        ("crc32a", ["127.0.0.%d:%d:1" % (i, 31210 + i) for i in range(2, 8)], "6"),
        ("fnv1_64", ["127.0.0.2:11211:1", "127.0.0.3:11211:1", "127.0.0.4:11211:2",
                     "127.0.0.5:31214:1", "127.0.0.6:11211:1"], "5-port11211"),
        ("fnv1a_64", ["cache-a.hashring.test:11211:1", "cache-b.hashring.test:31212:1",
                      "cache-c.hashring.test:11211:1", "memcache-01:31214:1",
                      "memcache-02:11211:1", "localhost:31216:1", "127.0.0.7:11211:1",
                      "127.0.0.8:31218:1"], "8-hostnames"),
        ("fnv1_32", ["127.0.0.2:31211:4", "127.0.0.3:31212:1", "127.0.0.4:31213:2",
                     "127.0.0.5:11211:1"], "weighted-4"),
        ("fnv1a_32", ["127.0.0.%d:%d:1" % (i, 31210 + i) for i in range(2, 9)], "7"),
        ("hsieh", ["127.0.0.2:31211:1", "127.0.0.3:11211:1", "localhost:31213:1",
                   "127.0.0.5:31214:1"], "4"),
        ("murmur", ["127.0.0.2:31211:1 shard-1", "127.0.0.3:31212:1 shard-2",
                    "127.0.0.4:11211:1 shard-3", "127.0.0.5:31214:1 shard-4",
                    "127.0.0.6:31215:1 shard-5"], "named-5"),
        ("jenkins", ["127.0.0.2:11211:1", "localhost:31212:1", "127.0.0.4:31213:1"], "3"),
    ]:
        twemproxy("twemproxy-ketama-%s-%s.tsv" % (hash_name, special), servers, hash_name, "ketama",
                  tw_ketama + registry.get(hash_name, hash_name))
    twemproxy("twemproxy-ketama-md5-weighted-large-4.tsv",
              ["127.0.0.2:31211:1000", "127.0.0.3:11211:1", "127.0.0.4:31213:65535",
               "localhost:31214:250"], "md5", "ketama", tw_ketama + "md5")
    twemproxy("twemproxy-ketama-fnv1a_64-named-10.tsv",
              ["%s:1 node-%02d" % (s, i) for i, s in enumerate(TEN)], "fnv1a_64", "ketama",
              tw_ketama + "fnv1a_64")
    twemproxy("twemproxy-ketama-crc32-named-weighted-3.tsv",
              ["127.0.0.2:31211:1 a", "127.0.0.3:11211:5 b", "127.0.0.4:31213:2 c"],
              "crc32", "ketama", tw_ketama + "crc")
    twemproxy("twemproxy-ketama-md5-equal-4.tsv", FOUR_1, "md5", "ketama", tw_ketama + "md5",
              seed=77)

    twemproxy("twemproxy-ketama-fnv1a_64-ipv6-3.tsv",
              ["[::1]:31211:1", "[::1]:11211:1", "127.0.0.3:31213:1"], "fnv1a_64", "ketama",
              tw_ketama + "fnv1a_64",
              note="IPv6 servers are written '::1:31211:1' in the nutcracker configuration")

    tw_modula = "modulo compat=twemproxy hash="
    for hash_name, servers, special in [
        ("fnv1a_64", ["127.0.0.2:31211:1", "127.0.0.3:31212:3", "127.0.0.4:11211:1",
                      "localhost:31214:2", "127.0.0.6:31215:1"], "weighted-5"),
        ("md5", FOUR_1, "4"),
        ("crc16", ["127.0.0.2:31211:2", "127.0.0.3:11211:1", "127.0.0.4:31213:3"], "weighted-3"),
        ("crc32a", ["127.0.0.2:31211:100", "127.0.0.3:31212:1", "localhost:11211:250",
                    "127.0.0.5:31214:7"], "weighted-large-4"),
        ("one_at_a_time", ["127.0.0.%d:%d:1" % (i, 31210 + i) for i in range(2, 8)], "6"),
        ("murmur", ["127.0.0.2:31211:1 x", "127.0.0.3:31212:2 y", "127.0.0.4:31213:1 z"],
         "named-weighted-3"),
        ("crc32", ["127.0.0.2:31211:1", "127.0.0.3:31212:1", "127.0.0.4:11211:1"], "3"),
        ("md5", ["127.0.0.2:31211:2 zeta", "127.0.0.3:31212:1 alpha", "127.0.0.4:31213:3 b",
                 "localhost:31214:1 mid"], "named-unsorted-weighted-4"),
        ("fnv1a_64", ["memcache-01:11211:1", "cache-a.hashring.test:31212:1", "127.0.0.3:11211:2",
                      "localhost:31214:1", "[::1]:31215:1"], "hostnames-ipv6-5"),
    ]:
        twemproxy("twemproxy-modula-%s-%s.tsv" % (hash_name, special), servers, hash_name, "modula",
                  tw_modula + registry.get(hash_name, hash_name))

    # ---- Dalli ----
    dalli("dalli-ring-equal-3.tsv", ["127.0.0.2:31211:1", "127.0.0.3:31212:1", "127.0.0.4:31213:1"])
    dalli("dalli-ring-weighted-1-2-3-5.tsv",
          ["127.0.0.2:31211:1", "127.0.0.3:31212:2", "127.0.0.4:31213:3", "127.0.0.5:31214:1",
           "127.0.0.6:31215:2"])
    dalli("dalli-ring-weighted-large-4.tsv",
          ["127.0.0.2:31211:1000", "127.0.0.3:31212:1", "localhost:31213:50000",
           "127.0.0.5:31214:250"])
    dalli("dalli-ring-port11211-hostnames-4.tsv",
          ["cache-a.hashring.test:11211:1", "localhost:11211:2", "127.0.0.3:11211:1",
           "memcache-01:31214:1"])
    dalli("dalli-ring-equal-8.tsv", ["127.0.0.%d:%d:1" % (i, 31210 + i) for i in range(2, 10)])
    dalli("dalli-ring-ipv6-3.tsv", [s + ":1" for s in IPV6])
    dalli("dalli-ring-namespace-3.tsv",
          ["127.0.0.2:31211:1", "127.0.0.3:31212:1", "127.0.0.4:31213:1"], hashring=None,
          options={"namespace": "app"}, folder="findings", transforms_keys=True, seed=55,
          note="namespace 'app': Dalli stores and hashes 'app:' + key; the key column is the key "
               "given to the client; dalli-ring-namespace-stored-keys-3.tsv stores the prefixed "
               "keys without a namespace and places every key the same way")
    dalli("dalli-ring-namespace-stored-keys-3.tsv",
          ["127.0.0.2:31211:1", "127.0.0.3:31212:1", "127.0.0.4:31213:1"], folder="findings",
          key_set="stored:findings/dalli-ring-namespace-3.tsv", seed=55)
    dalli("dalli-ring-overlong-keys-3.tsv",
          ["127.0.0.2:31211:1", "127.0.0.3:31212:1", "127.0.0.4:31213:1"], hashring=None,
          folder="findings", transforms_keys=True, key_set="overlong", seed=56,
          note="keys over 250 characters are stored and hashed as prefix + ':md5:' + "
               "MD5 hex; keys over 250 bytes but not over 250 characters are sent unchanged "
               "and refused by memcached; see dalli-ring-overlong-stored-keys-3.tsv")
    dalli("dalli-ring-overlong-stored-keys-3.tsv",
          ["127.0.0.2:31211:1", "127.0.0.3:31212:1", "127.0.0.4:31213:1"], folder="findings",
          key_set="stored:findings/dalli-ring-overlong-keys-3.tsv", seed=56)

    # ---- pymemcache ----
    pymemcache("pymemcache-rendezvous-3.tsv", ["127.0.0.2:31211", "127.0.0.3:31212",
                                               "127.0.0.4:31213"])
    pymemcache("pymemcache-rendezvous-5-port11211.tsv",
               ["127.0.0.2:11211", "127.0.0.3:11211", "localhost:11211", "127.0.0.5:31214",
                "127.0.0.6:11211"])
    pymemcache("pymemcache-rendezvous-8-hostnames.tsv",
               ["cache-a.hashring.test:11211", "cache-b.hashring.test:31212",
                "cache-c.hashring.test:31213", "memcache-01:11211", "memcache-02:31215",
                "localhost:31216", "127.0.0.7:31217", "127.0.0.8:11211"])
    pymemcache("pymemcache-rendezvous-ipv6-3.tsv", IPV6)
    pymemcache("pymemcache-rendezvous-ascii-only-4.tsv", FOUR_PLAIN, unicode=False,
               note="allow_unicode_keys=False (the default): non-ASCII keys are refused")
    pymemcache("pymemcache-rendezvous-bytes-keys-3.tsv",
               ["127.0.0.2:31211", "127.0.0.3:31212", "127.0.0.4:31213"], hashring=None,
               as_bytes=True, folder="findings", seed=33,
               note="keys passed as bytes: RendezvousHash hashes '%s-%s' % (node, key), i.e. "
                    "the repr b'...' of the key; compare pymemcache-rendezvous-3-seed33.tsv")
    pymemcache("pymemcache-rendezvous-3-seed33.tsv",
               ["127.0.0.2:31211", "127.0.0.3:31212", "127.0.0.4:31213"], seed=33)
    return out


def comparisons():
    """Pairs of files to compare after recording: (first, second, what is expected)."""
    return [
        ("pylibmc-ketama-default-weighted-1-2-3-1.tsv", "libmemcached-ketama_weighted-default-4.tsv",
         "identical: ketama + weights > 1 is the weighted ring with the one_at_a_time key hash"),
        ("php-consistent-default-weighted-options-first-4.tsv",
         "pylibmc-ketama-default-weighted-1-2-3-1.tsv", "identical"),
        ("php-consistent-default-weighted-options-first-addservers-4.tsv",
         "pylibmc-ketama-default-weighted-1-2-3-1.tsv", "identical"),
        ("findings/php-consistent-default-weighted-servers-first-4.tsv",
         "pylibmc-ketama-default-4-seed77.tsv", "identical: weights ignored"),
        ("findings/php-consistent-default-weighted-addservers-first-4.tsv",
         "pylibmc-ketama-default-4-seed77.tsv", "identical: weights ignored"),
        ("findings/pylibmc-ketama-default-weighted-later-4.tsv",
         "pylibmc-ketama-default-4-seed77.tsv", "identical: weights ignored"),
        ("findings/php-consistent-hsieh-refused-4.tsv", "pylibmc-ketama-default-4-seed77.tsv",
         "identical: hsieh refused, default hash kept"),
        ("pylibmc-modula-default-weighted-1-2-3-1.tsv", "pylibmc-modula-default-4-seed77.tsv",
         "identical: modula ignores weights"),
        ("findings/libmemcached-spy-md5-weighted-flag-equal-3.tsv", "libmemcached-spy-md5-equal-3.tsv",
         "different rings"),
        ("twemproxy-ketama-md5-equal-4.tsv", "pylibmc-ketama_weighted-md5-equal-4-seed77.tsv",
         "identical unless two points tie (spec 3.8)"),
        ("findings/dalli-ring-namespace-3.tsv", "findings/dalli-ring-namespace-stored-keys-3.tsv",
         "identical: the namespaced key is hashed"),
        ("findings/dalli-ring-overlong-keys-3.tsv", "findings/dalli-ring-overlong-stored-keys-3.tsv",
         "identical: the shortened key is hashed"),
        ("findings/pymemcache-rendezvous-bytes-keys-3.tsv", "pymemcache-rendezvous-3-seed33.tsv",
         "different: bytes keys hash their repr"),
    ]
