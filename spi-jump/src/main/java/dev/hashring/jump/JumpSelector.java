package dev.hashring.jump;

import com.google.auto.service.AutoService;
import dev.hashring.HashAlgorithm;
import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelector;
import dev.hashring.spi.Options;
import dev.hashring.spi.ServerLists;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jump consistent hashing: the selector {@code jump}.
 *
 * <p>A key's 64-bit hash picks one of {@code B} buckets with a consistent bucket function, and the
 * bucket's server holds the key. A {@code String} key places like its UTF-8 bytes. The servers own
 * the buckets in list order: with {@code compat=native} server {@code i} owns {@code weight(i)}
 * consecutive buckets, so {@code B} is the total weight; with {@code compat=guava} every server
 * owns one bucket. A lookup reads one array element after the bucket function and allocates nothing
 * for {@code byte[]} keys.
 *
 * <p><b>What jump can and cannot do.</b> Growing the list at its end moves only keys to the new
 * server, about its share of them, and raising the weight of the last server moves only keys to it.
 * Removing a server that is not the last, reordering the list, or changing the weight of any server
 * but the last renumbers the buckets after it, and so moves keys between servers that did not
 * change. Like Guava's {@code consistentHash}, jump suits lists that only grow or shrink at the end
 * (shards numbered 0 .. n-1); it is the wrong choice when arbitrary servers leave. Rings therefore
 * claim {@code WEIGHTED} (native) and nothing else.
 *
 * <p>Options:
 *
 * <ul>
 *   <li>{@code compat=native} (default): JumpBackHash (Ertl 2024; hash4j {@code
 *       ConsistentHashing.jumpBackHashSplitMix64()}), constant expected time whatever the bucket
 *       count, over XXH3 64 of the key bytes. {@code hash} may name any registered algorithm
 *       instead; {@code xxh3_64} is built in.
 *   <li>{@code compat=guava}: server number {@code Hashing.consistentHash(hash(key), n)} from Guava
 *       itself (Lamping and Veach 2014, logarithmic time), with {@code hash} any registered
 *       algorithm, {@code md5} by default: the registry's {@code md5} is the first 8 digest bytes
 *       little-endian, which equals Guava's {@code Hashing.md5().hashBytes(key).padToLong()}. A
 *       32-bit algorithm's value is its unsigned number, as {@code padToLong} gives for a 32-bit
 *       {@code HashCode}. Weights other than 1 are refused. Guava's method creates a small
 *       generator object per call, which the JIT scalar-replaces once the lookup is compiled.
 * </ul>
 *
 * <p><b>Failover.</b> The primary first, then each further server chosen by jumping a fresh rehash
 * of the key over the servers not yet listed (weighted as above), so a dead server's keys spread
 * over all survivors. Every server appears exactly once.
 *
 * <p><b>Limits.</b> The total weight is at most 4 194 304 (2^22) buckets, which keeps the bucket
 * array under 16 MiB.
 */
@AutoService(ServerSelector.class)
public final class JumpSelector implements ServerSelector {

  /** The most buckets a ring may have: the bucket-to-server array is 4 bytes per bucket. */
  static final int MAX_BUCKETS = 1 << 22;

  /** Creates the selector; {@link java.util.ServiceLoader} calls this. */
  public JumpSelector() {}

  /**
   * The registry name.
   *
   * @return {@code "jump"}
   */
  @Override
  public String name() {
    return "jump";
  }

  @Override
  public Ring ring(List<Server> servers, Map<String, String> options) {
    List<Server> list = ServerLists.requireValid(servers);
    Options reader = Options.of(name(), options);
    JumpProfile profile = JumpProfile.named(reader.choice("compat", "native", JumpProfile.NAMES));
    String setting = "compat=" + profile.compat();
    reader.within(setting);
    HashAlgorithm keyHash = profile.keyHash(reader);
    reader.requireNoOthers();
    int[] weights = weights(list, profile, setting);
    return new JumpRing(
        list,
        weights,
        keyHash,
        profile.buckets(),
        profile.traits(),
        "jump " + setting + " hash=" + keyHash.name());
  }

  private int[] weights(List<Server> servers, JumpProfile profile, String setting) {
    int[] weights = new int[servers.size()];
    long total = 0;
    for (int i = 0; i < weights.length; i++) {
      Server server = servers.get(i);
      if (!profile.weighted() && server.weight() != 1) {
        throw new IllegalArgumentException(
            "weight must be 1 for selector jump with "
                + setting
                + ", which gives every server one bucket (use compat=native for weights): "
                + server.weight()
                + " (server "
                + server.address()
                + ")");
      }
      weights[i] = server.weight();
      total += server.weight();
    }
    if (total > MAX_BUCKETS) {
      throw new IllegalArgumentException(
          "total weight of the servers must be at most "
              + MAX_BUCKETS
              + " for selector jump with "
              + setting
              + " (one bucket per unit of weight): "
              + total
              + " over "
              + weights.length
              + " servers");
    }
    return weights;
  }

  /**
   * The options: {@code compat} and {@code hash}.
   *
   * @return each option with its values and default
   */
  @Override
  public Map<String, String> options() {
    Map<String, String> options = new LinkedHashMap<>();
    options.put(
        "compat",
        "native (default: JumpBackHash, weighted buckets) or guava (Hashing.consistentHash,"
            + " equal weights)");
    options.put(
        "hash",
        "key hash, any registered algorithm; default xxh3_64 (built in) for native, md5 for"
            + " guava");
    return Collections.unmodifiableMap(options);
  }

  /**
   * The {@code compat} values.
   *
   * @return {@code native}, {@code guava}
   */
  @Override
  public List<String> compatProfiles() {
    return JumpProfile.NAMES;
  }

  @Override
  public String toString() {
    return "ServerSelectors.forName(\"jump\")";
  }
}
