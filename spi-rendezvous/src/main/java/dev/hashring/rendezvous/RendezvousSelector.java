package dev.hashring.rendezvous;

import com.google.auto.service.AutoService;
import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelector;
import dev.hashring.spi.Options;
import dev.hashring.spi.ServerLists;
import java.util.List;
import java.util.Map;

/**
 * The {@code rendezvous} selector: rendezvous hashing (highest random weight), where every server
 * scores the key and the highest score wins.
 *
 * <p>Options:
 *
 * <ul>
 *   <li>{@code compat=native} (the default): weighted rendezvous hashing with the logarithmic
 *       method, so a server's share follows its weight; a server is known by its name if it has
 *       one, else by {@code host:port}. Traits {@code WEIGHTED}, {@code MINIMAL_DISRUPTION} and
 *       {@code FAILOVER_IS_REMOVAL}.
 *   <li>{@code compat=pymemcache}: bit for bit with pymemcache 3.5.2's {@code HashClient} (its
 *       default {@code RendezvousHash}) for {@code str} keys. Servers must have weight 1 and no
 *       name. Traits {@code MINIMAL_DISRUPTION} and {@code FAILOVER_IS_REMOVAL}.
 * </ul>
 *
 * <p>A lookup scores every server, so it costs {@code O(servers)}: fine for the tens or hundreds of
 * servers of a memcached cluster, not for thousands. The failover sequence is the servers by
 * descending score, which is what removing the primary gives.
 */
@AutoService(ServerSelector.class)
public final class RendezvousSelector implements ServerSelector {

  private static final String NAME = "rendezvous";
  private static final String NATIVE = "native";
  private static final String PYMEMCACHE = "pymemcache";
  private static final List<String> COMPAT = List.of(NATIVE, PYMEMCACHE);

  /** Creates the selector; {@link java.util.ServiceLoader} calls this. */
  public RendezvousSelector() {}

  /**
   * The registry name.
   *
   * @return {@code "rendezvous"}
   */
  @Override
  public String name() {
    return NAME;
  }

  /**
   * Builds a rendezvous ring.
   *
   * @param servers the servers; their order does not change placement
   * @param options {@code compat} ({@code native} or {@code pymemcache})
   * @return the ring
   * @throws IllegalArgumentException as {@link ServerSelector#ring(List, Map)} says, and for {@code
   *     compat=pymemcache} if a server has a weight other than 1 or a name; for {@code native}, if
   *     one server's name is another's address
   */
  @Override
  public Ring ring(List<Server> servers, Map<String, String> options) {
    List<Server> checked = ServerLists.requireValid(servers);
    Options reader = Options.of(NAME, options);
    String compat = reader.choice("compat", NATIVE, COMPAT);
    reader.within("compat=" + compat).requireNoOthers();
    return compat.equals(PYMEMCACHE)
        ? PymemcacheRing.of(checked)
        : WeightedRendezvousRing.of(checked);
  }

  /**
   * The accepted options.
   *
   * @return {@code compat} and what it does
   */
  @Override
  public Map<String, String> options() {
    return Map.of(
        "compat",
        "native (default): weighted rendezvous hashing, XXH3-64 key hash, servers known by name"
            + " or host:port; pymemcache: pymemcache 3.5.2 HashClient (murmur3_32 of"
            + " \"host:port-key\", weight 1, no names)");
  }

  /**
   * The accepted {@code compat} values.
   *
   * @return {@code native}, {@code pymemcache}
   */
  @Override
  public List<String> compatProfiles() {
    return COMPAT;
  }

  @Override
  public String toString() {
    return "ServerSelectors.forName(\"rendezvous\")";
  }
}
