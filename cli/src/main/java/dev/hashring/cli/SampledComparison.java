package dev.hashring.cli;

import dev.hashring.Ring;
import dev.hashring.Server;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The share of keys that moves between two rings, counted on seeded random keys: each key is looked
 * up on both rings. Works for every selector; the shares carry a sampling error, which {@link
 * Movement#margin} states.
 */
final class SampledComparison {

  private SampledComparison() {}

  /**
   * Looks {@code samples} keys up on both rings.
   *
   * @param reason why the shares are sampled, for the method sentence
   * @param progress told of each million keys done
   */
  static Movement compare(
      Ring from, Ring to, long samples, long seed, String reason, ProgressBar progress) {
    ServerIndex fromIndex = new ServerIndex(from.servers());
    ServerIndex toIndex = new ServerIndex(to.servers());
    long[][] counts = new long[from.servers().size()][to.servers().size()];
    SeededKeys keys = new SeededKeys(seed);
    for (long i = 0; i < samples; i++) {
      byte[] key = keys.key(i);
      counts[fromIndex.of(from.primary(key))][toIndex.of(to.primary(key))]++;
      if ((i & 0xFFFF) == 0xFFFF) {
        progress.advance(0x10000);
      }
    }
    Map<String, Double> before = new LinkedHashMap<>();
    Map<String, Double> after = new LinkedHashMap<>();
    for (Server server : from.servers()) {
      before.put(server.address(), 0.0);
    }
    for (Server server : to.servers()) {
      after.put(server.address(), 0.0);
    }
    Map<Movement.Move, Double> moves = new LinkedHashMap<>();
    for (int a = 0; a < counts.length; a++) {
      String fromAddress = from.servers().get(a).address();
      for (int b = 0; b < counts[a].length; b++) {
        if (counts[a][b] == 0) {
          continue;
        }
        double share = counts[a][b] / (double) samples;
        String toAddress = to.servers().get(b).address();
        before.merge(fromAddress, share, Double::sum);
        after.merge(toAddress, share, Double::sum);
        if (!fromAddress.equals(toAddress)) {
          moves.merge(new Movement.Move(fromAddress, toAddress), share, Double::sum);
        }
      }
    }
    String method =
        String.format(
            Locale.ROOT,
            "sampled on %,d seeded random keys (seed %d), because %s",
            samples,
            seed,
            reason);
    return new Movement(before, after, moves, samples, method);
  }
}
