package dev.hashring.anchor;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import dev.hashring.HashAlgorithm;
import java.util.Objects;

/**
 * XXH3 64-bit with seed 0 from hash4j, over the key bytes: the default key hash. It is built in, so
 * that the default needs no other jar; it is the same function that module {@code hashring-hash4j}
 * registers as {@code xxh3_64}, and the default of {@code jump}.
 */
final class Xxh3 implements HashAlgorithm {

  /** The registry name of the same function. */
  static final String NAME = "xxh3_64";

  static final Xxh3 INSTANCE = new Xxh3();

  private static final Hasher64 HASHER = Hashing.xxh3_64();

  private Xxh3() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public long hash(byte[] key, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, key.length);
    return HASHER.hashBytesToLong(key, offset, length);
  }

  @Override
  public String toString() {
    return "XXH3 64 (hash4j Hashing.xxh3_64())";
  }
}
