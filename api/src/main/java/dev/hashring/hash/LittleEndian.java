package dev.hashring.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Reads of little-endian words from byte arrays, as the C hashes read them on x86. */
final class LittleEndian {

  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

  private LittleEndian() {}

  /** The four bytes at {@code at} as a little-endian int. */
  static int int32(byte[] bytes, int at) {
    return (int) INT.get(bytes, at);
  }

  /** The two bytes at {@code at} as an unsigned little-endian number. */
  static int uint16(byte[] bytes, int at) {
    return Short.toUnsignedInt((short) SHORT.get(bytes, at));
  }

  /**
   * The last {@code count} (0 to 3) bytes of a key, unsigned, as the low bytes of a little-endian
   * int: what the tail of a block-wise hash mixes in.
   */
  static int tail(byte[] bytes, int at, int count) {
    int word = 0;
    for (int i = count - 1; i >= 0; i--) {
      word = (word << 8) | (bytes[at + i] & 0xFF);
    }
    return word;
  }
}
