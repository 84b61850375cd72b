package dev.hashring.ketama;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hashring.HashAlgorithm;

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
  private final boolean utf16Hash;

  /**
   * @param hash the key hash
   * @param predecessor whether the ring looks up the last point at or below the hash
   * @param emptyKey what to do with an empty key
   * @param emptyKeyRefusal the message for an empty key, or {@code null} when it is placed
   * @param hashTag twemproxy's two tag characters, or {@code null}
   * @param dalliKeys whether long keys are truncated as Dalli truncates them
   * @param dalliNamespace a Dalli namespace, prefixed with {@code ':'} to every key, or {@code
   *     null}
   * @param utf16Hash whether {@code hash.hash(String)} hashes the string's UTF-16 characters, so
   *     that a string with an unpaired surrogate must be hashed through its UTF-8 bytes instead
   */
  KeyHasher(
      HashAlgorithm hash,
      boolean predecessor,
      EmptyKey emptyKey,
      String emptyKeyRefusal,
      String hashTag,
      boolean dalliKeys,
      String dalliNamespace,
      boolean utf16Hash) {
    this.hash = hash;
    this.flip = predecessor ? -1 : 0;
    this.emptyKey = emptyKey;
    this.emptyKeyRefusal = emptyKeyRefusal;
    this.tagOpen = hashTag == null ? -1 : hashTag.charAt(0);
    this.tagClose = hashTag == null ? -1 : hashTag.charAt(1);
    this.dalliKeys = dalliKeys;
    this.dalliNamespace = dalliNamespace == null ? null : (dalliNamespace + ":").getBytes(UTF_8);
    this.plainStrings = hashTag == null && !dalliKeys;
    this.utf16Hash = utf16Hash;
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
    if ((plainStrings
            || (dalliKeys && dalliNamespace == null && key.length() <= DalliKeys.MAX_CHARACTERS))
        && !(utf16Hash && hasSurrogate(key))) {
      // No rule needs the bytes (a Dalli key of at most 250 UTF-16 units has at most 250
      // characters): hash the string itself, which encodes without allocating. A client hash
      // over UTF-16 characters would see an unpaired surrogate that the UTF-8 bytes replace by
      // '?'; such strings, and any with surrogates, go through their bytes, as the Ring contract
      // defines a String key by its UTF-8 bytes.
      return pointPosition((int) hash.hash(key));
    }
    byte[] buffer = Utf8Buffer.buffer();
    int length = Utf8Buffer.encode(key, buffer);
    if (length < 0) {
      buffer = key.getBytes(UTF_8);
      length = buffer.length;
    }
    return position(buffer, 0, length);
  }

  private int emptyPosition() {
    if (emptyKeyRefusal != null) {
      throw new IllegalArgumentException(emptyKeyRefusal);
    }
    return pointPosition(emptyKey == EmptyKey.ZERO ? 0 : (int) hash.hash(EMPTY, 0, 0));
  }

  private static boolean hasSurrogate(String key) {
    for (int i = 0; i < key.length(); i++) {
      if (Character.isSurrogate(key.charAt(i))) {
        return true;
      }
    }
    return false;
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
