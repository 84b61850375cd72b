package dev.hashring.bench;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelectors;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds our rings from the short specs the benchmarks take as a parameter: {@code
 * selector:compat}, for example {@code ketama:spymemcached} or {@code jump:native}.
 */
final class Rings {

  /** The default Maglev table (65537 slots) holds up to 655 servers at 100 slots each. */
  private static final int MAGLEV_SLOTS_PER_SERVER = 100;

  private static final int MAGLEV_DEFAULT_TABLE = 65_537;

  private Rings() {}

  /**
   * The ring {@code spec} names, through the registry, as a user would get it.
   *
   * @param spec {@code selector:compat}
   * @param servers the servers
   * @return the ring
   */
  static Ring build(String spec, List<Server> servers) {
    return ServerSelectors.forName(selector(spec)).ring(servers, options(spec, servers.size()));
  }

  /** The selector part of a spec. */
  static String selector(String spec) {
    int colon = spec.indexOf(':');
    return colon < 0 ? spec : spec.substring(0, colon);
  }

  /** The options of a spec for {@code servers} servers. */
  static Map<String, String> options(String spec, int servers) {
    Map<String, String> options = new HashMap<>();
    int colon = spec.indexOf(':');
    if (colon >= 0) {
      options.put("compat", spec.substring(colon + 1));
    }
    if (selector(spec).equals("maglev")
        && servers * MAGLEV_SLOTS_PER_SERVER > MAGLEV_DEFAULT_TABLE) {
      // Past 655 servers Maglev needs a larger table, a prime of at least 100 slots per server.
      options.put(
          "table",
          BigInteger.valueOf((long) servers * MAGLEV_SLOTS_PER_SERVER)
              .nextProbablePrime()
              .toString());
    }
    return options;
  }
}
