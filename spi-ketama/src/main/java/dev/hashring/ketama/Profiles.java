package dev.hashring.ketama;

import dev.hashring.Server;
import dev.hashring.spi.ClientHashes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The values of the {@code compat} option: this project's own ring and one profile per client.
 * Sources and check values are in {@code shared/spec/PLACEMENT.md} (§ numbers below).
 */
final class Profiles {

  private static final System.Logger LOG = System.getLogger(KetamaSelector.class.getName());

  private Profiles() {}

  /** Debian's libmemcached 1.1.4 lists hsieh but is built without it. */
  private static final Map<String, String> LIBMEMCACHED_REFUSED =
      Map.of(
          "hsieh",
          "libmemcached 1.1.4 as Debian builds it has no hsieh hash; setting MEMCACHED_BEHAVIOR_HASH"
              + " to HSIEH fails with INVALID ARGUMENTS (pylibmc raises, php-memcached's setOption"
              + " returns false)");

  /** This project's own ring; see {@link KetamaSelector}. */
  static final Profile NATIVE =
      Profile.named("native", "hashring")
          .summary(
              "this project's own ring: 'points' x weight MD5 points per server, each a function"
                  + " of the server's name (or address) alone")
          .hashes(HashChoice.registered("murmur3"))
          .nodes(NodeFormat.IDENTITY)
          .points(
              (servers, options) ->
                  new PointRule(
                      PointCount.perWeight(options.pointsPerWeight()), PointHash.MD5_WORDS))
          .ties(TieOrder.NODE_ORDER)
          .acceptsNames()
          .uniqueNodes()
          .pointsOption()
          .build();

  /**
   * libmemcached CONSISTENT / KETAMA (§3.3): unweighted while every weight is 1; a weight above 1
   * switches libmemcached to its weighted ring, keeping the configured key hash (pylibmc always,
   * php-memcached when OPT_DISTRIBUTION is set before addServer; compat-vectors/README.md).
   */
  static final Profile LIBMEMCACHED =
      Profile.named("libmemcached", "libmemcached")
          .summary(
              "libmemcached CONSISTENT/KETAMA (pylibmc ketama, php-memcached"
                  + " DISTRIBUTION_CONSISTENT): 100 key-hash points of 'host[:port]-i' per server"
                  + " when every weight is 1, else the weighted float32 share with MD5 points"
                  + " (option weighted)")
          .hashes(
              HashChoice.of(ClientHashes.LIBMEMCACHED, "default", List.of(), LIBMEMCACHED_REFUSED))
          .nodes(NodeFormat.LIBMEMCACHED)
          .points(Profiles::libmemcachedPoints)
          .weightsSwitchFormula()
          .build();

  /** libmemcached KETAMA_WEIGHTED, php-memcached OPT_LIBKETAMA_COMPATIBLE (§1.2, §3.3). */
  static final Profile LIBMEMCACHED_WEIGHTED =
      Profile.named("libmemcached-weighted", "libmemcached")
          .summary(
              "libmemcached KETAMA_WEIGHTED (php-memcached OPT_LIBKETAMA_COMPATIBLE, pylibmc"
                  + " ketama_weighted): float32 share of 160 points, 4 MD5 points per"
                  + " 'host[:port]-i'")
          .hashes(HashChoice.of(ClientHashes.LIBMEMCACHED, "md5", List.of(), LIBMEMCACHED_REFUSED))
          .nodes(NodeFormat.LIBMEMCACHED)
          .points(
              (servers, options) -> new PointRule(PointCount.libketamaShare(), PointHash.MD5_WORDS))
          .build();

  /** libmemcached CONSISTENT_KETAMA_SPY (§3.3). */
  static final Profile LIBMEMCACHED_SPY =
      Profile.named("libmemcached-spy", "libmemcached")
          .summary(
              "libmemcached CONSISTENT_KETAMA_SPY: '/host:port-i'; 100 key-hash points per server"
                  + " when every weight is 1, else the weighted float32 share with MD5 points"
                  + " (option weighted)")
          .hashes(
              HashChoice.of(ClientHashes.LIBMEMCACHED, "default", List.of(), LIBMEMCACHED_REFUSED))
          .nodes(NodeFormat.LIBMEMCACHED_SPY)
          .points(Profiles::libmemcachedPoints)
          .weightsSwitchFormula()
          .build();

  /** spymemcached KetamaNodeLocator with Format.SPYMEMCACHED (§2.2, §2.3). */
  static final Profile SPYMEMCACHED = spymemcached("spymemcached", NodeFormat.SPYMEMCACHED);

  /** spymemcached KetamaNodeLocator with Format.LIBMEMCACHED (§2.2, §2.3). */
  static final Profile SPYMEMCACHED_LIBMEMCACHED =
      spymemcached("spymemcached-libmemcached", NodeFormat.SPYMEMCACHED_LIBMEMCACHED);

  /** twemproxy (nutcracker) distribution: ketama (§4). */
  static final Profile TWEMPROXY =
      Profile.named("twemproxy", "twemproxy")
          .summary(
              "twemproxy (nutcracker) ketama: float32 share of 160 points, 4 MD5 points per"
                  + " 'name-i' (name, else host, or host:port unless 11211)")
          .hashes(HashChoice.of(ClientHashes.TWEMPROXY, "fnv1a_64", List.of("crc"), Map.of()))
          .nodes(NodeFormat.TWEMPROXY)
          .points(
              (servers, options) -> new PointRule(PointCount.libketamaShare(), PointHash.MD5_WORDS))
          .emptyKey(EmptyKey.ZERO)
          .acceptsNames()
          .maxPointTextBytes(85)
          .hashTagOption()
          .build();

