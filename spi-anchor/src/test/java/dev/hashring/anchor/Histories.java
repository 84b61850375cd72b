package dev.hashring.anchor;

import dev.hashring.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Histories for tests, written the way the selector's documentation tells an application to write
 * them, and seeded keys.
 */
final class Histories {

  private Histories() {}

  /** The default history, written out: every server added, in list order. */
  static String inListOrder(List<Server> servers) {
    StringBuilder history = new StringBuilder();
    for (Server server : servers) {
      history.append(history.length() == 0 ? "+" : ",+").append(server);
    }
    return history.toString();
  }

  /**
   * The options after a change of the list: the history (written out if absent) with the removal of
   * every server that left and the addition of every server that joined appended.
   */
  static Map<String, String> after(
      List<Server> before, List<Server> after, Map<String, String> options) {
    StringBuilder history = new StringBuilder(options.getOrDefault("history", inListOrder(before)));
    for (Server server : before) {
      if (!after.contains(server)) {
        history.append(",-").append(server.address());
      }
    }
    for (Server server : after) {
      if (!before.contains(server)) {
        history.append(",+").append(server);
      }
    }
    Map<String, String> next = new TreeMap<>(options);
    next.put("history", history.toString());
    return next;
  }

  /**
   * A history that leaves exactly {@code servers} in, after other servers (192.0.2.x, weights 1 to
   * 3) came and went between them: the live buckets are scattered among removed ones.
   */
  static String churned(List<Server> servers, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> events = new ArrayList<>();
    List<Server> ghosts = new ArrayList<>();
    int next = 0;
    for (Server server : servers) {
      int extra = 1 + random.nextInt(2);
      for (int i = 0; i < extra; i++) {
        Server ghost =
            Server.of("192.0.2." + (1 + next % 250), 20000 + next, 1 + random.nextInt(3));
        next++;
        ghosts.add(ghost);
        events.add("+" + ghost);
      }
      events.add("+" + server);
      if (random.nextInt(3) == 0) {
        Server gone = ghosts.remove(random.nextInt(ghosts.size()));
        events.add("-" + gone.address());
      }
    }
    while (!ghosts.isEmpty()) {
      events.add("-" + ghosts.remove(random.nextInt(ghosts.size())).address());
    }
    return String.join(",", events);
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

  /** {@code count} servers {@code 10.0.y.z:11211} of weight 1, from {@code 10.0.0.1} on. */
  static List<Server> servers(int count) {
    List<Server> servers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      servers.add(Server.of("10.0." + (i / 250) + "." + (i % 250 + 1), 11211));
    }
    return servers;
  }

  /**
   * {@code count} servers as {@link #servers(int)}, with weights drawn from 1 to {@code maxWeight}.
   */
  static List<Server> weighted(int count, int maxWeight, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Server> servers = new ArrayList<>();
    for (Server server : servers(count)) {
      servers.add(server.withWeight(1 + random.nextInt(maxWeight)));
    }
    return servers;
  }
}
