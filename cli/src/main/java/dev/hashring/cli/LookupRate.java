package dev.hashring.cli;

import dev.hashring.Ring;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Lookups per second of one ring, measured as honestly as a command line can: warm-up rounds until
 * the rate has stopped rising and the JIT is idle (at most five seconds), then five timed rounds
 * over the keys, counting every {@code primary(byte[])} call; the median of the five rates is the
 * answer. One thread, no allocation in the loop. It is a report, not a benchmark: {@code bench} has
 * the JMH ones.
 */
final class LookupRate {

  private static final int ROUNDS = 5;
  private static final int FLAT_ROUNDS = 5;
  private static final long MAX_WARM_UP_NANOS = 5_000_000_000L;
  private static final CompilationMXBean COMPILER = ManagementFactory.getCompilationMXBean();

  /** Keeps the answers alive so that the JIT cannot drop the lookups. */
  private static volatile int sink;

  private LookupRate() {}

  /**
   * Lookups per second of {@code ring} over {@code keys}.
   *
   * @param millis the time the five measured rounds take together; warming up takes at least six
   *     rounds of a fifth of it, and at most five seconds
   * @return lookups per second, or 0 when {@code millis} is 0
   */
  static double measure(Ring ring, byte[][] keys, long millis) {
    if (millis <= 0 || keys.length == 0) {
      return 0;
    }
    long roundNanos = millis * 1_000_000L / ROUNDS;
    long warmUpEnd = System.nanoTime() + MAX_WARM_UP_NANOS;
    // Warm up until the rate has not risen for five rounds and the JIT compiled nothing in the
    // last one: on a busy machine the compiler can be a second or more behind, and a rate
    // measured before it catches up is that of code it has not optimised yet.
    double best = round(ring, keys, roundNanos);
    long compiled = compilationMillis();
    int flat = 0;
    while (System.nanoTime() < warmUpEnd) {
      double rate = round(ring, keys, roundNanos);
      long nowCompiled = compilationMillis();
      flat = rate > best * 1.05 ? 0 : flat + 1;
      best = Math.max(best, rate);
      if (flat >= FLAT_ROUNDS && nowCompiled == compiled) {
        break;
      }
      compiled = nowCompiled;
    }
    // The median of a few rounds, so that one round slowed by another program does not decide.
    double[] rates = new double[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      rates[i] = round(ring, keys, roundNanos);
    }
    Arrays.sort(rates);
    return rates[ROUNDS / 2];
  }

  /** Milliseconds the JIT has spent compiling so far, or 0 when the JVM does not say. */
  private static long compilationMillis() {
    return COMPILER != null && COMPILER.isCompilationTimeMonitoringSupported()
        ? COMPILER.getTotalCompilationTime()
        : 0;
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
