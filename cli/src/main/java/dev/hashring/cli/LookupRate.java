package dev.hashring.cli;

import dev.hashring.Ring;
import java.util.Arrays;

/**
 * Lookups per second of one ring, measured as honestly as a command line can: warm-up rounds until
 * the rate stops rising (the JIT has compiled the lookup), then five timed rounds over the keys,
 * counting every {@code primary(byte[])} call; the median of the five rates is the answer. One
 * thread, no allocation in the loop. It is a report, not a benchmark: {@code bench} has the JMH
 * ones.
 */
final class LookupRate {

  private static final int ROUNDS = 5;

  /** Keeps the answers alive so that the JIT cannot drop the lookups. */
  private static volatile int sink;

  private LookupRate() {}

  /**
   * Lookups per second of {@code ring} over {@code keys}.
   *
   * @param millis the time the five measured rounds take together; warming up takes at least two
   *     rounds and at most twice this
   * @return lookups per second, or 0 when {@code millis} is 0
   */
  static double measure(Ring ring, byte[][] keys, long millis) {
    if (millis <= 0 || keys.length == 0) {
      return 0;
    }
    long roundNanos = millis * 1_000_000L / ROUNDS;
    long warmUpEnd = System.nanoTime() + 2 * millis * 1_000_000L;
    double previous = round(ring, keys, roundNanos);
    while (System.nanoTime() < warmUpEnd) {
      double rate = round(ring, keys, roundNanos);
      if (rate < previous * 1.05) {
        break; // no longer getting faster: compiled
      }
      previous = rate;
    }
    // The median of a few rounds, so that one round slowed by another program does not decide.
    double[] rates = new double[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      rates[i] = round(ring, keys, roundNanos);
    }
    Arrays.sort(rates);
    return rates[ROUNDS / 2];
  }

  /** One round: lookups per second over {@code nanos}. */
  private static double round(Ring ring, byte[][] keys, long nanos) {
    long start = System.nanoTime();
    long lookups = loop(ring, keys, nanos);
    return lookups * 1e9 / (System.nanoTime() - start);
  }

  /** Looks keys up, round after round, until {@code nanos} have passed; returns how many. */
  private static long loop(Ring ring, byte[][] keys, long nanos) {
    long deadline = System.nanoTime() + nanos;
    long lookups = 0;
    int answers = 0;
    int next = 0;
    do {
      // Check the clock every 256 lookups, not on each one.
      for (int i = 0; i < 256; i++) {
        answers += ring.primary(keys[next]).port();
        next = next + 1 == keys.length ? 0 : next + 1;
      }
      lookups += 256;
    } while (System.nanoTime() < deadline);
    sink += answers;
    return lookups;
  }
}
