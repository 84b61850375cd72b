package dev.hashring.tck;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.Trait;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;

/**
 * Rules 1.7, 2.1, 2.2 and 2.3: how keys are shared among servers, and how they move when one server
 * is added or removed (the ring after the change built with the options {@link
 * ServerSelectorTck#optionsAfter} gives). The bounds and their reasons are documented on each
 * {@link Rule}.
 */
final class ShareRules {

  static final double EQUAL_LOW = 0.5;
  static final double EQUAL_HIGH = 1.75;
  static final double WEIGHTED_LOW = 0.4;
  static final double WEIGHTED_HIGH = 2.5;
  static final double MEAN_LOW = 0.75;
  static final double MEAN_HIGH = 1.33;
  private static final int WEIGHTED_LISTS = 8;

  private ShareRules() {}

  /** Rule 1.7. */
  static void equalWeightsBalance(SelectorUnderTest s) {
    byte[][] keys = SampleKeys.utf8(SampleKeys.realistic(17, 50_000));
    for (int size : new int[] {2, 3, 10, 50}) {
      List<Server> servers = SampleServers.of(size, 8);
      int[] counts = count(s, s.ring(servers), servers, keys);
      double fair = 1.0 / size;
      for (int i = 0; i < size; i++) {
        double ratio = counts[i] / (double) keys.length / fair;
        if (ratio < EQUAL_LOW || ratio > EQUAL_HIGH) {
          throw s.violation()
              .expected(
                  "each server to hold between "
                      + EQUAL_LOW
                      + " and "
                      + EQUAL_HIGH
                      + " times 1/"
                      + size
                      + " of "
                      + Describe.count(keys.length)
                      + " keys")
              .actual(
                  servers.get(i)
                      + " holds "
                      + Describe.count(counts[i])
                      + " keys, "
                      + Describe.ratio(ratio)
                      + " times its share; every server's keys (times its share): "
                      + shares(servers, counts, keys.length))
              .build();
        }
      }
    }
  }

  /** Rule 2.1. */
  static void sharesFollowWeights(SelectorUnderTest s) {
    byte[][] keys = SampleKeys.utf8(SampleKeys.realistic(21, 20_000));
    List<String> reasons = new ArrayList<>();
    int checked = 0;
    for (int[] weights : new int[][] {{1, 2, 3, 4}, {1, 1, 10}}) {
      Map<Integer, List<Double>> ratiosByWeight = new TreeMap<>();
      for (int variant = 0; variant < WEIGHTED_LISTS; variant++) {
        List<Server> servers = SampleServers.withWeights(weights, variant);
        Ring ring = variant == 0 ? s.ringUnlessWeightsRefused(servers, reasons) : s.ring(servers);
        if (ring == null) {
          break;
        }
        if (variant == 0) {
          Set<Trait> traits = s.traits(ring);
          if (!traits.contains(Trait.WEIGHTED)) {
            reasons.add(s.claimText(servers, traits));
            break;
          }
          checked++;
        }
        int[] counts = count(s, ring, servers, keys);
        double total = servers.stream().mapToInt(Server::weight).sum();
        for (int i = 0; i < servers.size(); i++) {
          double expected = servers.get(i).weight() / total;
          double ratio = counts[i] / (double) keys.length / expected;
          if (ratio < WEIGHTED_LOW || ratio > WEIGHTED_HIGH) {
            throw s.violation()
                .expected(
                    "a server of weight w to hold between "
                        + WEIGHTED_LOW
                        + " and "
                        + WEIGHTED_HIGH
                        + " times w/"
                        + (int) total
                        + " of "
                        + Describe.count(keys.length)
                        + " keys")
                .actual(
                    servers.get(i)
                        + " holds "
                        + Describe.count(counts[i])
                        + " keys, "
                        + Describe.ratio(ratio)
                        + " times its share; every server's keys (times its share): "
                        + weightedShares(servers, counts, keys.length))
                .build();
          }
          ratiosByWeight
              .computeIfAbsent(servers.get(i).weight(), w -> new ArrayList<>())
              .add(ratio);
        }
      }
      for (Map.Entry<Integer, List<Double>> entry : ratiosByWeight.entrySet()) {
        double mean =
            entry.getValue().stream().mapToDouble(Double::doubleValue).average().orElse(1);
        if (mean < MEAN_LOW || mean > MEAN_HIGH) {
          throw s.violation()
              .servers(null)
              .expected(
                  "servers of weight "
                      + entry.getKey()
                      + " among "
                      + Describe.weights(SampleServers.withWeights(weights, 0))
                      + " to hold, on average over "
                      + WEIGHTED_LISTS
                      + " server lists, between "
                      + MEAN_LOW
                      + " and "
                      + MEAN_HIGH
                      + " times their share")
              .actual(
                  "they hold "
                      + Describe.ratio(mean)
                      + " times their share on average; on each list: "
                      + ratioList(entry.getValue())
                      + "; mean by weight: "
                      + means(ratiosByWeight))
              .hint("shares follow weights only in part")
              .build();
        }
      }
    }
    if (checked == 0) {
      Assumptions.abort("ring does not claim WEIGHTED: " + String.join("; ", reasons));
    }
  }

