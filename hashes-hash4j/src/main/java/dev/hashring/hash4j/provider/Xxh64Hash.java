package dev.hashring.hash4j.provider;

import com.dynatrace.hash4j.hashing.Hashing;
import com.google.auto.service.AutoService;
import dev.hashring.HashAlgorithm;

/**
 * {@code xxh64}: the classic XXH64 of xxHash with seed 0, all 64 bits, for interoperating with
 * systems that store XXH64 values. The empty key hashes to {@code 0xEF46DB3751D8E999}.
 */
@AutoService(HashAlgorithm.class)
public final class Xxh64Hash extends Hash4jAlgorithm {

  /** Creates the algorithm; {@link dev.hashring.HashAlgorithms#forName} returns a shared one. */
  public Xxh64Hash() {
    super("xxh64", Hashing.xxh64());
  }
}
