package dev.hashring.hash;

import com.google.auto.service.AutoService;
import dev.hashring.HashAlgorithm;

/**
 * {@code fnv1a_64}: 64-bit FNV-1a over unsigned bytes, {@code h = (h ^ b) * 0x100000001b3} from
 * {@code h = 0xcbf29ce484222325}, all 64 bits.
 *
 * <p>Clients keep the low 32 bits: for {@code "apple"} they are 1488911807, libmemcached's and
 * twemproxy's {@code fnv1a_64} (which compute only those 32 bits). Those two mix bytes of 0x80 and
 * above sign-extended, and spymemcached and xmemcached mix UTF-16 characters; {@link
 * dev.hashring.spi.ClientHashes} has those variants.
 */
@AutoService(HashAlgorithm.class)
public final class Fnv1aHash64 extends StandardHash {

  /** Creates the algorithm; {@link dev.hashring.HashAlgorithms#forName} returns a shared one. */
  public Fnv1aHash64() {
    super("fnv1a_64", 64);
  }

  @Override
  long hashSlice(byte[] key, int offset, int length) {
    return Fnv.fnv1aWith64Bits(key, offset, length, Fnv.UNSIGNED);
  }
}
