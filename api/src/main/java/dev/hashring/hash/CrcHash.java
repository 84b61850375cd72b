package dev.hashring.hash;

import com.google.auto.service.AutoService;
import dev.hashring.HashAlgorithm;

/**
 * {@code crc}: libmemcached's CRC, bits 16 to 30 of the standard CRC-32, {@code (crc32 >>> 16) &
 * 0x7fff}, 15 bits (0 to 32767).
 *
 * <p>This is libmemcached's {@code MEMCACHED_HASH_CRC}, twemproxy's {@code crc32}, spymemcached's
 * {@code CRC_HASH} and xmemcached's {@code CRC32_HASH}. {@code "apple"} hashes to 10542. With 15
 * bits it suits modulo distribution only: on a ketama ring, whose points are 32-bit, almost every
 * key lands on the first point.
 */
@AutoService(HashAlgorithm.class)
public final class CrcHash extends StandardHash {

  /** Creates the algorithm; {@link dev.hashring.HashAlgorithms#forName} returns a shared one. */
  public CrcHash() {
    super("crc", 15);
  }

  @Override
  long hashSlice(byte[] key, int offset, int length) {
    return Crc32Table.crc15(key, offset, length);
  }
}
