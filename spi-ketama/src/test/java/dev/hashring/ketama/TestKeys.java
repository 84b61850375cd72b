package dev.hashring.ketama;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Seeded keys of every kind a memcached key can be: ASCII, non-ASCII UTF-8, short and long. */
final class TestKeys {

  private static final String[] ALPHABETS = {
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:_-./{}",
    "абвгдежзийклмнопрстуфхцчшщыэюя",
    "日本語中文字漢字平仮名かなカナ",
    "áéíóúàèìòùâêîôûäëïöüçñß",
    "αβγδεζηθικλμνξ",
  };

  private static final String[] SUPPLEMENTARY = {"😀", "🚀", "🌍", "🎉", "𝄞"};

  private TestKeys() {}

  /**
   * {@code count} distinct keys from {@code seed}: mostly ASCII, some non-ASCII and some with
   * characters outside the BMP (valid surrogate pairs), 1 to 250 UTF-8 bytes.
   */
  static List<String> keys(long seed, int count) {
    Random random = new Random(seed);
    Set<String> keys = new LinkedHashSet<>();
    while (keys.size() < count) {
      int kind = random.nextInt(10);
      StringBuilder key = new StringBuilder();
      if (kind < 6) {
        String alphabet = ALPHABETS[0];
        int length = 1 + random.nextInt(kind == 0 ? 250 : 30);
        for (int i = 0; i < length; i++) {
          key.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
      } else if (kind < 9) {
        String alphabet = ALPHABETS[1 + random.nextInt(ALPHABETS.length - 1)];
        int length = 1 + random.nextInt(20);
        for (int i = 0; i < length; i++) {
          key.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
      } else {
        key.append("user:").append(random.nextInt(100000));
        key.append(SUPPLEMENTARY[random.nextInt(SUPPLEMENTARY.length)]);
      }
      keys.add(key.toString());
    }
    return new ArrayList<>(keys);
  }
}
