package dev.hashring.cli;

import dev.hashring.Server;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The position of a ring's answer in its server list. Rings answer with the instances they were
 * given, so identity finds them at once; equality is the fallback.
 */
final class ServerIndex {
  private final Map<Server, Integer> byIdentity = new IdentityHashMap<>();
  private final Map<Server, Integer> byValue = new HashMap<>();

  ServerIndex(List<Server> servers) {
    for (int i = 0; i < servers.size(); i++) {
      byIdentity.put(servers.get(i), i);
      byValue.put(servers.get(i), i);
    }
  }

  /**
   * The position of {@code server}.
   *
   * @throws IllegalStateException if it is not in the list: the ring broke its contract
   */
  int of(Server server) {
    Integer index = byIdentity.get(server);
    if (index == null) {
      index = byValue.get(server);
      if (index == null) {
        throw new IllegalStateException(
            "the ring answered " + server + ", which is not one of its servers");
      }
    }
    return index;
  }
}
