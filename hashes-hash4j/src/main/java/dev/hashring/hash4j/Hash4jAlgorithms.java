package dev.hashring.hash4j;

import dev.hashring.HashAlgorithm;
import dev.hashring.hash4j.provider.Komihash50Hash;
import dev.hashring.hash4j.provider.WyhashFinal4Hash;
import dev.hashring.hash4j.provider.Xxh3Hash;
import dev.hashring.hash4j.provider.Xxh64Hash;

/**
 * The hash algorithms of this jar, for code that wants one directly rather than by name from {@link
 * dev.hashring.HashAlgorithms}: selectors whose default key hash is {@code xxh3_64} (jump, anchor,
 * rendezvous, maglev) use it so that their default needs no registry lookup. Each is the same
 * function as the registered algorithm of that name.
 */
public final class Hash4jAlgorithms {

  private static final HashAlgorithm XXH3_64 = new Xxh3Hash();
  private static final HashAlgorithm XXH64 = new Xxh64Hash();
  private static final HashAlgorithm KOMIHASH5_0 = new Komihash50Hash();
  private static final HashAlgorithm WYHASH_FINAL4 = new WyhashFinal4Hash();

  private Hash4jAlgorithms() {}

  /**
   * XXH3 64-bit with seed 0: {@code xxh3_64}.
   *
   * @return a shared instance
   */
  public static HashAlgorithm xxh3_64() {
    return XXH3_64;
  }

  /**
   * XXH64 with seed 0: {@code xxh64}.
   *
   * @return a shared instance
   */
  public static HashAlgorithm xxh64() {
    return XXH64;
  }

  /**
   * komihash 5.0 with seed 0: {@code komihash5_0}.
   *
   * @return a shared instance
   */
  public static HashAlgorithm komihash5_0() {
    return KOMIHASH5_0;
  }

  /**
   * wyhash final version 4 with seed 0: {@code wyhash_final4}.
   *
   * @return a shared instance
   */
  public static HashAlgorithm wyhash_final4() {
    return WYHASH_FINAL4;
  }
}
