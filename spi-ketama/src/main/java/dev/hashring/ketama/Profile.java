package dev.hashring.ketama;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hashring.Server;
import dev.hashring.spi.Options;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One way of building a ketama ring: a small value that says how servers become points, how keys
 * become positions, and which servers and options it accepts. Each compat profile reproduces one
 * client; {@link Profiles} defines them all. One ring implementation ({@link ContinuumRing}) serves
 * every profile.
 */
final class Profile {

  /** Chooses the point rule for one server list: some clients switch formula on weights. */
  @FunctionalInterface
  interface PointPlan {
    PointRule choose(List<Server> servers, RingOptions options);
  }

  /** Largest {@code points} option: 4096 points per unit of weight. */
  static final int MAX_POINTS_PER_WEIGHT = 4096;

  /**
   * Values of libmemcached's {@code weighted} option: {@code auto} (the weighted ring when a weight
   * is above 1, as libmemcached switches when servers are added after the distribution is set),
   * {@code true} (the weighted flag was set before, as by KETAMA_WEIGHTED), {@code false} (weights
   * ignored, as when the distribution is set after the servers are added).
   */
  static final List<String> WEIGHTED_VALUES = List.of("auto", "true", "false");

  /** Default {@code points} option, as in libketama. */
  static final int DEFAULT_POINTS_PER_WEIGHT = 160;

  private final Builder b;

  private Profile(Builder builder) {
    this.b = builder;
  }

  static Builder named(String name, String client) {
    return new Builder(name, client);
  }

  /** The value of the {@code compat} option that selects this profile. */
  String name() {
    return b.name;
  }

  /** One line for help texts. */
  String summary() {
    return b.summary;
  }

  HashChoice hashes() {
    return b.hashes;
  }

  TieOrder ties() {
    return b.ties;
  }

  PointRule pointRule(List<Server> servers, RingOptions options) {
    return b.plan.choose(servers, options);
  }

  /** Whether a weight above 1 switches this client to another point formula. */
  boolean weightsSwitchFormula() {
    return b.weightsSwitchFormula;
  }

  /**
   * Whether a weight above 1 switches this ring's point formula: the profile switches and its
   * {@code weighted} option is {@code auto}.
   */
  boolean weightsSwitchFormula(RingOptions options) {
    return b.weightsSwitchFormula && "auto".equals(options.weighted());
  }

  /** Whether {@code native}'s {@code points} option applies. */
  boolean hasPointsOption() {
    return b.pointsOption;
  }

  /** Whether twemproxy's {@code hash_tag} option applies. */
  boolean hasHashTagOption() {
    return b.hashTagOption;
  }

  /** Reads this profile's options (the {@code compat} option is already read). */
  RingOptions readOptions(Options options) {
    RingOptions read = b.hashes.read(options, b.name);
    int points =
        b.pointsOption
            ? options.integer("points", DEFAULT_POINTS_PER_WEIGHT, 1, MAX_POINTS_PER_WEIGHT)
            : 0;
    String hashTag = null;
    if (b.hashTagOption) {
      hashTag = options.text("hash_tag").orElse(null);
      if (hashTag != null
          && !(hashTag.length() == 2 && hashTag.chars().allMatch(Profile::isTagChar))) {
        throw new IllegalArgumentException(
            "option 'hash_tag' of selector ketama with compat="
                + b.name
                + " must be two printable ASCII characters, as twemproxy requires, such as {}: '"
                + hashTag
                + "'");
      }
    }
    NodeFormat nodes = b.nodes;
    String nodeFormat = null;
    if (!b.nodeFormats.isEmpty()) {
      List<String> accepted = List.copyOf(b.nodeFormats.keySet());
      nodeFormat = options.choice("node_format", accepted.get(0), accepted);
      nodes = b.nodeFormats.get(nodeFormat);
      String needed = b.nodeFormatHashes.get(nodeFormat);
      if (needed != null && !needed.equals(read.hashName())) {
        throw new IllegalArgumentException(
            "option 'hash' of selector ketama with compat="
                + b.name
                + " and node_format="
                + nodeFormat
                + " must be "
                + needed
                + ": '"
                + read.hashName()
                + "' ("
                + b.client
                + " ignores the hash it is given in that mode and always uses "
                + needed
                + ")");
      }
    }
    String namespace = null;
    if (b.dalliKeys) {
      namespace = options.text("namespace").orElse(null);
      if (namespace != null && namespace.isEmpty()) {
        throw new IllegalArgumentException(
            "option 'namespace' of selector ketama with compat="
                + b.name
                + " must not be empty: Dalli prefixes '<namespace>:' to every key; leave the"
                + " option out for keys without a namespace");
      }
    }
    String weighted =
        b.weightsSwitchFormula ? options.choice("weighted", "auto", WEIGHTED_VALUES) : null;
    return new RingOptions(
        read.hashName(), read.hash(), points, hashTag, nodes, nodeFormat, namespace, weighted);
  }

  /** Makes the key hasher of a ring built with {@code options}. */
  KeyHasher keyHasher(RingOptions options) {
    return new KeyHasher(
        options.hash(),
        b.predecessor,
        b.emptyKey,
        b.emptyKey.refusal(b.name, options.hashName()),
        options.hashTag(),
        b.dalliKeys,
        options.namespace());
  }

