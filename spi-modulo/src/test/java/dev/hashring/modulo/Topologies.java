package dev.hashring.modulo;

import dev.hashring.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Server lists and keys for tests, all from seeded generators. */
final class Topologies {

  private Topologies() {}

  /** {@code count} servers {@code 10.x.y.z:11211} of weight 1, from {@code 10.0.0.1} on. */
  static List<Server> servers(int count) {
    List<Server> servers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String host = "10." + (i / 62_500) + "." + (i / 250 % 250) + "." + (i % 250 + 1);
      servers.add(Server.of(host, 11211));
    }
    return servers;
  }

  /** {@code count} servers with weights drawn from 1 to {@code maxWeight}. */
  static List<Server> weightedServers(int count, int maxWeight, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Server> servers = new ArrayList<>();
    for (Server server : servers(count)) {
      servers.add(server.withWeight(1 + random.nextInt(maxWeight)));
    }
    return servers;
  }

  /**
   * {@code count} keys: mostly printable ASCII of 1 to 40 characters, one in eight with Cyrillic,
   * CJK or an emoji.
   */
  static List<String> keys(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] words = {"ключ", "日本語", "café", "\uD83D\uDE00", "ß"};
    List<String> keys = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StringBuilder key = new StringBuilder();
      int length = 1 + random.nextInt(40);
      for (int j = 0; j < length; j++) {
        key.append((char) (33 + random.nextInt(94)));
      }
      if (random.nextInt(8) == 0) {
        key.append(words[random.nextInt(words.length)]);
      }
      keys.add(key.toString());
    }
    return keys;
  }
}
