package dev.hashring;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Objects;

/**
 * UTF-8 encoding of {@code String} keys into a per-thread buffer, so that looking up a {@code
 * String} key allocates nothing. The encoding is byte for byte what {@link String#getBytes}
 * produces with UTF-8, including {@code '?'} for an unpaired surrogate.
 */
final class KeyBytes {

  /** Bytes that fit in the per-thread buffer; memcached keys are at most 250 bytes. */
  static final int CAPACITY = 1024;

  private static final ThreadLocal<byte[]> BUFFER =
      ThreadLocal.withInitial(() -> new byte[CAPACITY]);

  private KeyBytes() {}

  static long hash(HashAlgorithm algorithm, String key) {
    Objects.requireNonNull(key, "key");
    byte[] buffer = BUFFER.get();
    int length = encode(key, buffer);
    if (length >= 0) {
      return algorithm.hash(buffer, 0, length);
    }
    return algorithm.hash(key.getBytes(UTF_8));
  }

  /**
   * Encodes {@code key} as UTF-8 into {@code buffer}.
   *
   * @return the number of bytes written, or -1 when they do not fit
   */
  static int encode(String key, byte[] buffer) {
    int n = key.length();
    int at = 0;
    int limit = buffer.length;
    for (int i = 0; i < n; i++) {
      char c = key.charAt(i);
      if (c < 0x80) {
        if (at >= limit) {
          return -1;
        }
        buffer[at++] = (byte) c;
      } else if (c < 0x800) {
        if (at + 2 > limit) {
          return -1;
        }
        buffer[at++] = (byte) (0xC0 | (c >> 6));
        buffer[at++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        char low;
        if (Character.isHighSurrogate(c)
            && i + 1 < n
            && Character.isLowSurrogate(low = key.charAt(i + 1))) {
          if (at + 4 > limit) {
            return -1;
          }
          int cp = Character.toCodePoint(c, low);
          buffer[at++] = (byte) (0xF0 | (cp >> 18));
          buffer[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          buffer[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          buffer[at++] = (byte) (0x80 | (cp & 0x3F));
          i++;
        } else {
          // What String.getBytes(UTF_8) writes for an unpaired surrogate.
          if (at >= limit) {
            return -1;
          }
          buffer[at++] = (byte) '?';
        }
      } else {
        if (at + 3 > limit) {
          return -1;
        }
        buffer[at++] = (byte) (0xE0 | (c >> 12));
        buffer[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buffer[at++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    return at;
  }
}
