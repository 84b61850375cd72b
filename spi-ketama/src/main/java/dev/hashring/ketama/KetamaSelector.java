package dev.hashring.ketama;

import com.google.auto.service.AutoService;
import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelector;
import dev.hashring.spi.Options;
import dev.hashring.spi.ServerLists;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The selector {@code ketama}: consistent hashing on a ring of 32-bit points, with this project's
 * own ring and profiles that place keys exactly as existing memcached clients do.
 *
 * <p>Options:
 *
 * <table>
 *   <caption>Options of the ketama selector</caption>
 *   <tr><th>key</th><th>values</th></tr>
 *   <tr><td>{@code compat}</td><td>{@code native} (default), {@code libmemcached}, {@code
 *       libmemcached-weighted}, {@code libmemcached-spy}, {@code spymemcached}, {@code
 *       spymemcached-libmemcached}, {@code twemproxy}, {@code xmemcached}, {@code dalli}</td></tr>
 *   <tr><td>{@code hash}</td><td>the key hash; {@code native} takes any registered algorithm
 *       (default {@code murmur3}), each compat profile the names its client accepts and its
 *       client's default</td></tr>
 *   <tr><td>{@code points}</td><td>{@code native} only: points per unit of weight, 1 to 4096
 *       (default 160)</td></tr>
 *   <tr><td>{@code hash_tag}</td><td>{@code twemproxy} only: two characters such as {@code {}};
 *       only the part of a key between them is hashed, when it is not empty</td></tr>
 *   <tr><td>{@code node_format}</td><td>{@code xmemcached} only: {@code sockstr} (default), {@code
 *       nginx} ({@code cwNginxUpstreamConsistent}) or {@code gwhalin} ({@code
 *       gwhalinMemcachedJavaClientCompatibiltyConsistent}, which always hashes with {@code
 *       md5})</td></tr>
 *   <tr><td>{@code namespace}</td><td>{@code dalli} only: Dalli's {@code namespace}; keys are
 *       measured, shortened and hashed as {@code namespace + ":" + key}</td></tr>
 *   <tr><td>{@code weighted}</td><td>{@code libmemcached}, {@code libmemcached-spy}, {@code
 *       spymemcached}, {@code spymemcached-libmemcached}: whether the client's weighted ring is
 *       on. {@code auto} (default): when a weight is above 1. {@code true}: always (libmemcached
 *       with KETAMA_WEIGHTED set before the distribution; spymemcached given a weight map, even of
 *       ones). {@code false}: never, the weights being ignored as the client ignores them, with a
 *       logged warning (php-memcached with the servers added before the distribution is set;
 *       pylibmc with the behaviours set after the servers; spymemcached without a weight
 *       map)</td></tr>
 * </table>
 *
 * <h2>native</h2>
 *
 * <p>A server gets {@code points × weight} points. Point {@code k} is word {@code k % 4} of the MD5
 * digest of {@code identity + "-" + k / 4}, where the identity is the server's name if it has one,
 * else its {@link Server#address() address}: a server's points depend on nothing but itself, so
 * adding, removing or reweighting one server moves only keys to or from that server. Points of two
 * servers that collide are ordered by identity, so the order of the list never matters; two servers
 * with the same identity are refused. Keys are hashed with the {@code hash} algorithm (low 32 bits)
 * and belong to the first point at or after their hash, wrapping to the first point. The empty key
 * is hashed like any other (the hash of zero bytes) and has a primary like any other. Traits:
 * {@code WEIGHTED}, {@code MINIMAL_DISRUPTION}, {@code FAILOVER_IS_REMOVAL}.
 *
 * <h2>Compat profiles</h2>
 *
 * <p>Each reproduces one client bit for bit: node text, point count, point hash, key hash, lookup
 * and the order among colliding points.
 *
 * <ul>
 *   <li>{@code libmemcached}: CONSISTENT / KETAMA (pylibmc {@code ketama}, php-memcached {@code
 *       DISTRIBUTION_CONSISTENT}). 100 points per server, each the key hash of {@code host-i}, or
 *       {@code host:port-i} unless the port is 11211; ties go to the server listed first. A weight
 *       above 1 switches libmemcached to its weighted ring (the formula of {@code
 *       libmemcached-weighted}) while the key hash stays the configured one; that is what pylibmc
 *       does, and php-memcached when the distribution is set before the servers are added (added
 *       first, then the distribution set, PHP ignores the weights: {@code weighted=false}
 *       reproduces that). Hashes: libmemcached's, with its signed-char arithmetic (default {@code
 *       default}, one-at-a-time); {@code hsieh} is refused, as Debian's libmemcached refuses it.
 *   <li>{@code libmemcached-weighted}: KETAMA_WEIGHTED (php-memcached {@code
 *       OPT_LIBKETAMA_COMPATIBLE}). libketama's float32 share of 160 points, four MD5 points per
 *       {@code host[:port]-i}; default hash {@code md5}.
 *   <li>{@code libmemcached-spy}: CONSISTENT_KETAMA_SPY, {@code /host:port-i}: 100 key-hash points
 *       when every weight is 1, else the weighted formula with MD5 points. A client that set
 *       KETAMA_WEIGHTED before SPY keeps the weighted formula even with equal weights: {@code
 *       weighted=true} reproduces that.
 *   <li>{@code spymemcached} and {@code spymemcached-libmemcached}: {@code KetamaNodeLocator} with
 *       node format SPYMEMCACHED ({@code InetSocketAddress.toString()} minus one {@code '/'}) or
 *       LIBMEMCACHED ({@code getHostName()}, {@code :port} unless 11211). Host names resolve, and
 *       IP addresses reverse-resolve for the latter, when the ring is built, as spymemcached does.
 *       160 points per server when every weight is 1 (MD5 words with {@code md5}, else 160 key-hash
 *       points), else the weighted formula with MD5 points; among colliding points the server
 *       listed last wins. Hashes: spymemcached's (FNV over UTF-16 units), default {@code md5}.
 *   <li>{@code twemproxy}: nutcracker's ketama. The node text is the server's name, else the host,
 *       else {@code host:port} unless 11211; always the weighted formula with MD5 points. Hashes:
 *       twemproxy's (default {@code fnv1a_64}; {@code crc32} and {@code crc} are its 15-bit CRC).
 *       The empty key hashes to 0. twemproxy's {@code qsort} leaves the order of colliding points
 *       to the C library; glibc's is a stable merge sort, so the server listed first wins.
 *   <li>{@code xmemcached}: {@code KetamaMemcachedSessionLocator}. Node text {@code
 *       InetSocketAddress.toString()} with its {@code '/'}; {@code 160 × weight} points (MD5 words
 *       with {@code md5}, else key-hash points); colliding points pick {@code list.get(value %
 *       size)} from the servers sorted by node text. The empty key is refused for {@code md5} and
 *       {@code crc}, whose xmemcached implementations throw for it. Option {@code node_format}
 *       selects the locator's other node texts: {@code nginx}, the IP address with {@code :port}
 *       unless 11211, and {@code gwhalin}, {@code getHostName() + ":" + port}.
 *   <li>{@code dalli}: {@code Dalli::Ring}. Node text {@code host:port}, points {@code floor(n ×
 *       160 × weight / total)} first-four-bytes-of-SHA-1 of {@code host:port:i}, keys by CRC-32
 *       ({@code crc32a} only), and the key goes to the last point at or below its hash, wrapping to
 *       the last point. Keys of more than 250 characters are first truncated as Dalli truncates
 *       them; the empty key is refused, as Dalli refuses it. Ruby's unstable sort leaves the order
 *       of colliding points unspecified; here the server listed first wins.
 * </ul>
 *
 * <p>Servers with a name are refused by every profile but {@code native} and {@code twemproxy},
 * whose clients have no names. Traits are claimed per ring, only where they hold: weighted formulas
 * are {@code WEIGHTED} but not {@code MINIMAL_DISRUPTION} (a new server of another weight changes
 * every server's share), and {@code FAILOVER_IS_REMOVAL} holds when removing a server leaves the
 * others' points unchanged (equal weights whose shared count is the same for one server less;
 * libketama's float32 formula gives equal servers 156 points, not 160, for some counts).
 *
 * <h2>Failover</h2>
 *
 * <p>For every profile, {@code failover(key)} walks the ring from the key's point in lookup
 * direction and lists each server once, the first time one of its points is met, then any server
 * without points, in list order: a permutation of the servers. This is not what the clients do when
 * a server is down. spymemcached tries up to seven rehashed positions ({@code "0" + key}, {@code
 * "1" + key}, ..., cumulative), xmemcached rehashes from {@code "1" + key} up to the number of
 * sessions, and Dalli tries {@code "0" + key} ... {@code "18" + key}; all of them may meet the same
 * server again. libmemcached and twemproxy rebuild the ring without the failed server, which this
 * walk equals where {@code FAILOVER_IS_REMOVAL} holds.
 */
@AutoService(ServerSelector.class)
public final class KetamaSelector implements ServerSelector {

  /** The registry name of this selector. */
  public static final String NAME = "ketama";

  /** Creates the selector; {@link java.util.ServiceLoader} calls this. */
  public KetamaSelector() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Ring ring(List<Server> servers, Map<String, String> options) {
    List<Server> list = ServerLists.requireValid(servers);
    Options reader = Options.of(NAME, options);
    String compat = reader.choice("compat", Profiles.NATIVE.name(), compatProfiles());
    Profile profile = Profiles.ALL.get(compat);
    reader.within("compat=" + compat);
    RingOptions chosen = profile.readOptions(reader);
    reader.requireNoOthers();
    return ContinuumBuilder.build(profile, chosen, list);
  }

  @Override
  public Map<String, String> options() {
    Map<String, String> options = new LinkedHashMap<>();
    StringBuilder compat = new StringBuilder("which client to reproduce (default native): ");
    for (Profile profile : Profiles.ALL.values()) {
      compat.append(profile.name()).append(" = ").append(profile.summary()).append("; ");
    }
    options.put("compat", compat.substring(0, compat.length() - 2));
    StringBuilder hashes = new StringBuilder("the key hash; ");
    for (Profile profile : Profiles.ALL.values()) {
      hashes.append(profile.name()).append(": ").append(profile.hashes().describe()).append("; ");
    }
    options.put("hash", hashes.substring(0, hashes.length() - 2));
    options.put(
        "points",
        "compat=native only: ring points per unit of weight, 1 to "
            + Profile.MAX_POINTS_PER_WEIGHT
            + " (default "
            + Profile.DEFAULT_POINTS_PER_WEIGHT
            + ")");
    options.put(
        "weighted",
        "compat=libmemcached, libmemcached-spy, spymemcached, spymemcached-libmemcached: whether"
            + " the client's weighted ring is on: auto (default: when a weight is above 1, as"
            + " pylibmc and php-memcached with the distribution set first), true (libmemcached"
            + " with KETAMA_WEIGHTED set before; spymemcached given a weight map), false (weights"
            + " ignored: php-memcached with the servers added first; spymemcached without a weight"
            + " map)");
    options.put(
        "node_format",
        "compat=xmemcached only: sockstr (default, InetSocketAddress.toString()), nginx"
            + " (cwNginxUpstreamConsistent: ip[:port]) or gwhalin (host:port, md5 only)");
    options.put(
        "namespace",
        "compat=dalli only: Dalli's namespace option; keys are hashed as '<namespace>:<key>'"
            + " (default none)");
    options.put(
        "hash_tag",
        "compat=twemproxy only: two characters such as {}; only the part of a key between them is"
            + " hashed, as twemproxy's hash_tag does (default none)");
    return java.util.Collections.unmodifiableMap(options);
  }

  @Override
  public List<String> compatProfiles() {
    return List.copyOf(Profiles.ALL.keySet());
  }

  @Override
  public String toString() {
    return "ServerSelectors.forName(\"" + NAME + "\")";
  }
}
