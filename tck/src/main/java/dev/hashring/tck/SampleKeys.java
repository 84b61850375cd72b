package dev.hashring.tck;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Seeded keys: realistic memcached keys, random bytes, and strings that are awkward in UTF-8. */
final class SampleKeys {

  private static final String ALPHANUMERIC =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private SampleKeys() {}

  /** Keys as applications write them ({@code user:123}, {@code session:9f2c...}), all ASCII. */
  static List<String> realistic(long seed, int count) {
    Random random = new Random(seed);
    List<String> keys = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      switch (random.nextInt(6)) {
        case 0:
          keys.add("user:" + random.nextInt(10_000_000));
          break;
        case 1:
          keys.add(String.format(Locale.ROOT, "session:%016x", random.nextLong()));
          break;
        case 2:
          keys.add("product:" + random.nextInt(1_000_000) + ":price");
          break;
        case 3:
          keys.add("feed:" + random.nextInt(100_000) + ":page:" + random.nextInt(50));
          break;
        case 4:
          keys.add("cfg/" + alphanumeric(random, 3 + random.nextInt(20)));
          break;
        default:
          keys.add(alphanumeric(random, 4 + random.nextInt(37)));
          break;
      }
    }
    return keys;
  }

  /** Printable ASCII keys (no space) of {@code minLength} to {@code maxLength} bytes. */
  static List<byte[]> printable(long seed, int count, int minLength, int maxLength) {
    Random random = new Random(seed);
    List<byte[]> keys = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      keys.add(printable(random, minLength + random.nextInt(maxLength - minLength + 1)));
    }
    return keys;
  }

  static byte[] printable(Random random, int length) {
    byte[] key = new byte[length];
    for (int i = 0; i < length; i++) {
      key[i] = (byte) ('!' + random.nextInt('~' - '!' + 1));
    }
    return key;
  }

  /** Random bytes, any value, of 0 to {@code maxLength} bytes. */
  static byte[] bytes(Random random, int maxLength) {
    byte[] key = new byte[random.nextInt(maxLength + 1)];
    random.nextBytes(key);
    return key;
  }

  /** The UTF-8 bytes of each key. */
  static byte[][] utf8(List<String> keys) {
    byte[][] bytes = new byte[keys.size()][];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = keys.get(i).getBytes(UTF_8);
    }
    return bytes;
  }

  /**
   * Strings whose UTF-8 form is easy to get wrong: characters of 2, 3 and 4 bytes, unpaired
   * surrogates, control characters, the empty string, and keys longer than 1,024 bytes (beyond the
   * per-thread buffer of the api's string hashing).
   */
  static List<String> awkward() {
    List<String> keys = new ArrayList<>();
    keys.add("");
    keys.add("a");
    keys.add("user:42");
    keys.add("caf\u00e9");
    keys.add("\u00fcber:\u00df");
    keys.add("\u043c\u043e\u0441\u043a\u0432\u0430:7");
    keys.add("\u6771\u4eac:\u30ad\u30fc");
    keys.add("\u20ac100");
    keys.add("\ud83d\ude00 smile");
    keys.add("\ud834\udd1e clef");
    keys.add("lone high \ud800 surrogate");
    keys.add("lone low \udc00 surrogate");
    keys.add("ends high \ud800");
    keys.add("\udc00\ud800 reversed pair");
    keys.add("tab\tnew\nline\u0000nul");
    keys.add("\u007f\u0080\u07ff\u0800\uffff");
    keys.add("x".repeat(250));
    keys.add("k".repeat(1024));
    keys.add("k".repeat(1025));
    keys.add("\u00e9".repeat(600));
    keys.add("\u6771".repeat(400));
    keys.add("\ud83d\ude00".repeat(300));
    keys.add("mixed-" + "a\u00e9\u6771\ud83d\ude00".repeat(120));
    return keys;
  }

  /** Strings of random code points, unpaired surrogates included, of 0 to 40 chars. */
  static List<String> randomUnicode(long seed, int count) {
    Random random = new Random(seed);
    List<String> keys = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StringBuilder key = new StringBuilder();
      int length = random.nextInt(41);
      for (int j = 0; j < length; j++) {
        switch (random.nextInt(5)) {
          case 0:
            key.append((char) (0x20 + random.nextInt(0x5f)));
            break;
          case 1:
            key.append((char) (0x80 + random.nextInt(0x780)));
            break;
          case 2:
            key.append((char) (0x800 + random.nextInt(0xd800 - 0x800)));
            break;
          case 3:
            key.appendCodePoint(0x10000 + random.nextInt(0x100000));
            break;
          default:
            key.append((char) (0xd800 + random.nextInt(0x800)));
            break;
        }
      }
      keys.add(key.toString());
    }
    return keys;
  }

  private static String alphanumeric(Random random, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
    }
    return text.toString();
  }
}
