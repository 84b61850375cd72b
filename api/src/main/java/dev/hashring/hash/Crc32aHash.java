package dev.hashring.hash;

import com.google.auto.service.AutoService;
import dev.hashring.HashAlgorithm;

/**
 * {@code crc32a}: the standard CRC-32 (as {@link java.util.zip.CRC32} computes it), 32 bits;
 * twemproxy's {@code crc32a}.
 *
 * <p>{@code "apple"} hashes to 2838417488.
 */
@AutoService(HashAlgorithm.class)
public final class Crc32aHash extends StandardHash {

  /** Creates the algorithm; {@link dev.hashring.HashAlgorithms#forName} returns a shared one. */
  public Crc32aHash() {
    super("crc32a", 32);
  }

  @Override
  long hashSlice(byte[] key, int offset, int length) {
    return Crc32Table.crc32(key, offset, length) & LOW_32;
  }
}