  /**
   * Refuses what the client cannot express.
   *
   * @throws IllegalArgumentException for a named server when the client has no names
   */
  void checkServers(List<Server> servers) {
    for (Server server : servers) {
      if (!b.names && server.name().isPresent()) {
        throw new IllegalArgumentException(
            "compat="
                + b.name
                + " cannot use server names: "
                + b.client
                + " hashes the address, not a name; server "
                + server.address()
                + " is named '"
                + server.name().get()
                + "' (only compat=native and compat=twemproxy use names)");
      }
    }
  }

  /**
   * Refuses node texts the client would mishandle.
   *
   * @param nodes the node text of each server
   * @param servers the servers
   * @param counts the number of points of each server
   */
  void checkNodes(String[] nodes, List<Server> servers, long[] counts) {
    if (b.uniqueNodes) {
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < nodes.length; i++) {
        Integer earlier = seen.putIfAbsent(nodes[i], i);
        if (earlier != null) {
          throw new IllegalArgumentException(
              "servers "
                  + servers.get(earlier)
                  + " and "
                  + servers.get(i)
                  + " would hash as the same ring identity '"
                  + nodes[i]
                  + "' (a server's name, or its address when it has none): give each server a"
                  + " distinct name");
        }
      }
    }
    if (b.maxPointTextBytes > 0) {
      for (int i = 0; i < nodes.length; i++) {
        long lastIndex = Math.max(0, counts[i] / 4 - 1);
        String longest = nodes[i] + b.nodes.separator() + lastIndex;
        if (longest.getBytes(UTF_8).length > b.maxPointTextBytes) {
          throw new IllegalArgumentException(
              "compat="
                  + b.name
                  + " cannot use the node name '"
                  + nodes[i]
                  + "' of server "
                  + servers.get(i)
                  + ": twemproxy formats '<name>-<index>' into a buffer of "
                  + (b.maxPointTextBytes + 1)
                  + " bytes (KETAMA_MAX_HOSTLEN) and hashes beyond it for longer names, so '"
                  + longest
                  + "' ("
                  + longest.getBytes(UTF_8).length
                  + " bytes) has no defined points; use a name of at most "
                  + (b.maxPointTextBytes
                      - b.nodes.separator().length()
                      - Long.toString(lastIndex).length())
                  + " bytes");
        }
      }
    }
  }

  @Override
  public String toString() {
    return "compat=" + b.name;
  }

  /** Assembles a profile; every part has the value most clients share unless set. */
  static final class Builder {
    private final String name;
    private final String client;
    private String summary = "";
    private HashChoice hashes;
    private NodeFormat nodes;
    private PointPlan plan;
    private boolean predecessor;
    private TieOrder ties = TieOrder.LIST_ORDER;
    private EmptyKey emptyKey = EmptyKey.HASHED;
    private boolean dalliKeys;
    private boolean weightsSwitchFormula;
    private boolean names;
    private int maxPointTextBytes;
    private boolean uniqueNodes;
    private boolean pointsOption;
    private boolean hashTagOption;
    private final Map<String, NodeFormat> nodeFormats = new java.util.LinkedHashMap<>();
    private final Map<String, String> nodeFormatHashes = new HashMap<>();

    private Builder(String name, String client) {
      this.name = name;
      this.client = client;
    }

    Builder summary(String summary) {
      this.summary = summary;
      return this;
    }

    Builder hashes(HashChoice hashes) {
      this.hashes = hashes;
      return this;
    }

    Builder nodes(NodeFormat nodes) {
      this.nodes = nodes;
      return this;
    }

    Builder points(PointPlan plan) {
      this.plan = plan;
      return this;
    }

    /** The key gets the last point at or below its hash, wrapping to the last point (Dalli). */
    Builder predecessorLookup() {
      this.predecessor = true;
      return this;
    }

    Builder ties(TieOrder ties) {
      this.ties = ties;
      return this;
    }

    Builder emptyKey(EmptyKey emptyKey) {
      this.emptyKey = emptyKey;
      return this;
    }

    Builder dalliKeys() {
      this.dalliKeys = true;
      return this;
    }

    Builder weightsSwitchFormula() {
      this.weightsSwitchFormula = true;
      return this;
    }

    Builder acceptsNames() {
      this.names = true;
      return this;
    }

    Builder maxPointTextBytes(int bytes) {
      this.maxPointTextBytes = bytes;
      return this;
    }

    Builder uniqueNodes() {
      this.uniqueNodes = true;
      return this;
    }

    Builder pointsOption() {
      this.pointsOption = true;
      return this;
    }

    /**
     * Offers a value of the {@code node_format} option; the first one offered is the default.
     *
     * @param value the option value
     * @param format the node format it selects
     * @param onlyHash the one hash the client uses in that mode, or {@code null}
     */
    Builder nodeFormatOption(String value, NodeFormat format, String onlyHash) {
      nodeFormats.put(value, format);
      if (onlyHash != null) {
        nodeFormatHashes.put(value, onlyHash);
      }
      return this;
    }

    Builder hashTagOption() {
      this.hashTagOption = true;
      return this;
    }

    Profile build() {
      Objects.requireNonNull(hashes, "hashes");
      Objects.requireNonNull(nodes, "nodes");
      Objects.requireNonNull(plan, "points");
      return new Profile(this);
    }
  }

  private static boolean isTagChar(int c) {
    return c > 0x20 && c < 0x7F;
  }
}
