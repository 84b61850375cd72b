package dev.hashring.tck.reference;

import dev.hashring.HashAlgorithm;
import java.util.Objects;

/**
 * A small, correct hash algorithm that must pass every rule of the TCK: textbook FNV-1a, 64 bits.
 */
public final class Fnv1a64 implements HashAlgorithm {

  /** Used by {@code ServiceLoader}. */
  public Fnv1a64() {}

  @Override
  public String name() {
    return "tck_fnv1a_64";
  }

  @Override
  public long hash(byte[] key, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, key.length);
    return WeightedRendezvous.fnv1a(key, offset, length);
  }
}
