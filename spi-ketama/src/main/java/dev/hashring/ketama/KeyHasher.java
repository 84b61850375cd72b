package dev.hashring.ketama;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hashring.HashAlgorithm;
import dev.hashring.spi.Utf8Keys;

/**
 * Turns a key into its position on the ring: the key hash's low 32 bits, after the client's key
 * rules (empty keys, twemproxy's hash tag, Dalli's long-key truncation).
 *
 * <p>Positions are stored as {@code int}s that compare like the unsigned values: {@code value ^
 * 0x80000000}. A ring whose lookup takes the predecessor (Dalli) stores the bitwise complement of
 * every value instead, which turns "last point at or below" into "first point at or above" and
 * "wrap to the last point" into "wrap to the first", so that one lookup serves every profile.
 */
final class KeyHasher {

  private static final int SIGN = 0x80000000;
  private static final byte[] EMPTY = {};

  private final HashAlgorithm hash;
  private final int flip;
  private final EmptyKey emptyKey;
  private final String emptyKeyRefusal;
  private final int tagOpen;
  private final int tagClose;
  private final boolean dalliKeys;
  private final byte[] dalliNamespace;
  private final boolean plainStrings;
  private final Utf8Keys.SliceFunction positionOfBytes = this::position;

  /**
   * @param hash the key hash
   * @param predecessor whether the ring looks up the last point at or below the hash
   * @param emptyKey what to do with an empty key
   * @param emptyKeyRefusal the message for an empty key, or {@code null} when it is placed
   * @param hashTag twemproxy's two tag characters, or {@code null}
   * @param dalliKeys whether long keys are truncated as Dalli truncates them
   * @param dalliNamespace a Dalli namespace, prefixed with {@code ':'} to every key, or {@code
   *     null}
   */
  KeyHasher(
      HashAlgorithm hash,
      boolean predecessor,
      EmptyKey emptyKey,
      String emptyKeyRefusal,
      String hashTag,
      boolean dalliKeys,
      String dalliNamespace) {
    this.hash = hash;
    this.flip = predecessor ? -1 : 0;
    this.emptyKey = emptyKey;
    this.emptyKeyRefusal = emptyKeyRefusal;
    this.tagOpen = hashTag == null ? -1 : hashTag.charAt(0);
    this.tagClose = hashTag == null ? -1 : hashTag.charAt(1);
    this.dalliKeys = dalliKeys;
    this.dalliNamespace = dalliNamespace == null ? null : (dalliNamespace + ":").getBytes(UTF_8);
    this.plainStrings = hashTag == null && !dalliKeys;
  }

  /** Whether stored positions are complements (a ring that looks up the predecessor). */
  boolean predecessor() {
    return flip != 0;
  }

  /** The stored form of a ring point of unsigned 32-bit {@code value}. */
  int pointPosition(int value) {
    return (value ^ flip) ^ SIGN;
  }

  /** The position of {@code length} bytes of {@code key} from {@code offset}. */
  int position(byte[] key, int offset, int length) {
    if (length == 0) {
      return emptyPosition();
    }
    if (tagOpen >= 0) {
      int end = offset + length;
      int open = indexOf(key, tagOpen, offset, end);
      if (open >= 0) {
        int close = indexOf(key, tagClose, open + 1, end);
        // twemproxy hashes the part between the tags only when it is not empty.
        if (close > open + 1) {
          offset = open + 1;
          length = close - offset;
        }
      }
    }
    int value =
        (int)
            (dalliKeys
                ? DalliKeys.hash(hash, dalliNamespace, key, offset, length)
                : hash.hash(key, offset, length));
    return pointPosition(value);
  }

  /** The position of the UTF-8 bytes of {@code key}. */
  int position(String key) {
    if (key.isEmpty()) {
      return emptyPosition();
    }
    if (plainStrings
        || (dalliKeys && dalliNamespace == null && key.length() <= DalliKeys.MAX_CHARACTERS)) {
      // No rule needs the bytes (a Dalli key of at most 250 UTF-16 units has at most 250
      // characters): hash the string itself, which hashes like its UTF-8 bytes without
      // allocating.
      return pointPosition((int) hash.hash(key));
    }
    return (int) Utf8Keys.apply(key, positionOfBytes);
  }

  private int emptyPosition() {
    if (emptyKeyRefusal != null) {
      throw new IllegalArgumentException(emptyKeyRefusal);
    }
    return pointPosition(emptyKey == EmptyKey.ZERO ? 0 : (int) hash.hash(EMPTY, 0, 0));
  }

  private static int indexOf(byte[] key, int b, int from, int end) {
    for (int i = from; i < end; i++) {
      if (key[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
