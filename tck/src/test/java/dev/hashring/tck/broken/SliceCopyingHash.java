package dev.hashring.tck.broken;

import dev.hashring.HashAlgorithm;
import java.util.Arrays;
import java.util.Objects;

/**
 * Broken on purpose: textbook FNV-1a (64 bits), computed over a copy of the slice ({@code
 * Arrays.copyOfRange}) rather than the slice in place, so every call allocates an array as long as
 * the key. Every hash is right. Must fail rule 3.10, and only that.
 */
public final class SliceCopyingHash implements HashAlgorithm {

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
    long hash = 0xcbf29ce484222325L;
    for (byte b : slice) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }
}
