package dev.hashring.hash;

/**
 * The standard CRC-32 (reflected polynomial {@code 0xEDB88320}, initial value and final xor {@code
 * 0xFFFFFFFF}), one table lookup per byte. {@code crc32a} is this value; libmemcached's {@code crc}
 * keeps 15 of its bits.
 */
final class Crc32Table {

  private static final int[] TABLE = new int[256];

  static {
    for (int n = 0; n < 256; n++) {
      int c = n;
      for (int k = 0; k < 8; k++) {
        c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
      }
      TABLE[n] = c;
    }
  }

  private Crc32Table() {}

  /** The CRC-32 of a slice, as an unsigned 32-bit value in an int. */
  static int crc32(byte[] key, int offset, int length) {
    int crc = 0xFFFFFFFF;
    for (int i = offset, end = offset + length; i < end; i++) {
      crc = (crc >>> 8) ^ TABLE[(crc ^ key[i]) & 0xFF];
    }
    return ~crc;
  }

  /** libmemcached's CRC: bits 16 to 30 of the CRC-32, a value from 0 to 32767. */
  static int crc15(byte[] key, int offset, int length) {
    return (crc32(key, offset, length) >>> 16) & 0x7FFF;
  }
}
