package dev.hashring.hash4j.provider;

import com.dynatrace.hash4j.hashing.Hashing;
import com.google.auto.service.AutoService;
import dev.hashring.HashAlgorithm;

/**
 * {@code xxh3_64}: XXH3 64-bit ({@code XXH3_64bits}, stable since xxHash 0.8.0) with seed 0, all 64
 * bits. The fastest choice for short keys; the empty key hashes to {@code 0x2D06800538D394C2}.
 */
@AutoService(HashAlgorithm.class)
public final class Xxh3Hash extends Hash4jAlgorithm {

  /** Creates the algorithm; {@link dev.hashring.HashAlgorithms#forName} returns a shared one. */
  public Xxh3Hash() {
    super("xxh3_64", Hashing.xxh3_64());
  }
}
