package dev.hashring.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a change of servers does to keys: each server's share of keys before and after, and the
 * share of keys that moves from one server to another. Servers are told apart by address ({@code
 * host:port}): that is where the data lives, so a server whose weight or name changes keeps the
 * keys that stay on it.
 *
 * @param before each address's share of keys before the change, in list order
 * @param after each address's share of keys after the change, in list order
 * @param moves the share of keys that moves from one address to another, for every pair with keys
 * @param samples 0 when the shares are exact; else the number of random keys they were counted on
 * @param method how the shares were found, in a sentence
 */
record Movement(
    Map<String, Double> before,
    Map<String, Double> after,
    Map<Move, Double> moves,
    long samples,
    String method) {

  /** One direction of movement: keys that were on {@code from} and are now on {@code to}. */
  record Move(String from, String to) {}

  /** Copies the maps, keeping their order. */
  Movement {
    before = Collections.unmodifiableMap(new LinkedHashMap<>(before));
    after = Collections.unmodifiableMap(new LinkedHashMap<>(after));
    moves = Collections.unmodifiableMap(new LinkedHashMap<>(moves));
  }

  /** Whether the shares are exact rather than sampled. */
  boolean exact() {
    return samples == 0;
  }

  /** The share of keys that moves to another server. */
  double moved() {
    double total = 0;
    for (double share : moves.values()) {
      total += share;
    }
    return total;
  }

  /**
   * Half the width of the 95% confidence interval of a sampled share {@code share}: 1.96 standard
   * deviations of a binomial proportion. Zero for exact shares.
   */
  double margin(double share) {
    if (exact()) {
      return 0;
    }
    return 1.96 * Math.sqrt(share * (1 - share) / samples);
  }
}
