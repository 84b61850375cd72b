package dev.hashring.hash;

/**
 * Hashes that Java clients compute over the UTF-16 characters of a {@code String} key ({@code
 * String.charAt}), not over its bytes: spymemcached's and xmemcached's {@code NATIVE_HASH} and FNV
 * hashes, and xmemcached's MYSQL, ELF, RS and LUA hashes. Each returns what the client returns,
 * {@code rv & 0xffffffffL}.
 *
 * <p>A key given as bytes is first decoded as {@code new String(bytes, UTF_8)} would decode it. A
 * {@code String} key is hashed over its characters as its UTF-8 bytes would decode again, so that
 * it hashes exactly like those bytes (the {@code HashAlgorithm} contract): an unpaired surrogate,
 * which UTF-8 encoding writes as {@code '?'}, counts as {@code '?'}. The client hashes the unpaired
 * surrogate itself, but sends the key's UTF-8 bytes to the server, so such a key is malformed for
 * it anyway. Both go through a per-thread buffer that grows to the longest key a thread has met, up
 * to {@value #MAX_CAPACITY} characters, so that hashing allocates nothing once it has.
 */
enum Utf16Hash {
  /** {@code String.hashCode()}, as an unsigned number. */
  NATIVE {
    @Override
    long hash(char[] chars, int count) {
      int h = 0;
      for (int i = 0; i < count; i++) {
        h = 31 * h + chars[i];
      }
      return h & StandardHash.LOW_32;
    }
  },
  FNV1_32 {
    @Override
    long hash(char[] chars, int count) {
      int h = Fnv.OFFSET_BASIS_32;
      for (int i = 0; i < count; i++) {
        h = (h * Fnv.PRIME_32) ^ chars[i];
      }
      return h & StandardHash.LOW_32;
    }
  },
  FNV1A_32 {
    @Override
    long hash(char[] chars, int count) {
      int h = Fnv.OFFSET_BASIS_32;
      for (int i = 0; i < count; i++) {
        h = (h ^ chars[i]) * Fnv.PRIME_32;
      }
      return h & StandardHash.LOW_32;
    }
  },
  FNV1_64 {
    @Override
    long hash(char[] chars, int count) {
      long h = Fnv.OFFSET_BASIS_64;
      for (int i = 0; i < count; i++) {
        h = (h * Fnv.PRIME_64) ^ chars[i];
      }
      return h & StandardHash.LOW_32;
    }
  },
  FNV1A_64 {
    @Override
    long hash(char[] chars, int count) {
      long h = Fnv.OFFSET_BASIS_64;
      for (int i = 0; i < count; i++) {
        h = (h ^ chars[i]) * Fnv.PRIME_64;
      }
      return h & StandardHash.LOW_32;
    }
  },
  /** xmemcached's {@code MYSQL_HASH}; only the low 32 bits of its 64-bit state reach the result. */
  MYSQL {
    @Override
    long hash(char[] chars, int count) {
      int h = 0;
      int nr2 = 4;
      for (int i = 0; i < count; i++) {
        h ^= ((h & 63) + nr2) * chars[i] + (h << 8);
        nr2 += 3;
      }
      return h & StandardHash.LOW_32;
    }
  },
  /** xmemcached's {@code ELF_HASH}: the classic ELF hash, then {@code & 0x7FFFFFFF}. */
  ELF {
    @Override
    long hash(char[] chars, int count) {
      int h = 0;
      for (int i = 0; i < count; i++) {
        h = (h << 4) + chars[i];
        int high = h & 0xF0000000;
        if (high != 0) {
          h ^= high >>> 24;
          h &= ~high;
        }
      }
      return h & 0x7FFFFFFFL;
    }
  },
  /** xmemcached's {@code RS_HASH}: Robert Sedgewick's hash, then {@code & 0x7FFFFFFF}. */
  RS {
    @Override
    long hash(char[] chars, int count) {
      int h = 0;
      int a = 63689;
      for (int i = 0; i < count; i++) {
        h = h * a + chars[i];
        a *= 378551;
      }
      return h & 0x7FFFFFFFL;
    }
  },
  /**
   * xmemcached's {@code LUA_HASH}: Lua 5.1's string hash, but in a 64-bit {@code long} whose high
   * bits shift back down, so it is not Lua's value for long keys.
   */
  LUA {
    @Override
    long hash(char[] chars, int count) {
      int step = (count >> 5) + 1;
      long h = count;
      for (int l = count; l >= step; l -= step) {
        h ^= (h << 5) + (h >> 2) + chars[l - 1];
      }
      return h & StandardHash.LOW_32;
    }
  };

  /** Characters the per-thread buffer starts with; memcached keys are at most 250 bytes. */
  static final int CAPACITY = 1024;

  /**
   * The most characters the per-thread buffer grows to; a longer key gets an array of its own,
   * rather than a thread keeping a huge buffer for one odd key.
   */
  static final int MAX_CAPACITY = 1 << 16;

  private static final ThreadLocal<char[]> BUFFER =
      ThreadLocal.withInitial(() -> new char[CAPACITY]);

  /** This thread's buffer, grown to hold {@code count} characters (up to {@link #MAX_CAPACITY}). */
  private static char[] buffer(int count) {
    char[] chars = BUFFER.get();
    if (count <= chars.length) {
      return chars;
    }
    if (count > MAX_CAPACITY) {
      return new char[count];
    }
    chars = new char[Math.min(MAX_CAPACITY, Math.max(count, 2 * chars.length))];
    BUFFER.set(chars);
    return chars;
  }

  /** The hash of the first {@code count} characters of {@code chars}. */
  abstract long hash(char[] chars, int count);

  /**
   * The hash of the characters the UTF-8 bytes of {@code key} decode to: its own characters, each
   * unpaired surrogate replaced by {@code '?'} as UTF-8 encoding replaces it.
   */
  long hash(String key) {
    int count = key.length();
    char[] chars = buffer(count);
    key.getChars(0, count, chars, 0);
    for (int i = 0; i < count; i++) {
      char c = chars[i];
      if (Character.isHighSurrogate(c) && i + 1 < count && Character.isLowSurrogate(chars[i + 1])) {
        i++;
      } else if (Character.isSurrogate(c)) {
        chars[i] = '?';
      }
    }
    return hash(chars, count);
  }

  /**
   * The hash of the characters {@code new String(key, offset, length, UTF_8)} would hold; the slice
   * is already known to lie within {@code key}.
   */
  long hashUtf8(byte[] key, int offset, int length) {
    char[] chars = buffer(length);
    return hash(chars, Utf8Decoding.decode(key, offset, length, chars));
  }
}
