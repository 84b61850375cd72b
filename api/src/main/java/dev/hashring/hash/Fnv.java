package dev.hashring.hash;

/**
 * Fowler–Noll–Vo hashes over bytes, FNV-1 ({@code h = (h * prime) ^ b}) and FNV-1a ({@code h = (h ^
 * b) * prime}), in 32 and 64 bits.
 *
 * <p>Every function takes a byte mask: {@link #UNSIGNED} mixes each byte as 0 to 255, the textbook
 * definition; {@link #SIGN_EXTENDED} mixes it as C's {@code (uint32_t)(char) b} or {@code
 * (uint64_t)(char) b} on a platform whose {@code char} is signed, as libmemcached and twemproxy do
 * on x86-64. The two agree on ASCII keys.
 */
final class Fnv {

  static final int OFFSET_BASIS_32 = 0x811C9DC5;
  static final int PRIME_32 = 0x01000193;
  static final long OFFSET_BASIS_64 = 0xCBF29CE484222325L;
  static final long PRIME_64 = 0x100000001B3L;

  /** Mixes bytes as unsigned values. */
  static final int UNSIGNED = 0xFF;

  /** Mixes bytes sign-extended, like C code reading a signed {@code char}. */
  static final int SIGN_EXTENDED = -1;

  private Fnv() {}

  static int fnv1With32Bits(byte[] key, int offset, int length, int byteMask) {
    int h = OFFSET_BASIS_32;
    for (int i = offset, end = offset + length; i < end; i++) {
      h = (h * PRIME_32) ^ (key[i] & byteMask);
    }
    return h;
  }

  static int fnv1aWith32Bits(byte[] key, int offset, int length, int byteMask) {
    int h = OFFSET_BASIS_32;
    for (int i = offset, end = offset + length; i < end; i++) {
      h = (h ^ (key[i] & byteMask)) * PRIME_32;
    }
    return h;
  }

  static long fnv1With64Bits(byte[] key, int offset, int length, int byteMask) {
    long h = OFFSET_BASIS_64;
    for (int i = offset, end = offset + length; i < end; i++) {
      h = (h * PRIME_64) ^ (key[i] & (long) byteMask);
    }
    return h;
  }

  static long fnv1aWith64Bits(byte[] key, int offset, int length, int byteMask) {
    long h = OFFSET_BASIS_64;
    for (int i = offset, end = offset + length; i < end; i++) {
      h = (h ^ (key[i] & (long) byteMask)) * PRIME_64;
    }
    return h;
  }
}
