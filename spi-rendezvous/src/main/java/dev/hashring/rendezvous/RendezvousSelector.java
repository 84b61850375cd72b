package dev.hashring.rendezvous;

import com.google.auto.service.AutoService;
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
 *       default {@code RendezvousHash}). Servers must have weight 1 and no name. Traits {@code
 *       MINIMAL_DISRUPTION} and {@code FAILOVER_IS_REMOVAL}. With it, {@code key_type=str} (the
 *       default) reproduces programs that give pymemcache {@code str} keys (a key is the UTF-8 of
 *       the {@code str}), and {@code key_type=bytes} programs that give it {@code bytes} keys,
 *       which pymemcache hashes as their {@code repr}, {@code b'...'}.
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
  private static final List<String> KEY_TYPES = List.of("str", "bytes");

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
   * @param options {@code compat} ({@code native} or {@code pymemcache}), and with {@code
   *     pymemcache}, {@code key_type} ({@code str} or {@code bytes})
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
    reader.within("compat=" + compat);
    if (compat.equals(PYMEMCACHE)) {
      String keyType = reader.choice("key_type", "str", KEY_TYPES);
      reader.requireNoOthers();
      return PymemcacheRing.of(checked, keyType.equals("bytes"));
    }
    reader.requireNoOthers();
    return WeightedRendezvousRing.of(checked);
  }

  /**
   * The accepted options.
   *
   * @return {@code compat} and {@code key_type}, with what they do
   */
  @Override
  public Map<String, String> options() {
    Map<String, String> options = new LinkedHashMap<>();
    options.put(
        "compat",
        "native (default): weighted rendezvous hashing, XXH3-64 key hash, servers known by name"
            + " or host:port; pymemcache: pymemcache 3.5.2 HashClient (murmur3_32 of"
            + " \"host:port-key\", weight 1, no names)");
    options.put(
        "key_type",
        "with compat=pymemcache: str (default), keys are the UTF-8 of Python str keys; bytes,"
            + " keys are Python bytes keys, which pymemcache hashes as their repr b'...'");
    return Collections.unmodifiableMap(options);
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
