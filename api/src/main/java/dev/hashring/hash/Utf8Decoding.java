package dev.hashring.hash;

/**
 * Decodes UTF-8 into UTF-16 characters exactly as {@code new String(bytes, UTF_8)} does, malformed
 * input included: each malformed sequence becomes one U+FFFD, with the JDK's rules for how many
 * bytes a malformed sequence spans. Clients that hash a Java {@code String} (spymemcached,
 * xmemcached) see these characters when a key arrives as bytes.
 */
final class Utf8Decoding {

  private static final char REPLACEMENT = '\uFFFD';

  private Utf8Decoding() {}

  /**
   * Decodes a slice into {@code chars}, which must have room for {@code length} characters (UTF-8
   * never decodes to more characters than it has bytes).
   *
   * @return the number of characters written
   */
  static int decode(byte[] key, int offset, int length, char[] chars) {
    int at = offset;
    int end = offset + length;
    int count = 0;
    while (at < end) {
      int b1 = key[at];
      if (b1 >= 0) {
        chars[count++] = (char) b1;
        at++;
        continue;
      }
      b1 &= 0xFF;
      int left = end - at;
      if (b1 >= 0xC2 && b1 <= 0xDF) {
        if (left >= 2 && isContinuation(key[at + 1])) {
          chars[count++] = (char) (((b1 & 0x1F) << 6) | (key[at + 1] & 0x3F));
          at += 2;
        } else {
          chars[count++] = REPLACEMENT;
          at++;
        }
      } else if (b1 >= 0xE0 && b1 <= 0xEF) {
        at += threeBytes(key, at, left, b1, chars, count++);
      } else if (b1 >= 0xF0 && b1 <= 0xF7) {
        int used = fourBytes(key, at, left, b1, chars, count);
        count += used > 0 ? 2 : 1;
        at += Math.abs(used);
      } else {
        // A continuation byte without a lead, or a lead that UTF-8 never uses (C0, C1, F8-FF).
        chars[count++] = REPLACEMENT;
        at++;
      }
    }
    return count;
  }

  /** Decodes a 3-byte lead at {@code at}; writes one character and returns the bytes it spans. */
  private static int threeBytes(byte[] key, int at, int left, int b1, char[] chars, int count) {
    if (left == 1) {
      chars[count] = REPLACEMENT;
      return 1;
    }
    int b2 = key[at + 1] & 0xFF;
    boolean badSecond = !isContinuation(b2) || (b1 == 0xE0 && b2 < 0xA0);
    if (badSecond) {
      chars[count] = REPLACEMENT;
      return 1;
    }
    if (left == 2) {
      // A truncated but otherwise valid sequence at the end: one replacement for both bytes.
      chars[count] = REPLACEMENT;
      return 2;
    }
    int b3 = key[at + 2];
    if (!isContinuation(b3)) {
      chars[count] = REPLACEMENT;
      return 2;
    }
    char c = (char) (((b1 & 0x0F) << 12) | ((b2 & 0x3F) << 6) | (b3 & 0x3F));
    // An encoded surrogate (ED A0-BF xx) is malformed but spans all three bytes.
    chars[count] = Character.isSurrogate(c) ? REPLACEMENT : c;
    return 3;
  }

  /**
   * Decodes a 4-byte lead at {@code at}. Writes a surrogate pair and returns the bytes it spans
   * (4), or writes one replacement and returns minus the bytes it spans.
   */
  private static int fourBytes(byte[] key, int at, int left, int b1, char[] chars, int count) {
    chars[count] = REPLACEMENT;
    if (b1 > 0xF4 || left == 1) {
      return -1;
    }
    int b2 = key[at + 1] & 0xFF;
    if (!isContinuation(b2) || (b1 == 0xF0 && b2 < 0x90) || (b1 == 0xF4 && b2 > 0x8F)) {
      return -1;
    }
    if (left == 2) {
      return -2;
    }
    int b3 = key[at + 2];
    if (!isContinuation(b3)) {
      return -2;
    }
    if (left == 3) {
      return -3;
    }
    int b4 = key[at + 3];
    if (!isContinuation(b4)) {
      return -3;
    }
    int codePoint = ((b1 & 0x07) << 18) | ((b2 & 0x3F) << 12) | ((b3 & 0x3F) << 6) | (b4 & 0x3F);
    chars[count] = Character.highSurrogate(codePoint);
    chars[count + 1] = Character.lowSurrogate(codePoint);
    return 4;
  }

  private static boolean isContinuation(int b) {
    return (b & 0xC0) == 0x80;
  }
}
