package dev.hashring.tck.broken;

import dev.hashring.HashAlgorithm;

/**
 * Broken on purpose: hashes the array's identity, not its bytes, so equal keys in different arrays
 * get different hashes. Must fail rule 3.1 (among others).
 */
public final class IdentityHash implements HashAlgorithm {

  /** Used by {@code ServiceLoader}. */
  public IdentityHash() {}

  @Override
  public String name() {
    return "identity";
  }

  @Override
  public int bits() {
    return 32;
  }

  @Override
  public long hash(byte[] key, int offset, int length) {
    return System.identityHashCode(key) & 0xffffffffL;
  }
}
