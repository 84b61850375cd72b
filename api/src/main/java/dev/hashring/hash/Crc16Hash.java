package dev.hashring.hash;

import com.google.auto.service.AutoService;
import dev.hashring.HashAlgorithm;

/**
 * {@code crc16}: twemproxy's CRC-16, 32 bits: the CRC-16/XMODEM table (polynomial {@code 0x1021},
 * initial value 0), computed in a 32-bit state that is never masked to 16 bits.
 *
 * <pre>
 * crc = 0
 * for each byte b: crc = (crc &lt;&lt; 8) ^ table[((crc &gt;&gt;&gt; 8) ^ b) &amp; 0xff]
 * </pre>
 *
 * <p>Only the low 16 bits are the real CRC-16/XMODEM; the bits above are what twemproxy 0.5.0
 * ({@code src/hashkit/nc_crc16.c}) leaves there, and are part of its placement. {@code "apple"}
 * hashes to 3662830516.
 */
@AutoService(HashAlgorithm.class)
public final class Crc16Hash extends StandardHash {

  private static final int[] TABLE = new int[256];

  static {
    for (int n = 0; n < 256; n++) {
      int c = n << 8;
      for (int k = 0; k < 8; k++) {
        c = (c & 0x8000) != 0 ? (c << 1) ^ 0x1021 : c << 1;
      }
      TABLE[n] = c & 0xFFFF;
    }
  }

  /** Creates the algorithm; {@link dev.hashring.HashAlgorithms#forName} returns a shared one. */
  public Crc16Hash() {
    super("crc16", 32);
  }

  @Override
  long hashSlice(byte[] key, int offset, int length) {
    int crc = 0;
    for (int i = offset, end = offset + length; i < end; i++) {
      crc = (crc << 8) ^ TABLE[((crc >>> 8) ^ key[i]) & 0xFF];
    }
    return crc & LOW_32;
  }
}
