package dev.hashring.tck;

import dev.hashring.Server;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Realistic server lists: mostly {@code 10.0.x.y:11211}, some on ports 11212 and 22122, a few host
 * names. A list is fixed by its size and a variant number, so every run of the TCK sees the same
 * servers.
 */
final class SampleServers {

  private SampleServers() {}

  /** {@code size} servers of weight 1. */
  static List<Server> of(int size, int variant) {
    int[] weights = new int[size];
    java.util.Arrays.fill(weights, 1);
    return withWeights(weights, variant);
  }

  /** One server per weight, in order. */
  static List<Server> withWeights(int[] weights, int variant) {
    Random random = new Random(0x5eed_0000L + 1_000_003L * variant + weights.length);
    Set<String> addresses = new HashSet<>();
    List<Server> servers = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      Server server;
      do {
        server = candidate(random, i, weights[i], "10.0");
      } while (!addresses.add(server.address()));
      servers.add(server);
    }
    return List.copyOf(servers);
  }

  /** A server of the given weight that is in none of the lists above. */
  static Server extra(int variant, int weight) {
    return candidate(new Random(0xadd_0000L + variant), 0, weight, "10.1");
  }

  private static Server candidate(Random random, int index, int weight, String network) {
    int port = index % 7 == 5 ? 11212 : index % 11 == 9 ? 22122 : 11211;
    if (index % 9 == 4) {
      String host =
          "cache-" + (10 + random.nextInt(90)) + ".dc" + (1 + random.nextInt(3)) + ".example.net";
      return Server.of(host, port, weight);
    }
    String host = network + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    return Server.of(host, port, weight);
  }
}
