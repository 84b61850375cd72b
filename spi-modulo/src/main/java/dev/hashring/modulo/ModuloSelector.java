package dev.hashring.modulo;

import com.google.auto.service.AutoService;
import dev.hashring.HashAlgorithm;
import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelector;
import dev.hashring.spi.Options;
import dev.hashring.spi.ServerLists;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Modulo selection: the selector {@code modulo}.
 *
 * <p>The servers own slots in list order, server {@code i} owning {@code weight(i)} consecutive
 * slots (one each where the client has no weights), and a key goes to the owner of slot {@code
 * number(key) mod slots}. A lookup is one hash, one remainder and two array reads, whatever the
 * server count, and allocates nothing for {@code byte[]} keys. Placement depends on the list order,
 * never on server names or addresses; names are accepted and play no part.
 *
 * <p>Modulo moves almost every key when the server count changes, so no ring claims {@code
 * MINIMAL_DISRUPTION}; use it to agree with a client that already uses it.
 *
 * <table>
 *   <caption>compat profiles</caption>
 *   <tr><th>compat</th><th>reproduces</th><th>hash (default)</th><th>weights</th>
 *       <th>failover</th></tr>
 *   <tr><td>{@code native} (default)</td><td>this project's weighted slots; the number is the key
 *       hash through MurmurHash3's {@code fmix64} finalizer with the top bit cleared, so any
 *       registered hash spreads evenly; the empty key is hashed like any other</td>
 *       <td>any registered algorithm ({@code murmur3})</td><td>count ({@code WEIGHTED})</td>
 *       <td>removal order ({@code FAILOVER_IS_REMOVAL})</td></tr>
 *   <tr><td>{@code libmemcached}</td><td>libmemcached {@code MEMCACHED_DISTRIBUTION_MODULA}
 *       ({@code hash % server count}); with one server every key is on it, as libmemcached skips
 *       hashing then</td><td>{@code ClientHashes.LIBMEMCACHED} ({@code default},
 *       one-at-a-time)</td><td>ignored, as MODULA ignores them (a warning is logged)</td><td>list
 *       order</td></tr>
 *   <tr><td>{@code spymemcached}</td><td>spymemcached {@code ArrayModNodeLocator}, the default
 *       locator of {@code new MemcachedClient(...)}</td><td>{@code ClientHashes.SPYMEMCACHED}
 *       ({@code native}, {@code String.hashCode})</td><td>refused: it has none</td><td>list
 *       order, exactly its {@code getSequence} after the primary</td></tr>
 *   <tr><td>{@code twemproxy}</td><td>nutcracker {@code distribution: modula}: {@code
 *       slots[hash % total weight]}, the empty key hashing to 0. nutcracker sorts the servers by
 *       name (shorter names first, then by bytes; the name is the one given, else {@code host}
 *       for port 11211, else {@code host:port}) and lays out the slots in that order; two
 *       servers with one name are refused, as nutcracker refuses them</td><td>{@code
 *       ClientHashes.TWEMPROXY} ({@code fnv1a_64})</td><td>count ({@code WEIGHTED})</td>
 *       <td>removal order ({@code FAILOVER_IS_REMOVAL})</td></tr>
 * </table>
 *
 * <p><b>Failover.</b> Every sequence starts with the primary and lists every server once.
 *
 * <ul>
 *   <li><i>List order</i> continues after the primary in list order and wraps around ({@code p+1,
 *       ..., n-1, 0, ..., p-1}): spymemcached's {@code getSequence}, libmemcached's replica order.
 *       A dead server's keys all go to its neighbour.
 *   <li><i>Removal order</i> gives, at each step, the primary the key would have if the servers
 *       listed so far were removed: {@code number mod (remaining weight)} over the remaining
 *       servers' slots. This is where twemproxy sends a key after ejecting its server, and it
 *       spreads a dead server's keys over all survivors in proportion to their weights, because the
 *       number modulo the smaller total is unrelated to the slot the key had.
 * </ul>
 *
 * <p><b>Limits.</b> The total weight is at most 4 194 304 (2^22) slots, which keeps the slot array
 * under 16 MiB.
 */
@AutoService(ServerSelector.class)
public final class ModuloSelector implements ServerSelector {

  private static final System.Logger LOG = System.getLogger(ModuloSelector.class.getName());

  /** The most slots a ring may have: the slot-to-server array is 4 bytes per slot. */
  static final int MAX_SLOTS = 1 << 22;

  /** Creates the selector; {@link java.util.ServiceLoader} calls this. */
  public ModuloSelector() {}

  /**
   * The registry name.
   *
   * @return {@code "modulo"}
   */
  @Override
  public String name() {
    return "modulo";
  }

  @Override
  public Ring ring(List<Server> servers, Map<String, String> options) {
    List<Server> list = ServerLists.requireValid(servers);
    Options reader = Options.of(name(), options);
    ModuloProfile profile =
        ModuloProfile.named(reader.choice("compat", "native", ModuloProfile.NAMES));
    String setting = "compat=" + profile.compat();
    reader.within(setting);
    HashAlgorithm keyNumber = profile.keyNumber(reader, setting);
    reader.requireNoOthers();
    return new ModuloRing(
        list,
        weights(list, profile, setting),
        profile.slotOrder().of(list),
        keyNumber,
        profile.failover(),
        profile.traits(),
        "modulo " + setting + " hash=" + keyNumber.name());
  }

  private static int[] weights(List<Server> servers, ModuloProfile profile, String setting) {
    int[] weights = new int[servers.size()];
    long total = 0;
    List<String> ignored = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      Server server = servers.get(i);
      if (profile.ignoresWeights()) {
        if (server.weight() != 1) {
          ignored.add(server.toString());
        }
        weights[i] = 1;
        total++;
        continue;
      }
      if (!profile.weighted() && server.weight() != 1) {
        throw new IllegalArgumentException(
            "weight must be 1 for selector modulo with "
                + setting
                + ", because "
                + profile.whyNoWeights()
                + " (use compat=native or compat=twemproxy for weights): "
                + server.weight()
                + " (server "
                + server.address()
                + ")");
      }
      weights[i] = server.weight();
      total += server.weight();
    }
    if (!ignored.isEmpty()) {
      LOG.log(
          Level.WARNING,
          "selector modulo with "
              + setting
              + ": libmemcached's MODULA distribution ignores weights, so each of "
              + String.join(", ", ignored)
              + " takes one share of keys, as it does in libmemcached");
    }
    if (total > MAX_SLOTS) {
      throw new IllegalArgumentException(
          "total weight of the servers must be at most "
              + MAX_SLOTS
              + " for selector modulo with "
              + setting
              + " (one slot per unit of weight): "
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
        "native (default: weighted slots), libmemcached (MODULA), spymemcached"
            + " (ArrayModNodeLocator) or twemproxy (modula, weighted slots)");
    options.put(
        "hash",
        "key hash: for native any registered algorithm (default murmur3); for a client profile"
            + " one of that client's hashes (default: libmemcached default, spymemcached native,"
            + " twemproxy fnv1a_64)");
    return Collections.unmodifiableMap(options);
  }

  /**
   * The {@code compat} values.
   *
   * @return {@code native}, {@code libmemcached}, {@code spymemcached}, {@code twemproxy}
   */
  @Override
  public List<String> compatProfiles() {
    return ModuloProfile.NAMES;
  }

  @Override
  public String toString() {
    return "ServerSelectors.forName(\"modulo\")";
  }
}
