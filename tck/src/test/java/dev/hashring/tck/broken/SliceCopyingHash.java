package dev.hashring.tck.broken;

import dev.hashring.HashAlgorithm;
import dev.hashring.tck.reference.Fnv1a64;
import java.util.Arrays;
import java.util.Objects;

/**
 * Broken on purpose: textbook FNV-1a (64 bits), computed over a copy of the slice ({@code
 * Arrays.copyOfRange}) rather than the slice in place, so every call allocates an array as long as
 * the key. Every hash is right. Must fail rule 3.10, and only that.
 */
public final class SliceCopyingHash implements HashAlgorithm {

  private static final Fnv1a64 FNV = new Fnv1a64();

  /** Used by {@code ServiceLoader}. */
  public SliceCopyingHash() {}

  @Override
  public String name() {
    return "slice_copying_fnv1a_64";
  }

  @Override
  public long hash(byte[] key, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, key.length);
    byte[] slice = Arrays.copyOfRange(key, offset, offset + length);
    return FNV.hash(slice, 0, slice.length);
  }
}
