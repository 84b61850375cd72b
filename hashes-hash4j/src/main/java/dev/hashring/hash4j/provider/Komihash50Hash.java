package dev.hashring.hash4j.provider;

import com.dynatrace.hash4j.hashing.Hashing;
import com.google.auto.service.AutoService;
import dev.hashring.HashAlgorithm;

/**
 * {@code komihash5_0}: Aleksey Vaneev's komihash, version 5.0 output, with seed 0, all 64 bits.
 * Later komihash versions that change the output get new names. {@code "This is a 32-byte testing
 * string"} hashes to {@code 0x05AD960802903A9D}.
 */
@AutoService(HashAlgorithm.class)
public final class Komihash50Hash extends Hash4jAlgorithm {

  /** Creates the algorithm; {@link dev.hashring.HashAlgorithms#forName} returns a shared one. */
  public Komihash50Hash() {
    super("komihash5_0", Hashing.komihash5_0());
  }
}
