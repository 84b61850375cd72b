package dev.hashring.hash;

import com.google.auto.service.AutoService;
import dev.hashring.HashAlgorithm;

/**
 * {@code fnv1_64}: 64-bit FNV-1 over unsigned bytes, {@code h = (h * 0x100000001b3) ^ b} from
 * {@code h = 0xcbf29ce484222325}, all 64 bits.
 *
 * <p>Clients keep the low 32 bits: for {@code "apple"} they are 473199127, libmemcached's and
 * twemproxy's {@code fnv1_64}. Those two mix bytes of 0x80 and above sign-extended, and
 * spymemcached and xmemcached mix UTF-16 characters; {@link dev.hashring.spi.ClientHashes} has
 * those variants.
 */
@AutoService(HashAlgorithm.class)
public final class Fnv1Hash64 extends StandardHash {

  /** Creates the algorithm; {@link dev.hashring.HashAlgorithms#forName} returns a shared one. */
  public Fnv1Hash64() {
    super("fnv1_64", 64);
  }

  @Override
  long hashSlice(byte[] key, int offset, int length) {
    return Fnv.fnv1With64Bits(key, offset, length, Fnv.UNSIGNED);
  }
}
