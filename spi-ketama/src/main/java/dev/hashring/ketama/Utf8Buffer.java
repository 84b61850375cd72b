package dev.hashring.ketama;

/**
 * UTF-8 encoding of a {@code String} key into a per-thread buffer, byte for byte what {@link
 * String#getBytes(java.nio.charset.Charset)} produces (an unpaired surrogate becomes {@code '?'}),
 * for the lookups that need the key's bytes rather than its hash.
 */
final class Utf8Buffer {

  /** Keys whose UTF-8 form is longer are encoded with {@code getBytes} instead. */
  private static final int CAPACITY = 1024;

  private static final ThreadLocal<byte[]> BUFFER =
      ThreadLocal.withInitial(() -> new byte[CAPACITY]);

  private Utf8Buffer() {}

  /** This thread's buffer; {@link #encode} writes into it. */
  static byte[] buffer() {
    return BUFFER.get();
  }

  /**
   * Encodes {@code key} into {@code buffer}.
   *
   * @return the number of bytes written, or -1 when they do not fit
   */
  static int encode(String key, byte[] buffer) {
    int at = 0;
    int n = key.length();
    for (int i = 0; i < n; i++) {
      char c = key.charAt(i);
      if (c < 0x80) {
        if (at + 1 > buffer.length) {
          return -1;
        }
        buffer[at++] = (byte) c;
      } else if (c < 0x800) {
        if (at + 2 > buffer.length) {
          return -1;
        }
        buffer[at++] = (byte) (0xC0 | c >> 6);
        buffer[at++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < n
            && Character.isLowSurrogate(key.charAt(i + 1))) {
          if (at + 4 > buffer.length) {
            return -1;
          }
          int cp = Character.toCodePoint(c, key.charAt(++i));
          buffer[at++] = (byte) (0xF0 | cp >> 18);
          buffer[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
          buffer[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
          buffer[at++] = (byte) (0x80 | cp & 0x3F);
        } else {
          if (at + 1 > buffer.length) {
            return -1;
          }
          buffer[at++] = (byte) '?';
        }
      } else {
        if (at + 3 > buffer.length) {
          return -1;
        }
        buffer[at++] = (byte) (0xE0 | c >> 12);
        buffer[at++] = (byte) (0x80 | c >> 6 & 0x3F);
        buffer[at++] = (byte) (0x80 | c & 0x3F);
      }
    }
    return at;
  }
}
