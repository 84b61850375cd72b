package dev.hashring.hash;

import com.google.auto.service.AutoService;
import dev.hashring.HashAlgorithm;

/**
 * {@code fnv1_32}: 32-bit FNV-1 over unsigned bytes, {@code h = (h * 16777619) ^ b} from {@code h =
 * 2166136261}.
 *
 * <p>{@code "apple"} hashes to 67176023. libmemcached and twemproxy mix bytes of 0x80 and above
 * sign-extended, and spymemcached and xmemcached mix UTF-16 characters; {@link
 * dev.hashring.spi.ClientHashes} has those variants.
 */
@AutoService(HashAlgorithm.class)
public final class Fnv1Hash32 extends StandardHash {

  /** Creates the algorithm; {@link dev.hashring.HashAlgorithms#forName} returns a shared one. */
  public Fnv1Hash32() {
    super("fnv1_32", 32);
  }

  @Override
  long hashSlice(byte[] key, int offset, int length) {
    return Fnv.fnv1With32Bits(key, offset, length, Fnv.UNSIGNED) & LOW_32;
  }
}
