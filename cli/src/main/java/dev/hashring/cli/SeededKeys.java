package dev.hashring.cli;

import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * Random memcached keys from a seed: key {@code i} of a seed is always the same, so a run can be
 * repeated and the same keys can be visited several times without keeping them in memory.
 *
 * <p>A key is 8 to 24 characters of {@code [a-zA-Z0-9_-]}. {@link #key} returns the bytes in an
 * array shared by every key of that length, so that visiting millions of keys allocates nothing;
 * the array is valid until the next key of the same length is asked for.
 */
final class SeededKeys {

  static final int MIN_LENGTH = 8;
  static final int MAX_LENGTH = 24;

  private static final byte[] ALPHABET =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-".getBytes(US_ASCII);

  private final long seed;
  private final byte[][] byLength = new byte[MAX_LENGTH + 1][];

  SeededKeys(long seed) {
    this.seed = seed;
    for (int length = MIN_LENGTH; length <= MAX_LENGTH; length++) {
      byLength[length] = new byte[length];
    }
  }

  long seed() {
    return seed;
  }

  /** Key number {@code index}, in a shared array (see the class comment). */
  byte[] key(long index) {
    long state = mix(seed + mix(index + 0x632BE59BD9B4E019L));
    long word = mix(state);
    int length = MIN_LENGTH + (int) Long.remainderUnsigned(word, MAX_LENGTH - MIN_LENGTH + 1);
    byte[] key = byLength[length];
    for (int i = 0; i < length; i++) {
      if (i % 10 == 0) {
        state += 0x9E3779B97F4A7C15L;
        word = mix(state);
      }
      key[i] = ALPHABET[(int) (word & 63)];
      word >>>= 6;
    }
    return key;
  }

  /** Key number {@code index} as text. */
  String text(long index) {
    return new String(key(index), US_ASCII);
  }

  /** Key number {@code index} in an array of its own. */
  byte[] copy(long index) {
    return key(index).clone();
  }

  /** The SplitMix64 finaliser: a well-mixed 64-bit number from any 64-bit number. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
