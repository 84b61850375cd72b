package dev.hashring.maglev;

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
 * The {@code maglev} selector: the Maglev lookup table (Eisenbud et al., NSDI 2016), where a key's
 * hash picks one of a prime number of slots, and the slots are shared out among the servers by
 * weight.
 *
 * <p>Lookups cost the same for any number of servers: a key hash and a table read. In exchange,
 * adding or removing a server also moves a few keys between servers that did not change, so Maglev
 * is not minimally disruptive (see docs/MAGLEV.md for measurements); use {@code rendezvous} or
 * {@code ketama} when that matters more than lookup speed.
 *
 * <p>Options:
 *
 * <ul>
 *   <li>{@code table}: the number of slots, a prime of at least 100 per server and at most 5000011;
 *       65537 by default, which fits up to 655 servers.
 *   <li>{@code compat}: only {@code native}, the default.
 * </ul>
 */
@AutoService(ServerSelector.class)
public final class MaglevSelector implements ServerSelector {

  private static final String NAME = "maglev";
  private static final List<String> COMPAT = List.of("native");

  /** Creates the selector; {@link java.util.ServiceLoader} calls this. */
  public MaglevSelector() {}

  /**
   * The registry name.
   *
   * @return {@code "maglev"}
   */
  @Override
  public String name() {
    return NAME;
  }

  /**
   * Builds a Maglev ring.
   *
   * @param servers the servers; their order does not change placement
   * @param options {@code table} and {@code compat}
   * @return the ring
   * @throws IllegalArgumentException as {@link ServerSelector#ring(List, Map)} says, if {@code
   *     table} is not a prime, is below 100 per server or above 5000011 (the message suggests a
   *     prime that fits), if the servers need more than the default table and {@code table} is not
   *     given, or if one server's name is another's address
   */
  @Override
  public Ring ring(List<Server> servers, Map<String, String> options) {
    List<Server> checked = ServerLists.requireValid(servers);
    Options reader = Options.of(NAME, options);
    reader.choice("compat", "native", COMPAT);
    boolean given = reader.text("table").isPresent();
    int size = reader.integer("table", TableSize.DEFAULT, 1, TableSize.MAX);
    reader.requireNoOthers();
    checkSize(size, given, checked.size());
    return MaglevRing.of(checked, size);
  }

  private static void checkSize(int size, boolean given, int servers) {
    long minimum = TableSize.minimumFor(servers);
    if (minimum > TableSize.MAX) {
      throw new IllegalArgumentException(
          "selector maglev places at most "
              + TableSize.MAX / TableSize.PER_SERVER
              + " servers (a table of at most "
              + TableSize.MAX
              + " slots, "
              + TableSize.PER_SERVER
              + " per server): "
              + servers
              + " servers");
    }
    if (!given && size < minimum) {
      throw new IllegalArgumentException(
          "selector maglev needs a table of at least 100 x servers = "
              + minimum
              + " slots for "
              + servers
              + " servers, more than the default "
              + TableSize.DEFAULT
              + ": set option 'table' to a prime such as "
              + TableSize.nextPrime(minimum));
    }
    if (size < minimum) {
      throw new IllegalArgumentException(
          "option 'table' of selector maglev must be at least 100 x servers = "
              + minimum
              + " for "
              + servers
              + " servers: '"
              + size
              + "' (the smallest prime that fits is "
              + TableSize.nextPrime(minimum)
              + ")");
    }
    if (!TableSize.isPrime(size)) {
      throw new IllegalArgumentException(
          "option 'table' of selector maglev must be a prime number: '"
              + size
              + "' (the next prime is "
              + TableSize.nextPrime(size)
              + ")");
    }
  }

  /**
   * The accepted options.
   *
   * @return {@code table} and {@code compat}, with what they do
   */
  @Override
  public Map<String, String> options() {
    Map<String, String> options = new LinkedHashMap<>();
    options.put(
        "table",
        "number of lookup table slots: a prime, at least 100 x servers, at most "
            + TableSize.MAX
            + " (default "
            + TableSize.DEFAULT
            + ", enough for 655 servers)");
    options.put("compat", "native (default; the only variant)");
    return java.util.Collections.unmodifiableMap(options);
  }

  /**
   * The accepted {@code compat} values.
   *
   * @return {@code native}
   */
  @Override
  public List<String> compatProfiles() {
    return COMPAT;
  }

  @Override
  public String toString() {
    return "ServerSelectors.forName(\"maglev\")";
  }
}
