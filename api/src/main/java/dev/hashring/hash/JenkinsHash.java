package dev.hashring.hash;

import com.google.auto.service.AutoService;
import dev.hashring.HashAlgorithm;

/**
 * {@code jenkins}: Bob Jenkins' lookup3 {@code hashlittle(key, length, 13)}, 32 bits, as
 * libmemcached and twemproxy compute it on little-endian machines.
 *
 * <p>The empty key hashes to {@code 0xdeadbeef + 13} (no final mixing, as in lookup3); {@code
 * "apple"} hashes to 1442444624.
 */
@AutoService(HashAlgorithm.class)
public final class JenkinsHash extends StandardHash {

  private static final int INITIAL_VALUE = 13;

  /** Creates the algorithm; {@link dev.hashring.HashAlgorithms#forName} returns a shared one. */
  public JenkinsHash() {
    super("jenkins", 32);
  }

  @Override
  long hashSlice(byte[] key, int offset, int length) {
    return hashLittle(key, offset, length, INITIAL_VALUE) & LOW_32;
  }

  /** lookup3 {@code hashlittle} of a slice with any initial value. */
  static int hashLittle(byte[] key, int offset, int length, int initialValue) {
    int a = 0xDEADBEEF + length + initialValue;
    int b = a;
    int c = a;
    if (length == 0) {
      return c;
    }
    int at = offset;
    int left = length;
    while (left > 12) {
      a += LittleEndian.int32(key, at);
      b += LittleEndian.int32(key, at + 4);
      c += LittleEndian.int32(key, at + 8);
      // mix(a, b, c)
      a -= c;
      a ^= Integer.rotateLeft(c, 4);
      c += b;
      b -= a;
      b ^= Integer.rotateLeft(a, 6);
      a += c;
      c -= b;
      c ^= Integer.rotateLeft(b, 8);
      b += a;
      a -= c;
      a ^= Integer.rotateLeft(c, 16);
      c += b;
      b -= a;
      b ^= Integer.rotateLeft(a, 19);
      a += c;
      c -= b;
      c ^= Integer.rotateLeft(b, 4);
      b += a;
      left -= 12;
      at += 12;
    }
    // The last 1 to 12 bytes, zero-padded: bytes 0-3 go to a, 4-7 to b, 8-11 to c.
    a += lastBlockWord(key, at, left, 0);
    b += lastBlockWord(key, at, left, 4);
    c += lastBlockWord(key, at, left, 8);
    // final(a, b, c)
    c ^= b;
    c -= Integer.rotateLeft(b, 14);
    a ^= c;
    a -= Integer.rotateLeft(c, 11);
    b ^= a;
    b -= Integer.rotateLeft(a, 25);
    c ^= b;
    c -= Integer.rotateLeft(b, 16);
    a ^= c;
    a -= Integer.rotateLeft(c, 4);
    b ^= a;
    b -= Integer.rotateLeft(a, 14);
    c ^= b;
    c -= Integer.rotateLeft(b, 24);
    return c;
  }

  /**
   * Bytes {@code from} to {@code from + 3} of the last block of {@code left} bytes, zero-padded.
   */
  private static int lastBlockWord(byte[] key, int at, int left, int from) {
    int count = Math.min(4, left - from);
    if (count <= 0) {
      return 0;
    }
    return count == 4
        ? LittleEndian.int32(key, at + from)
        : LittleEndian.tail(key, at + from, count);
  }
}
