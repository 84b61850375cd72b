package dev.hashring.rendezvous;

/**
 * The Python text pymemcache hashes for a key, written as the low byte of each character, which is
 * all of a character that pymemcache's {@code murmur3_32} reads.
 *
 * <p>A Python program gives pymemcache a {@code str} key, which goes on the wire as UTF-8 (with
 * {@code allow_unicode_keys}; otherwise only ASCII is allowed). So key bytes that are valid UTF-8
 * stand for the {@code str} they decode to: one character per code point. Bytes that are not valid
 * UTF-8 can only come from a {@code bytes} key, which pymemcache formats with {@code repr()}: the
 * key {@code b'\xff'} is hashed as the seven characters {@code b'\xff'}. Both are reproduced here.
 * A program that gives pymemcache {@code bytes} keys has every key hashed as its {@code repr},
 * UTF-8 or not: {@link #repr} alone reproduces that (option {@code key_type=bytes}).
 *
 * <p>Nothing here allocates: callers pass the output buffer.
 */
final class PythonKeyText {

  private static final byte[] HEX =
      "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private PythonKeyText() {}

  /**
   * The buffer size that any key of {@code keyLength} bytes fits in, {@code repr} included.
   *
   * @return {@code 4 * keyLength + 3}, or {@link Integer#MAX_VALUE} if that overflows
   */
  static int capacityFor(int keyLength) {
    long size = 4L * keyLength + 3;
    return (int) Math.min(size, Integer.MAX_VALUE);
  }

  /**
   * Writes the bytes of {@code key} if it is ASCII.
   *
   * @param out at least {@code key.length()} bytes
   * @return the number of bytes written, or -1 if {@code key} is not ASCII
   */
  static int asciiBytes(String key, byte[] out) {
    int n = key.length();
    for (int i = 0; i < n; i++) {
      char c = key.charAt(i);
      if (c >= 0x80) {
        return -1;
      }
      out[i] = (byte) c;
    }
    return n;
  }

  /** Whether every byte is ASCII, so that the key's bytes are already its characters. */
  static boolean isAscii(byte[] key) {
    for (byte b : key) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes the characters of the text pymemcache hashes for the key bytes {@code key}.
   *
   * @param out at least {@link #capacityFor capacityFor(key.length)} bytes
   * @return the number of characters written
   */
  static int ofBytes(byte[] key, byte[] out) {
    int length = decodeUtf8(key, out);
    return length >= 0 ? length : repr(key, key.length, out);
  }

  /**
   * Writes the characters of {@code key}'s code points; an unpaired surrogate is {@code '?'}, as in
   * its UTF-8 bytes from {@link String#getBytes}.
   *
   * @param out at least {@code key.length()} bytes
   * @return the number of characters written
   */
  static int ofString(String key, byte[] out) {
    int n = key.length();
    int at = 0;
    for (int i = 0; i < n; i++) {
      char c = key.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < n
            && Character.isLowSurrogate(key.charAt(i + 1))) {
          // The code point's low byte is the low surrogate's (0xDC00 ends in 0x00).
          c = key.charAt(++i);
        } else {
          c = '?';
        }
      }
      out[at++] = (byte) c;
    }
    return at;
  }

  /**
   * Decodes strict UTF-8 (as Python's decoder: no overlong forms, no surrogates, nothing above
   * U+10FFFF), writing the low byte of each code point.
   *
   * @return the number of code points, or -1 if {@code key} is not valid UTF-8
   */
  static int decodeUtf8(byte[] key, byte[] out) {
    int n = key.length;
    int at = 0;
    int i = 0;
    while (i < n) {
      int b0 = key[i] & 0xff;
      if (b0 < 0x80) {
        out[at++] = (byte) b0;
        i++;
        continue;
      }
      int size;
      int min = 0x80;
      int max = 0xbf;
      if (b0 >= 0xc2 && b0 <= 0xdf) {
        size = 2;
      } else if (b0 >= 0xe0 && b0 <= 0xef) {
        size = 3;
        if (b0 == 0xe0) {
          min = 0xa0; // overlong
        } else if (b0 == 0xed) {
          max = 0x9f; // surrogates
        }
      } else if (b0 >= 0xf0 && b0 <= 0xf4) {
        size = 4;
        if (b0 == 0xf0) {
          min = 0x90; // overlong
        } else if (b0 == 0xf4) {
          max = 0x8f; // above U+10FFFF
        }
      } else {
        return -1;
      }
      if (i + size > n) {
        return -1;
      }
      int b1 = key[i + 1] & 0xff;
      if (b1 < min || b1 > max) {
        return -1;
      }
      for (int j = 2; j < size; j++) {
        if ((key[i + j] & 0xc0) != 0x80) {
          return -1;
        }
      }
      // The low byte of the code point: two bits of the next-to-last byte, six of the last.
      int last = key[i + size - 1];
      int beforeLast = key[i + size - 2];
      out[at++] = (byte) (((beforeLast & 0x03) << 6) | (last & 0x3f));
      i += size;
    }
    return at;
  }

  /**
   * Writes Python's {@code repr()} of the {@code bytes} {@code key[0, length)}, such as {@code
   * b'a\xff'}.
   *
   * @param out at least {@link #capacityFor capacityFor(length)} bytes
   * @return the number of characters written
   */
  static int repr(byte[] key, int length, byte[] out) {
    boolean single = false;
    boolean dual = false;
    for (int i = 0; i < length; i++) {
      single |= key[i] == '\'';
      dual |= key[i] == '"';
    }
    byte quote = (byte) (single && !dual ? '"' : '\'');
    int at = 0;
    out[at++] = 'b';
    out[at++] = quote;
    for (int i = 0; i < length; i++) {
      byte b = key[i];
      int c = b & 0xff;
      if (c == quote || c == '\\') {
        out[at++] = '\\';
        out[at++] = b;
      } else if (c == '\t') {
        out[at++] = '\\';
        out[at++] = 't';
      } else if (c == '\n') {
        out[at++] = '\\';
        out[at++] = 'n';
      } else if (c == '\r') {
        out[at++] = '\\';
        out[at++] = 'r';
      } else if (c < ' ' || c >= 0x7f) {
        out[at++] = '\\';
        out[at++] = 'x';
        out[at++] = HEX[c >>> 4];
        out[at++] = HEX[c & 0xf];
      } else {
        out[at++] = b;
      }
    }
    out[at++] = quote;
    return at;
  }
}