  /** Rule 2.2. */
  static void addingMovesKeysOnlyToTheNewServer(SelectorUnderTest s) {
    byte[][] keys = SampleKeys.utf8(SampleKeys.realistic(22, 20_000));
    Random random = new Random(22);
    List<String> reasons = new ArrayList<>();
    int checked = 0;
    for (int size : new int[] {3, 10}) {
      List<Server> before = SampleServers.of(size, 9);
      Ring ring = s.ring(before);
      Set<Trait> traits = s.traits(ring);
      if (!traits.contains(Trait.MINIMAL_DISRUPTION)) {
        reasons.add(s.claimText(before, traits));
        continue;
      }
      checked++;
      List<Integer> weights = new ArrayList<>(List.of(1));
      if (traits.contains(Trait.WEIGHTED)) {
        weights.add(3);
      }
      for (int weight : weights) {
        for (int attempt = 0; attempt < 2; attempt++) {
          int position = random.nextInt(attempt == 0 ? size : size + 1);
          Server added = SampleServers.extra(size * 10 + attempt, weight);
          List<Server> after = new ArrayList<>(before);
          after.add(position, added);
          checkMove(s, before, ring, after, added, position, keys);
        }
      }
    }
    if (checked == 0) {
      Assumptions.abort("ring does not claim MINIMAL_DISRUPTION: " + String.join("; ", reasons));
    }
  }

  /** Rule 2.3. */
  static void removingMovesOnlyTheRemovedServersKeys(SelectorUnderTest s) {
    byte[][] keys = SampleKeys.utf8(SampleKeys.realistic(23, 20_000));
    Random random = new Random(23);
    List<String> reasons = new ArrayList<>();
    int checked = 0;
    boolean weighted = false;
    for (int size : new int[] {3, 10}) {
      List<Server> before = SampleServers.of(size, 10);
      Ring ring = s.ring(before);
      Set<Trait> traits = s.traits(ring);
      if (!traits.contains(Trait.MINIMAL_DISRUPTION)) {
        reasons.add(s.claimText(before, traits));
        continue;
      }
      checked++;
      weighted |= traits.contains(Trait.WEIGHTED);
      for (int attempt = 0; attempt < 2; attempt++) {
        int position = random.nextInt(size);
        List<Server> after = new ArrayList<>(before);
        Server removed = after.remove(position);
        checkMove(s, before, ring, after, removed, position, keys);
      }
    }
    if (weighted) {
      List<Server> before = SampleServers.withWeights(new int[] {1, 2, 3, 4, 1, 2, 3, 4, 1, 2}, 10);
      Ring ring = s.ring(before);
      Set<Trait> traits = s.traits(ring);
      if (traits.contains(Trait.MINIMAL_DISRUPTION)) {
        int position = random.nextBoolean() ? 2 : 6;
        List<Server> after = new ArrayList<>(before);
        Server removed = after.remove(position);
        checkMove(s, before, ring, after, removed, position, keys);
      }
    }
    if (checked == 0) {
      Assumptions.abort("ring does not claim MINIMAL_DISRUPTION: " + String.join("; ", reasons));
    }
  }

