package dev.hashring.hash4j.provider;

import com.dynatrace.hash4j.hashing.Hashing;
import com.google.auto.service.AutoService;
import dev.hashring.HashAlgorithm;

/**
 * {@code wyhash_final4}: Wang Yi's wyhash, "final version 4", with seed 0 and the default secret,
 * all 64 bits. The empty key hashes to {@code 0x0409638EE2BDE459}.
 */
@AutoService(HashAlgorithm.class)
public final class WyhashFinal4Hash extends Hash4jAlgorithm {

  /** Creates the algorithm; {@link dev.hashring.HashAlgorithms#forName} returns a shared one. */
  public WyhashFinal4Hash() {
    super("wyhash_final4", Hashing.wyhashFinal4());
  }
}
