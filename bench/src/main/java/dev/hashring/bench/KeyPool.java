package dev.hashring.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.SplittableRandom;

/**
 * A fixed pool of realistic memcached keys, the same in every run: {@value #SIZE} ASCII keys of 10
 * to 60 bytes shaped like application keys ({@code user:48213:profile}, {@code
 * session:9f2c01ab...}), each as a {@code String} and as its UTF-8 bytes.
 *
 * <p>A benchmark walks the pool one key per operation, so that neither the branch predictor nor the
 * caches can learn one key; 4096 keys of at most 60 bytes stay within a few hundred KiB, so the
 * keys themselves are cache-resident and what is measured is the lookup.
 */
final class KeyPool {

  /** How many keys the pool holds; a power of two, so that {@code i & MASK} walks it. */
  static final int SIZE = 4096;

  /** Turns a running counter into a pool index. */
  static final int MASK = SIZE - 1;

  private static final String[] PREFIXES = {
    "user:", "session:", "product:", "cart:", "feed:v2:", "cfg:", "rate-limit:", "page:/shop/",
  };
  private static final String[] SUFFIXES = {"", ":profile", ":items", ":html", ":count", ":meta"};
  private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

  /** The keys. */
  final String[] strings = new String[SIZE];

  /** The UTF-8 bytes of {@link #strings}, index for index. */
  final byte[][] bytes = new byte[SIZE][];

  private KeyPool(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < SIZE; i++) {
      strings[i] = key(random, 10 + random.nextInt(51));
      bytes[i] = strings[i].getBytes(UTF_8);
    }
  }

  /**
   * The pool every benchmark uses.
   *
   * @return a new pool of the same keys as every other
   */
  static KeyPool standard() {
    return new KeyPool(20_260_413L);
  }

  /** One key of exactly {@code length} characters: prefix, identifier, suffix, cut to fit. */
  private static String key(SplittableRandom random, int length) {
    StringBuilder key = new StringBuilder(length + 16);
    key.append(PREFIXES[random.nextInt(PREFIXES.length)]);
    String suffix = SUFFIXES[random.nextInt(SUFFIXES.length)];
    boolean digits = random.nextBoolean();
    while (key.length() + suffix.length() < length) {
      key.append(ALPHABET.charAt(random.nextInt(digits ? 10 : ALPHABET.length())));
    }
    key.append(suffix);
    key.setLength(length);
    return key.toString();
  }
}
