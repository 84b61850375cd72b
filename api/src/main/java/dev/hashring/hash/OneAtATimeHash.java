package dev.hashring.hash;

import com.google.auto.service.AutoService;
import dev.hashring.HashAlgorithm;
import java.util.Set;

/**
 * {@code one_at_a_time} (alias {@code default}): Bob Jenkins' one-at-a-time hash over unsigned
 * bytes, 32 bits; libmemcached's default key hash.
 *
 * <pre>
 * h = 0
 * for each byte b: h += b; h += h &lt;&lt; 10; h ^= h &gt;&gt;&gt; 6
 * h += h &lt;&lt; 3; h ^= h &gt;&gt;&gt; 11; h += h &lt;&lt; 15
 * </pre>
 *
 * <p>{@code "apple"} hashes to 2297466611. libmemcached and twemproxy mix bytes of 0x80 and above
 * sign-extended, so they differ on non-ASCII keys; {@link dev.hashring.spi.ClientHashes} has those
 * variants.
 */
@AutoService(HashAlgorithm.class)
public final class OneAtATimeHash extends StandardHash {

  /** Creates the algorithm; {@link dev.hashring.HashAlgorithms#forName} returns a shared one. */
  public OneAtATimeHash() {
    super("one_at_a_time", 32);
  }

  /**
   * The alias {@code default}, libmemcached's name for this hash.
   *
   * @return {@code Set.of("default")}
   */
  @Override
  public Set<String> aliases() {
    return Set.of("default");
  }

  @Override
  long hashSlice(byte[] key, int offset, int length) {
    return oneAtATime(key, offset, length, Fnv.UNSIGNED) & LOW_32;
  }

  /** The hash with bytes masked by {@code byteMask}: {@link Fnv#UNSIGNED} or sign-extended. */
  static int oneAtATime(byte[] key, int offset, int length, int byteMask) {
    int h = 0;
    for (int i = offset, end = offset + length; i < end; i++) {
      h += key[i] & byteMask;
      h += h << 10;
      h ^= h >>> 6;
    }
    h += h << 3;
    h ^= h >>> 11;
    h += h << 15;
    return h;
  }
}
