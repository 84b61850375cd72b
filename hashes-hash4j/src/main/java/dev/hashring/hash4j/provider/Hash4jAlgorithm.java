package dev.hashring.hash4j.provider;

import com.dynatrace.hash4j.hashing.Hasher64;
import dev.hashring.HashAlgorithm;
import java.util.Objects;

/**
 * A hash4j 64-bit hasher under a registry name: the slice check, all 64 bits, and a {@code
 * toString()} that prints the factory call. hash4j's hashers are immutable and thread-safe, and
 * hashing a byte array allocates nothing.
 */
abstract class Hash4jAlgorithm implements HashAlgorithm {

  private final String name;
  private final Hasher64 hasher;

  Hash4jAlgorithm(String name, Hasher64 hasher) {
    this.name = name;
    this.hasher = hasher;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final int bits() {
    return 64;
  }

  @Override
  public final long hash(byte[] key, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, key.length);
    return hasher.hashBytesToLong(key, offset, length);
  }

  @Override
  public final String toString() {
    return "HashAlgorithms.forName(\"" + name + "\")";
  }
}
