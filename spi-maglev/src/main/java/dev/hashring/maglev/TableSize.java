package dev.hashring.maglev;

/**
 * The size of a Maglev lookup table: a prime, so that every skip from 1 to {@code size - 1} visits
 * every slot, and at least {@link #PER_SERVER} slots per server, so that shares are even (the
 * Maglev paper's guideline).
 */
final class TableSize {

  /** The default size, a prime: 256 KiB of table, enough for 655 servers. */
  static final int DEFAULT = 65537;

  /** The largest size accepted, as in Envoy: a 20 MB table, enough for 50 000 servers. */
  static final int MAX = 5000011;

  /** Slots per server at the least. */
  static final int PER_SERVER = 100;

  private TableSize() {}

  /** The smallest table for {@code servers} servers: {@code 100 * servers}. */
  static long minimumFor(int servers) {
    return (long) PER_SERVER * servers;
  }

  static boolean isPrime(long n) {
    if (n < 2) {
      return false;
    }
    if (n % 2 == 0) {
      return n == 2;
    }
    for (long d = 3; d * d <= n; d += 2) {
      if (n % d == 0) {
        return false;
      }
    }
    return true;
  }

  /** The smallest prime at least {@code n}. */
  static long nextPrime(long n) {
    long candidate = Math.max(2, n);
    while (!isPrime(candidate)) {
      candidate++;
    }
    return candidate;
  }
}