  /** xmemcached KetamaMemcachedSessionLocator (§5.2). */
  static final Profile XMEMCACHED =
      Profile.named("xmemcached", "xmemcached")
          .summary(
              "xmemcached KetamaMemcachedSessionLocator: 160 x weight points of"
                  + " '/ip:port-i' or 'host/ip:port-i' (MD5 words with md5, else the key hash)")
          .hashes(HashChoice.of(ClientHashes.XMEMCACHED, "md5", List.of(), Map.of()))
          .nodes(NodeFormat.XMEMCACHED)
          .nodeFormatOption("sockstr", NodeFormat.XMEMCACHED, null)
          .nodeFormatOption("nginx", NodeFormat.XMEMCACHED_NGINX, null)
          .nodeFormatOption("gwhalin", NodeFormat.XMEMCACHED_GWHALIN, "md5")
          .points(
              (servers, options) ->
                  new PointRule(
                      PointCount.perWeight(160),
                      options.hashName().equals("md5") ? PointHash.MD5_WORDS : PointHash.KEY_HASH))
          .ties(TieOrder.PICK_BY_VALUE)
          .emptyKey(EmptyKey.REFUSED_BY_XMEMCACHED_BYTE_HASHES)
          .build();

  /** Dalli::Ring (§6). */
  static final Profile DALLI =
      Profile.named("dalli", "Dalli")
          .summary(
              "Dalli::Ring: floor(n x 160 x weight / total) SHA-1 points of 'host:port:i',"
                  + " CRC-32 keys, the last point at or below the key")
          .hashes(HashChoice.only("crc32a"))
          .nodes(NodeFormat.DALLI)
          .points(
              (servers, options) -> new PointRule(PointCount.dalliShare(), PointHash.SHA1_PREFIX))
          .predecessorLookup()
          .emptyKey(EmptyKey.REFUSED_BY_DALLI)
          .dalliKeys()
          .build();

  /** Every profile by name, {@code native} first. */
  static final Map<String, Profile> ALL = byName();

  private static Profile spymemcached(String name, NodeFormat format) {
    return Profile.named(name, "spymemcached")
        .summary(
            "spymemcached KetamaNodeLocator, "
                + (format == NodeFormat.SPYMEMCACHED
                    ? "Format.SPYMEMCACHED ('ip:port-i', 'host/ip:port-i')"
                    : "Format.LIBMEMCACHED ('host[:port]-i', reverse DNS for IPs)")
                + ": 160 points per server when every weight is 1 (MD5 words with md5, else the"
                + " key hash), else the float32 share with MD5 points (option weighted)")
        .hashes(HashChoice.of(ClientHashes.SPYMEMCACHED, "md5", List.of(), Map.of()))
        .nodes(format)
        .points(
            (servers, options) -> {
              if (weightedRing(servers, options, "spymemcached", "160 points")) {
                return new PointRule(PointCount.libketamaShare(), PointHash.MD5_WORDS);
              }
              return new PointRule(
                  PointCount.fixed(160),
                  options.hashName().equals("md5") ? PointHash.MD5_WORDS : PointHash.KEY_HASH);
            })
        .ties(TieOrder.LATER_WINS)
        .weightsSwitchFormula()
        .build();
  }

  /** libmemcached's two rings: 100 key-hash points per server, or the weighted share. */
  private static PointRule libmemcachedPoints(List<Server> servers, RingOptions options) {
    return weightedRing(servers, options, "libmemcached", "100 points")
        ? new PointRule(PointCount.libketamaShare(), PointHash.MD5_WORDS)
        : new PointRule(PointCount.fixed(100), PointHash.KEY_HASH);
  }

  /**
   * Whether the client builds its weighted ring (the float32 share, MD5 points), by option {@code
   * weighted}: {@code auto} for a weight above 1 (libmemcached turns its weighted flag on when a
   * server of weight above 1 is added under a consistent distribution: pylibmc, php-memcached with
   * the distribution set first; spymemcached is weighted when given a weight map), {@code true}
   * always (libmemcached with KETAMA_WEIGHTED set before the distribution; spymemcached given a
   * weight map of ones), {@code false} never (php-memcached with the servers added first, pylibmc
   * with the behaviours set after the servers; spymemcached without a weight map): the weights are
   * then ignored, as the client ignores them, and a warning says so.
   */
  private static boolean weightedRing(
      List<Server> servers, RingOptions options, String client, String unweighted) {
    String mode = options.weighted() == null ? "auto" : options.weighted();
    if (mode.equals("false") && !allWeightsOne(servers)) {
      LOG.log(
          System.Logger.Level.WARNING,
          "selector ketama with weighted=false: "
              + client
              + " ignores the weights of "
              + servers.stream()
                  .filter(server -> server.weight() != 1)
                  .map(Server::toString)
                  .collect(Collectors.joining(", "))
              + " when its weighted ring is off; every server takes "
              + unweighted);
    }
    return mode.equals("true") || (mode.equals("auto") && !allWeightsOne(servers));
  }

  private static boolean allWeightsOne(List<Server> servers) {
    for (Server server : servers) {
      if (server.weight() != 1) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, Profile> byName() {
    Map<String, Profile> all = new LinkedHashMap<>();
    for (Profile profile :
        List.of(
            NATIVE,
            LIBMEMCACHED,
            LIBMEMCACHED_WEIGHTED,
            LIBMEMCACHED_SPY,
            SPYMEMCACHED,
            SPYMEMCACHED_LIBMEMCACHED,
            TWEMPROXY,
            XMEMCACHED,
            DALLI)) {
      all.put(profile.name(), profile);
    }
    return java.util.Collections.unmodifiableMap(all);
  }
}
