package dev.hashring.hash;

import dev.hashring.HashAlgorithm;
import java.util.Objects;

/**
 * What every registered algorithm of this package shares: its name and width, the slice check, and
 * a {@code toString()} that prints the factory call.
 */
abstract class StandardHash implements HashAlgorithm {

  /** Keeps the low 32 bits of a value, as an unsigned number. */
  static final long LOW_32 = 0xFFFF_FFFFL;

  private final String name;
  private final int bits;

  StandardHash(String name, int bits) {
    this.name = name;
    this.bits = bits;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final int bits() {
    return bits;
  }

  @Override
  public final long hash(byte[] key, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, key.length);
    return hashSlice(key, offset, length);
  }

  /** The hash of a slice already known to lie within {@code key}. */
  abstract long hashSlice(byte[] key, int offset, int length);

  @Override
  public final String toString() {
    return "HashAlgorithms.forName(\"" + name + "\")";
  }
}
