package dev.hashring.ketama;

import static java.nio.charset.StandardCharsets.US_ASCII;

import dev.hashring.HashAlgorithm;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The key Dalli hashes ({@code Dalli::KeyManager#validate_key}, Dalli 3.x): a key of more than 250
 * characters becomes its first 212 characters, {@code ":md5:"} and the lower-case hex MD5 of the
 * whole key, 249 characters in all; shorter keys are hashed as they are.
 *
 * <p>Dalli counts characters of a Ruby UTF-8 string, not bytes, so a key of 250 Cyrillic letters
 * (500 bytes) is hashed whole. A byte that does not start a valid UTF-8 sequence counts as one
 * character, as Ruby's {@code String#length} counts it.
 *
 * <p>With a namespace Dalli measures and hashes {@code namespace + ":" + key}, and keeps 213
 * characters of a long one ("for historical reasons", 250 rather than 249 in all).
 */
final class DalliKeys {

  /** Keys of more characters than this are truncated ({@code MAX_KEY_LENGTH}). */
  static final int MAX_CHARACTERS = 250;

  /** Characters kept: {@code TRUNCATED_KEY_TARGET_SIZE} 249 minus {@code ":md5:"} and 32 hex. */
  private static final int PREFIX_CHARACTERS = 212;

  /** Characters kept of a namespaced key: one more. */
  private static final int NAMESPACED_PREFIX_CHARACTERS = 213;

  /** Namespaced keys of up to this many bytes are assembled in the per-thread buffer. */
  private static final int ASSEMBLY_CAPACITY = 1024;

  private static final byte[] SEPARATOR = ":md5:".getBytes(US_ASCII);
  private static final byte[] HEX = "0123456789abcdef".getBytes(US_ASCII);

  /** Per-thread scratch space, so that hashing a long key allocates nothing. */
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private DalliKeys() {}

  /**
   * The hash of the key Dalli would hash for these bytes, with a namespace.
   *
   * @param namespace the namespace's UTF-8 bytes followed by {@code ':'}, or {@code null}
   */
  static long hash(HashAlgorithm hash, byte[] namespace, byte[] key, int offset, int length) {
    if (namespace == null) {
      return hash(hash, key, offset, length, PREFIX_CHARACTERS);
    }
    int total = namespace.length + length;
    byte[] assembled = total <= ASSEMBLY_CAPACITY ? SCRATCH.get().namespaced : new byte[total];
    System.arraycopy(namespace, 0, assembled, 0, namespace.length);
    System.arraycopy(key, offset, assembled, namespace.length, length);
    return hash(hash, assembled, 0, total, NAMESPACED_PREFIX_CHARACTERS);
  }

  private static long hash(HashAlgorithm hash, byte[] key, int offset, int length, int kept) {
    if (length <= MAX_CHARACTERS) {
      return hash.hash(key, offset, length); // never more characters than bytes
    }
    int end = offset + length;
    int characters = 0;
    int prefixEnd = -1;
    for (int at = offset; at < end; characters++) {
      if (characters == kept) {
        prefixEnd = at;
      }
      at += characterLength(key, at, end);
    }
    if (characters <= MAX_CHARACTERS) {
      return hash.hash(key, offset, length);
    }
    Scratch scratch = SCRATCH.get();
    int prefix = prefixEnd - offset;
    System.arraycopy(key, offset, scratch.truncated, 0, prefix);
    System.arraycopy(SEPARATOR, 0, scratch.truncated, prefix, SEPARATOR.length);
    scratch.md5.update(key, offset, length);
    try {
      scratch.md5.digest(scratch.digest, 0, 16);
    } catch (DigestException impossible) {
      throw new IllegalStateException(impossible);
    }
    int at = prefix + SEPARATOR.length;
    for (byte b : scratch.digest) {
      scratch.truncated[at++] = HEX[(b >> 4) & 0xF];
      scratch.truncated[at++] = HEX[b & 0xF];
    }
    return hash.hash(scratch.truncated, 0, at);
  }

  /**
   * The length of the character at {@code at}: that of a valid UTF-8 sequence (no overlong forms,
   * no surrogates, nothing above U+10FFFF), else 1, as Ruby's {@code rb_enc_mbclen} counts.
   */
  static int characterLength(byte[] key, int at, int end) {
    int b = key[at] & 0xFF;
    if (b < 0x80) {
      return 1;
    }
    int length;
    int secondLow = 0x80;
    int secondHigh = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      length = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      length = 3;
      if (b == 0xE0) {
        secondLow = 0xA0;
      } else if (b == 0xED) {
        secondHigh = 0x9F;
      }
    } else if (b >= 0xF0 && b <= 0xF4) {
      length = 4;
      if (b == 0xF0) {
        secondLow = 0x90;
      } else if (b == 0xF4) {
        secondHigh = 0x8F;
      }
    } else {
      return 1;
    }
    if (at + length > end) {
      return 1;
    }
    int second = key[at + 1] & 0xFF;
    if (second < secondLow || second > secondHigh) {
      return 1;
    }
    for (int i = 2; i < length; i++) {
      int next = key[at + i] & 0xFF;
      if (next < 0x80 || next > 0xBF) {
        return 1;
      }
    }
    return length;
  }

  private static final class Scratch {
    final MessageDigest md5;
    final byte[] digest = new byte[16];
    // At most 213 characters of at most 4 bytes, then ":md5:" and 32 hex digits.
    final byte[] truncated = new byte[NAMESPACED_PREFIX_CHARACTERS * 4 + 5 + 32];
    final byte[] namespaced = new byte[ASSEMBLY_CAPACITY];

    Scratch() {
      try {
        md5 = MessageDigest.getInstance("MD5");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("MD5 is missing from this Java runtime", e);
      }
    }
  }
}
