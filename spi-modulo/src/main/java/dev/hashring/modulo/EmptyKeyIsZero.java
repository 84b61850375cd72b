package dev.hashring.modulo;

import dev.hashring.HashAlgorithm;
import java.util.Objects;

/** A hash whose value for the empty key is 0, as twemproxy computes it ({@code keylen == 0}). */
final class EmptyKeyIsZero implements HashAlgorithm {

  private final HashAlgorithm hash;

  EmptyKeyIsZero(HashAlgorithm hash) {
    this.hash = hash;
  }

  @Override
  public String name() {
    return hash.name();
  }

  @Override
  public int bits() {
    return hash.bits();
  }

  @Override
  public long hash(byte[] key, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, key.length);
    return length == 0 ? 0 : hash.hash(key, offset, length);
  }

  @Override
  public long hash(String key) {
    return key.isEmpty() ? 0 : hash.hash(key);
  }

  @Override
  public String toString() {
    return hash + ", 0 for the empty key";
  }
}
