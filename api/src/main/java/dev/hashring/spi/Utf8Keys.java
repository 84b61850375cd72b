package dev.hashring.spi;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hashring.HashAlgorithm;
import java.util.Objects;

/**
 * The UTF-8 bytes of {@code String} keys, encoded into a per-thread buffer, so that looking up a
 * {@code String} key allocates nothing. The encoding is byte for byte what {@link String#getBytes}
 * produces with UTF-8, including {@code '?'} for an unpaired surrogate. The buffer starts at
 * {@value #CAPACITY} bytes and grows to the longest key a thread has met, up to {@value
 * #MAX_CAPACITY} bytes; a longer key is encoded with {@code getBytes}.
 *
 * <p>{@link HashAlgorithm#hash(String)} uses it; a ring that needs a key's bytes for more than one
 * hash (twemproxy's hash tag, Dalli's long keys) uses {@link #apply}.
 */
public final class Utf8Keys {

  /** Bytes the per-thread buffer starts with; memcached keys are at most 250 bytes. */
  public static final int CAPACITY = 1024;

  /** The most bytes the per-thread buffer grows to. */
  public static final int MAX_CAPACITY = 1 << 16;

  /**
   * A computation over a slice of bytes that must not keep the array: it is a per-thread buffer
   * that the next key overwrites.
   */
  @FunctionalInterface
  public interface SliceFunction {

    /**
     * Computes over {@code length} bytes of {@code bytes} from {@code offset}.
     *
     * @param bytes the bytes; read only the slice, and do not keep the array
     * @param offset the first byte
     * @param length the number of bytes
     * @return the result
     */
    long apply(byte[] bytes, int offset, int length);
  }

  private static final ThreadLocal<byte[]> BUFFER =
      ThreadLocal.withInitial(() -> new byte[CAPACITY]);

  private Utf8Keys() {}

  /**
   * The hash of the UTF-8 bytes of {@code key}: {@code algorithm.hash(key.getBytes(UTF_8))},
   * without allocating for keys of up to {@value #MAX_CAPACITY} bytes (once the buffer has grown).
   *
   * @param key the key
   * @param algorithm the hash
   * @return the hash of the key's UTF-8 bytes
   * @throws NullPointerException if an argument is {@code null}
   */
  public static long hash(String key, HashAlgorithm algorithm) {
    Objects.requireNonNull(key, "key");
    byte[] buffer = buffer(key);
    int length = encode(key, buffer);
    if (length >= 0) {
      return algorithm.hash(buffer, 0, length);
    }
    return algorithm.hash(key.getBytes(UTF_8));
  }

  /**
   * Applies {@code function} to the UTF-8 bytes of {@code key}, without allocating for keys of up
   * to {@value #MAX_CAPACITY} bytes once the buffer has grown (keep the function in a field: a
   * lambda made per call allocates).
   *
   * @param key the key
   * @param function what to compute over its bytes
   * @return the function's result
   * @throws NullPointerException if an argument is {@code null}
   */
  public static long apply(String key, SliceFunction function) {
    Objects.requireNonNull(key, "key");
    byte[] buffer = buffer(key);
    int length = encode(key, buffer);
    if (length >= 0) {
      return function.apply(buffer, 0, length);
    }
    byte[] bytes = key.getBytes(UTF_8);
    return function.apply(bytes, 0, bytes.length);
  }

  /**
   * This thread's buffer, first grown (up to {@link #MAX_CAPACITY} bytes) if {@code key} might not
   * fit: a character takes at most 3 bytes.
   */
  private static byte[] buffer(String key) {
    byte[] buffer = BUFFER.get();
    long worst = 3L * key.length();
    if (worst <= buffer.length || buffer.length >= MAX_CAPACITY) {
      return buffer;
    }
    buffer = new byte[(int) Math.min(MAX_CAPACITY, Math.max(worst, 2L * buffer.length))];
    BUFFER.set(buffer);
    return buffer;
  }

  /**
   * Encodes {@code key} as UTF-8 into {@code buffer}.
   *
   * @return the number of bytes written, or -1 when they do not fit
   */
  static int encode(String key, byte[] buffer) {
    int n = key.length();
    int i = 0;
    if (n <= buffer.length) {
      // ASCII, almost every key: a byte per character, and the buffer holds n, so no room check.
      while (i < n) {
        char c = key.charAt(i);
        if (c >= 0x80) {
          break;
        }
        buffer[i++] = (byte) c;
      }
      if (i == n) {
        return n;
      }
    }
    return encodeFrom(key, i, buffer);
  }

  /** Encodes the characters of {@code key} from {@code i} on, the first {@code i} being ASCII. */
  private static int encodeFrom(String key, int i, byte[] buffer) {
    int n = key.length();
    int at = i;
    int limit = buffer.length;
    for (; i < n; i++) {
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