  /**
   * Checks one change of one server: keys move only to it (when added) or only from it (when
   * removed), and about its share of keys moves.
   */
  private static void checkMove(
      SelectorUnderTest s,
      List<Server> before,
      Ring beforeRing,
      List<Server> after,
      Server changed,
      int position,
      byte[][] keys) {
    boolean adding = after.size() > before.size();
    Map<String, String> afterOptions = s.optionsAfter(before, after, s.options);
    Ring afterRing = s.ring(after, afterOptions);
    List<Server> larger = adding ? after : before;
    Ring largerRing = adding ? afterRing : beforeRing;
    boolean weighted = s.traits(largerRing).contains(Trait.WEIGHTED);
    double total = weighted ? larger.stream().mapToInt(Server::weight).sum() : larger.size();
    double expected = (weighted ? changed.weight() : 1) / total;
    boolean unequal = weighted && larger.stream().anyMatch(x -> x.weight() != 1);
    double low = unequal ? WEIGHTED_LOW : EQUAL_LOW;
    double high = unequal ? WEIGHTED_HIGH : EQUAL_HIGH;
    String change =
        (adding ? "adding " : "removing ")
            + changed
            + (adding ? " at position " : " from position ")
            + position
            + " of "
            + Describe.servers(before)
            + (afterOptions.equals(s.options)
                ? ""
                : " (the ring after built with " + Describe.options(afterOptions) + ")");
    int moved = 0;
    int wrong = 0;
    byte[] example = null;
    String exampleMove = null;
    for (byte[] key : keys) {
      s.using(before);
      Server was = s.primary(beforeRing, key);
      s.using(after);
      Server now = s.primary(afterRing, key);
      if (was == null || was.equals(now)) {
        continue;
      }
      boolean allowed = adding ? changed.equals(now) : changed.equals(was);
      if (allowed) {
        moved++;
      } else if (wrong++ == 0) {
        example = key;
        exampleMove = was + " to " + now;
      }
    }
    if (wrong > 0) {
      throw s.violation()
          .servers(after)
          .key(example)
          .expected(
              (adding ? "keys to move only to " : "only the keys of ")
                  + changed
                  + (adding ? "" : " to move")
                  + " when "
                  + change)
          .actual(
              Describe.count(wrong)
                  + " of "
                  + Describe.count(keys.length)
                  + " keys moved between servers that did not change; this key moved from "
                  + exampleMove)
          .build();
    }
    double ratio = moved / (double) keys.length / expected;
    if (ratio < low || ratio > high) {
      throw s.violation()
          .servers(after)
          .expected(
              "between "
                  + low
                  + " and "
                  + high
                  + " times "
                  + Describe.ratio(expected * 100)
                  + "% of "
                  + Describe.count(keys.length)
                  + " keys to move when "
                  + change
                  + ", its share of the keys")
          .actual(
              Describe.count(moved) + " keys moved, " + Describe.ratio(ratio) + " times its share")
          .build();
    }
  }

  /** How many keys each server of {@code servers} holds; answers outside it are not counted. */
  static int[] count(SelectorUnderTest s, Ring ring, List<Server> servers, byte[][] keys) {
    Map<Server, Integer> index = new HashMap<>();
    for (int i = 0; i < servers.size(); i++) {
      index.put(servers.get(i), i);
    }
    int[] counts = new int[servers.size()];
    s.using(servers);
    for (byte[] key : keys) {
      Integer i = index.get(s.primary(ring, key));
      if (i != null) {
        counts[i]++;
      }
    }
    return counts;
  }

  private static String shares(List<Server> servers, int[] counts, int keys) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < servers.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(servers.get(i).address()).append(' ');
      text.append(counts[i]).append(" (");
      text.append(Describe.ratio(counts[i] / (double) keys * servers.size())).append(')');
    }
    return text.toString();
  }

  private static String weightedShares(List<Server> servers, int[] counts, int keys) {
    double total = servers.stream().mapToInt(Server::weight).sum();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < servers.size(); i++) {
      Server server = servers.get(i);
      text.append(i == 0 ? "" : ", ").append(server.address());
      text.append(" weight ").append(server.weight()).append(' ').append(counts[i]).append(" (");
      text.append(Describe.ratio(counts[i] / (double) keys / (server.weight() / total)));
      text.append(')');
    }
    return text.toString();
  }

  private static String ratioList(List<Double> ratios) {
    StringBuilder text = new StringBuilder();
    for (double ratio : ratios) {
      text.append(text.length() == 0 ? "" : ", ").append(Describe.ratio(ratio));
    }
    return text.toString();
  }

  private static String means(Map<Integer, List<Double>> ratiosByWeight) {
    StringBuilder text = new StringBuilder();
    ratiosByWeight.forEach(
        (weight, ratios) -> {
          double mean = ratios.stream().mapToDouble(Double::doubleValue).average().orElse(1);
          text.append(text.length() == 0 ? "" : ", ");
          text.append("weight ").append(weight).append(": ").append(Describe.ratio(mean));
        });
    return text.toString();
  }
}
