package dev.hashring.hash;

import com.google.auto.service.AutoService;
import dev.hashring.HashAlgorithm;

/**
 * {@code murmur3}: MurmurHash3 x86_32 with libmemcached's seed {@code 0xdeadbeef * length} (mod
 * 2^32), 32 bits; Guava's {@code Hashing.murmur3_32_fixed(0xdeadbeef * length)} computes the same.
 *
 * <p>{@code "apple"} hashes to 1120212521.
 */
@AutoService(HashAlgorithm.class)
public final class Murmur3Hash extends StandardHash {

  private static final int C1 = 0xCC9E2D51;
  private static final int C2 = 0x1B873593;

  /** Creates the algorithm; {@link dev.hashring.HashAlgorithms#forName} returns a shared one. */
  public Murmur3Hash() {
    super("murmur3", 32);
  }

  @Override
  long hashSlice(byte[] key, int offset, int length) {
    return murmur3(key, offset, length, 0xDEADBEEF * length) & LOW_32;
  }

  /** MurmurHash3 x86_32 of a slice with any seed. */
  static int murmur3(byte[] key, int offset, int length, int seed) {
    int h = seed;
    int at = offset;
    for (int end = offset + (length & ~3); at < end; at += 4) {
      h ^= mixKey(LittleEndian.int32(key, at));
      h = Integer.rotateLeft(h, 13) * 5 + 0xE6546B64;
    }
    int rest = length & 3;
    if (rest != 0) {
      h ^= mixKey(LittleEndian.tail(key, at, rest));
    }
    h ^= length;
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    h ^= h >>> 16;
    return h;
  }

  private static int mixKey(int k) {
    return Integer.rotateLeft(k * C1, 15) * C2;
  }
}
