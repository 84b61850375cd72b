package dev.hashring.tck.broken;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** MD5 and its little-endian 32-bit words, as the Python rings and ketama use them. */
final class Md5 {

  private Md5() {}

  private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Md5::newDigest);

  /** Per thread, for {@link #keyHash}: a lookup that allocates is not what these rings break. */
  private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[16]);

  static byte[] digest(byte[] bytes) {
    return DIGEST.get().digest(bytes);
  }

  /** Word 0 of the key's digest, without allocating (rule 1.10). */
  static long keyHash(byte[] key) {
    MessageDigest md5 = DIGEST.get();
    byte[] buffer = BUFFER.get();
    md5.update(key);
    try {
      md5.digest(buffer, 0, buffer.length);
    } catch (DigestException impossible) {
      throw new IllegalStateException("an MD5 digest takes 16 bytes", impossible);
    }
    return word(buffer, 0);
  }

  static byte[] digest(String text) {
    return digest(text.getBytes(UTF_8));
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every JVM has MD5", impossible);
    }
  }

  /** Word {@code index} (0 to 3) of a digest, little-endian, unsigned. */
  static long word(byte[] digest, int index) {
    int at = 4 * index;
    return (digest[at] & 0xffL)
        | (digest[at + 1] & 0xffL) << 8
        | (digest[at + 2] & 0xffL) << 16
        | (digest[at + 3] & 0xffL) << 24;
  }
}
