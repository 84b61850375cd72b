package dev.hashring.tck.broken;

import dev.hashring.HashAlgorithm;

/**
 * Broken on purpose: FNV-1a over the whole array, ignoring {@code offset} and {@code length}. Must
 * fail rule 3.2 (and 3.5 and 3.7, which depend on slices too).
 */
public final class WholeArrayHash implements HashAlgorithm {

  /** Used by {@code ServiceLoader}. */
  public WholeArrayHash() {}

  @Override
  public String name() {
    return "whole_array";
  }

  @Override
  public int bits() {
    return 32;
  }

  @Override
  public long hash(byte[] key, int offset, int length) {
    int hash = 0x811c9dc5;
    for (byte b : key) {
      hash = (hash ^ (b & 0xff)) * 0x01000193;
    }
    return hash & 0xffffffffL;
  }
}
