package dev.hashring.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.HashSet;
import java.util.Set;
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
  private static final int MIN_ID = 4;

  /** The keys. */
  final String[] strings = new String[SIZE];

  /** The UTF-8 bytes of {@link #strings}, index for index. */
  final byte[][] bytes = new byte[SIZE][];

  private KeyPool(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < SIZE; ) {
      String key = key(random, 10 + random.nextInt(51));
      if (seen.add(key)) {
        strings[i] = key;
        bytes[i] = key.getBytes(UTF_8);
        i++;
      }
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

  /**
   * One key of exactly {@code length} characters: a prefix, an identifier of at least {@value
   * #MIN_ID} digits or letters, a suffix; the suffix, then the prefix, are left out when the key is
   * too short for them.
   */
  private static String key(SplittableRandom random, int length) {
    String prefix = PREFIXES[random.nextInt(PREFIXES.length)];
    String suffix = SUFFIXES[random.nextInt(SUFFIXES.length)];
    if (prefix.length() + suffix.length() + MIN_ID > length) {
      suffix = "";
    }
    if (prefix.length() + MIN_ID > length) {
      prefix = "";
    }
    StringBuilder key = new StringBuilder(length).append(prefix);
    boolean digits = random.nextBoolean();
    while (key.length() + suffix.length() < length) {
      key.append(ALPHABET.charAt(random.nextInt(digits ? 10 : ALPHABET.length())));
    }
    return key.append(suffix).toString();
  }
}
