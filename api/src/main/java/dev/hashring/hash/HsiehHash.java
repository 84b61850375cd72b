package dev.hashring.hash;

import com.google.auto.service.AutoService;
import dev.hashring.HashAlgorithm;

/**
 * {@code hsieh}: Paul Hsieh's SuperFastHash as twemproxy's {@code src/hashkit/nc_hsieh.c} computes
 * it, over unsigned bytes, 32 bits. Unlike Hsieh's reference code, the hash starts at 0 (not at the
 * key length), and the empty key hashes to 0.
 *
 * <p>{@code "apple"} hashes to 3738850110 (twemproxy's {@code src/test_all.c}). twemproxy reads the
 * third byte of a 3-byte tail sign-extended, so it differs on some non-ASCII keys; Debian's
 * libmemcached is built without this hash. {@link dev.hashring.spi.ClientHashes} has both.
 */
@AutoService(HashAlgorithm.class)
public final class HsiehHash extends StandardHash {

  /** Creates the algorithm; {@link dev.hashring.HashAlgorithms#forName} returns a shared one. */
  public HsiehHash() {
    super("hsieh", 32);
  }

  @Override
  long hashSlice(byte[] key, int offset, int length) {
    return hsieh(key, offset, length, Fnv.UNSIGNED) & LOW_32;
  }

  /**
   * The hash, with the third byte of a 3-byte tail masked by {@code tailByteMask}: {@link
   * Fnv#UNSIGNED}, or {@link Fnv#SIGN_EXTENDED} as twemproxy reads it.
   */
  static int hsieh(byte[] key, int offset, int length, int tailByteMask) {
    if (length == 0) {
      return 0;
    }
    int h = 0;
    int at = offset;
    for (int end = offset + (length & ~3); at < end; at += 4) {
      h += LittleEndian.uint16(key, at);
      int tmp = (LittleEndian.uint16(key, at + 2) << 11) ^ h;
      h = (h << 16) ^ tmp;
      h += h >>> 11;
    }
    switch (length & 3) {
      case 3:
        h += LittleEndian.uint16(key, at);
        h ^= h << 16;
        h ^= (key[at + 2] & tailByteMask) << 18;
        h += h >>> 11;
        break;
      case 2:
        h += LittleEndian.uint16(key, at);
        h ^= h << 11;
        h += h >>> 17;
        break;
      case 1:
        h += key[at] & 0xFF;
        h ^= h << 10;
        h += h >>> 1;
        break;
      default:
        break;
    }
    h ^= h << 3;
    h += h >>> 5;
    h ^= h << 4;
    h += h >>> 17;
    h ^= h << 25;
    h += h >>> 6;
    return h;
  }
}
