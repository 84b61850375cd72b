package dev.hashring.hash;

import com.google.auto.service.AutoService;
import dev.hashring.HashAlgorithm;

/**
 * {@code fnv1a_32}: 32-bit FNV-1a over unsigned bytes, {@code h = (h ^ b) * 16777619} from {@code h
 * = 2166136261}.
 *
 * <p>{@code "apple"} hashes to 280767167. libmemcached and twemproxy mix bytes of 0x80 and above
 * sign-extended, and spymemcached and xmemcached mix UTF-16 characters; {@link
 * dev.hashring.spi.ClientHashes} has those variants.
 */
@AutoService(HashAlgorithm.class)
public final class Fnv1aHash32 extends StandardHash {

  /** Creates the algorithm; {@link dev.hashring.HashAlgorithms#forName} returns a shared one. */
  public Fnv1aHash32() {
    super("fnv1a_32", 32);
  }

  @Override
  long hashSlice(byte[] key, int offset, int length) {
    return Fnv.fnv1aWith32Bits(key, offset, length, Fnv.UNSIGNED) & LOW_32;
  }
}
