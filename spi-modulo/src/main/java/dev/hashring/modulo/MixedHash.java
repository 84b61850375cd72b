package dev.hashring.modulo;

import dev.hashring.HashAlgorithm;

/**
 * A hash passed through MurmurHash3's 64-bit finalizer ({@code fmix64}), with the top bit cleared
 * so that the result is a non-negative {@code long}. The finalizer is a bijection, so no two hash
 * values collide; it only makes every output bit depend on every input bit.
 */
final class MixedHash implements HashAlgorithm {

  private final HashAlgorithm hash;

  MixedHash(HashAlgorithm hash) {
    this.hash = hash;
  }

  @Override
  public String name() {
    return hash.name();
  }

  @Override
  public int bits() {
    return 63;
  }

  @Override
  public long hash(byte[] key, int offset, int length) {
    return mix(hash.hash(key, offset, length));
  }

  @Override
  public long hash(String key) {
    return mix(hash.hash(key));
  }

  /** {@code fmix64(value) >>> 1}. */
  static long mix(long value) {
    long z = value;
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return (z ^ (z >>> 33)) >>> 1;
  }

  @Override
  public String toString() {
    return "fmix64(" + hash + ") >>> 1";
  }
}
