package dev.hashring.maglev;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import dev.hashring.HashAlgorithm;
import java.util.Objects;

/**
 * XXH3-64 with seed 0 (hash4j), the key hash of the maglev ring. An unregistered {@link
 * HashAlgorithm}, so that {@link #hash(String)} encodes a {@code String} key as UTF-8 into the
 * api's per-thread buffer instead of allocating.
 */
final class Xxh3 implements HashAlgorithm {

  static final Xxh3 INSTANCE = new Xxh3();

  private static final Hasher64 XXH3 = Hashing.xxh3_64();

  private Xxh3() {}

  @Override
  public String name() {
    return "xxh3_64";
  }

  @Override
  public long hash(byte[] key, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, key.length);
    return XXH3.hashBytesToLong(key, offset, length);
  }

  @Override
  public String toString() {
    return "XXH3-64 (seed 0)";
  }
}
