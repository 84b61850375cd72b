package dev.hashring.rendezvous;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * MurmurHash3 x86_32 as pymemcache's {@code murmur3_32(data, seed)} computes it: over the low byte
 * of each character of a Python {@code str}, with the length counted in characters. Callers pass
 * those low bytes (see {@link PythonKeyText}); for ASCII text they are the text's bytes, and the
 * result is the standard MurmurHash3.
 *
 * <p>pymemcache hashes {@code node + "-" + key} for every node. The node part is the same for every
 * key, so a ring hashes it once: {@link #prefix} keeps the state after the prefix (the running
 * hash, the bytes of an unfinished block, the length so far), and {@link #finish} continues with
 * the key. That is the same function, split in two.
 */
final class PymemcacheMurmur3 {

  private static final int C1 = 0xcc9e2d51;
  private static final int C2 = 0x1b873593;
  private static final VarHandle LITTLE_ENDIAN_INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  /** The running hash after the complete blocks of a prefix. */
  final int hash;

  /** The prefix bytes after its last complete block, little-endian, in the low bits. */
  final int pending;

  /** How many bytes the prefix has; {@code length & 3} of them are in {@link #pending}. */
  final int length;

  private PymemcacheMurmur3(int hash, int pending, int length) {
    this.hash = hash;
    this.pending = pending;
    this.length = length;
  }

  /**
   * The state after hashing {@code prefix} with {@code seed}.
   *
   * @param prefix the low bytes of the prefix's characters
   */
  static PymemcacheMurmur3 prefix(byte[] prefix, int seed) {
    int h = seed;
    int blocks = prefix.length & ~3;
    for (int i = 0; i < blocks; i += 4) {
      h = mixBlock(h, (int) LITTLE_ENDIAN_INT.get(prefix, i));
    }
    int pending = 0;
    for (int i = blocks; i < prefix.length; i++) {
      pending |= (prefix[i] & 0xff) << (8 * (i - blocks));
    }
    return new PymemcacheMurmur3(h, pending, prefix.length);
  }

  /**
   * {@code murmur3_32(data, seed)} of pymemcache, for text whose characters' low bytes are {@code
   * data[0, length)}.
   */
  static long hash(byte[] data, int length, int seed) {
    return finish(seed, 0, 0, data, length);
  }

  /**
   * Continues the hash of a prefix (state {@code hash}, {@code pending}, {@code prefixLength}) with
   * {@code text[0, length)} and finishes it.
   *
   * @return the unsigned 32-bit hash of prefix and text together
   */
  static long finish(int hash, int pending, int prefixLength, byte[] text, int length) {
    int h = hash;
    int k = pending;
    int filled = prefixLength & 3;
    int i = 0;
    if (filled != 0) {
      // Complete the block the prefix left unfinished.
      while (filled < 4 && i < length) {
        k |= (text[i++] & 0xff) << (8 * filled++);
      }
      if (filled == 4) {
        h = mixBlock(h, k);
        k = 0;
        filled = 0;
      }
    }
    for (; i + 4 <= length; i += 4) {
      h = mixBlock(h, (int) LITTLE_ENDIAN_INT.get(text, i));
    }
    for (; i < length; i++) {
      k |= (text[i] & 0xff) << (8 * filled++);
    }
    if (filled != 0) {
      h ^= mixK(k);
    }
    h ^= prefixLength + length;
    return fmix(h) & 0xffffffffL;
  }

  private static int mixK(int k) {
    return Integer.rotateLeft(k * C1, 15) * C2;
  }

  private static int mixBlock(int h, int k) {
    return Integer.rotateLeft(h ^ mixK(k), 13) * 5 + 0xe6546b64;
  }

  private static int fmix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
