package dev.hashring.spymemcached;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded test keys, valid memcached keys (no white space or control characters, short). */
final class Keys {

  private static final String ALPHABET =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:_-./";
  private static final String[] WORDS = {"user", "session", "ключ", "日本語", "ÆØÅ", "emoji😀"};

  private Keys() {}

  /** {@code count} distinct keys: random ASCII, sequential names and some non-ASCII ones. */
  static List<String> sample(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> keys = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      switch (i % 3) {
        case 0:
          keys.add("key:" + i);
          break;
        case 1:
          StringBuilder key = new StringBuilder();
          int length = 1 + random.nextInt(40);
          for (int c = 0; c < length; c++) {
            key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
          }
          keys.add(key.append('#').append(i).toString());
          break;
        default:
          keys.add(WORDS[random.nextInt(WORDS.length)] + ":" + i);
      }
    }
    return keys;
  }
}
