package dev.hashring.cli;

import dev.hashring.Ring;

/**
 * Lookups per second of one ring, measured as honestly as a command line can: a warm-up so that the
 * JIT compiles the lookup, then a timed loop over the keys until the time is up, counting every
 * {@code primary(byte[])} call. One thread, no allocation in the loop. It is a report, not a
 * benchmark: {@code bench} has the JMH ones.
 */
final class LookupRate {

  /** Keeps the answers alive so that the JIT cannot drop the lookups. */
  private static volatile int sink;

  private LookupRate() {}

  /**
   * Lookups per second of {@code ring} over {@code keys}.
   *
   * @param millis the time to spend: a third warming up, the rest measuring
   * @return lookups per second, or 0 when {@code millis} is 0
   */
  static double measure(Ring ring, byte[][] keys, long millis) {
    if (millis <= 0 || keys.length == 0) {
      return 0;
    }
    long warmUpNanos = millis * 1_000_000L / 3;
    long measureNanos = millis * 1_000_000L - warmUpNanos;
    loop(ring, keys, warmUpNanos);
    long start = System.nanoTime();
    long lookups = loop(ring, keys, measureNanos);
    long elapsed = System.nanoTime() - start;
    return lookups * 1e9 / elapsed;
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
