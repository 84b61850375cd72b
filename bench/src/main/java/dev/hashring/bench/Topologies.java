package dev.hashring.bench;

import dev.hashring.Server;
import java.util.ArrayList;
import java.util.List;

/** The server lists the benchmarks build rings from. */
final class Topologies {

  private Topologies() {}

  /**
   * {@code count} servers of weight 1 on port 11211 with IPv4 literals {@code 10.a.b.c} (no name
   * lookup when a client formats them), the same list for every selector and client.
   *
   * @param count how many servers, at most 2^24
   * @return the servers, in order
   */
  static List<Server> servers(int count) {
    List<Server> servers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int n = i + 1;
      servers.add(
          Server.of("10." + (n >>> 16 & 255) + "." + (n >>> 8 & 255) + "." + (n & 255), 11211));
    }
    return List.copyOf(servers);
  }
}
