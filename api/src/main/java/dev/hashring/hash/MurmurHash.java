package dev.hashring.hash;

import com.google.auto.service.AutoService;
import dev.hashring.HashAlgorithm;

/**
 * {@code murmur}: MurmurHash2, 32 bits, with libmemcached's and twemproxy's seed {@code 0xdeadbeef
 * * length} (mod 2^32); the key is read in little-endian 4-byte blocks.
 *
 * <p>{@code "apple"} hashes to 4142305122.
 */
@AutoService(HashAlgorithm.class)
public final class MurmurHash extends StandardHash {

  private static final int M = 0x5BD1E995;

  /** Creates the algorithm; {@link dev.hashring.HashAlgorithms#forName} returns a shared one. */
  public MurmurHash() {
    super("murmur", 32);
  }

  @Override
  long hashSlice(byte[] key, int offset, int length) {
    return murmur2(key, offset, length, 0xDEADBEEF * length) & LOW_32;
  }

  /** MurmurHash2 (32-bit) of a slice with any seed. */
  static int murmur2(byte[] key, int offset, int length, int seed) {
    int h = seed ^ length;
    int at = offset;
    for (int end = offset + (length & ~3); at < end; at += 4) {
      int k = LittleEndian.int32(key, at) * M;
      k ^= k >>> 24;
      h = (h * M) ^ (k * M);
    }
    int rest = length & 3;
    if (rest != 0) {
      h = (h ^ LittleEndian.tail(key, at, rest)) * M;
    }
    h ^= h >>> 13;
    h *= M;
    h ^= h >>> 15;
    return h;
  }
}
