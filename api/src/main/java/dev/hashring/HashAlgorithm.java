package dev.hashring;

import dev.hashring.spi.Utf8Keys;
import java.util.Set;

/**
 * A key hash function: bytes in, an unsigned number of at most 64 bits out.
 *
 * <p>Implementations are stateless and thread-safe, and are found by {@linkplain #name() name}
 * through {@link java.util.ServiceLoader} (see {@link HashAlgorithms}). The same bytes give the
 * same number in every process, on every platform and in every release: a hash algorithm is part of
 * a wire format, so a changed mapping is a new name, never an edit.
 *
 * <p><b>Widths.</b> {@link #hash(byte[], int, int)} returns a value in {@code [0, 2^bits())} for
 * algorithms of fewer than 64 bits, and any {@code long} for 64-bit algorithms. A consumer that
 * needs 32 bits (every ketama ring) takes the low 32 bits, which is exactly what libmemcached does
 * with its 64-bit FNV variants.
 *
 * <p>A registered algorithm is the textbook function over unsigned bytes. Where a memcached client
 * hashes differently (sign-extended bytes, UTF-16 characters), the selector profile that reproduces
 * that client says so; see {@link dev.hashring.spi.ClientHashes}.
 */
public interface HashAlgorithm {

  /**
   * The registry name: lower case letters, digits and underscores, for example {@code "md5"} or
   * {@code "fnv1a_64"}.
   *
   * @return the name this algorithm is registered under
   */
  String name();

  /**
   * Other names this algorithm answers to in the registry, for example {@code "default"} for {@code
   * one_at_a_time}. Empty by default.
   *
   * @return the aliases, never {@code null}
   */
  default Set<String> aliases() {
    return Set.of();
  }

  /**
   * How many low bits of {@link #hash(byte[], int, int)} carry the value: results lie in {@code [0,
   * 2^bits())}, or are any {@code long} when this is 64.
   *
   * @return a number from 1 to 64; 64 by default
   */
  default int bits() {
    return 64;
  }

  /**
   * Hashes {@code length} bytes of {@code key} starting at {@code offset}. Reads nothing outside
   * that slice, never modifies it, and allocates nothing on the heap.
   *
   * @param key the key bytes
   * @param offset index of the first byte to hash
   * @param length number of bytes to hash
   * @return the hash, an unsigned value of {@link #bits()} bits
   * @throws NullPointerException if {@code key} is {@code null}
   * @throws IndexOutOfBoundsException if the slice does not lie within {@code key}
   */
  long hash(byte[] key, int offset, int length);

  /**
   * Hashes all bytes of {@code key}.
   *
   * @param key the key bytes
   * @return {@code hash(key, 0, key.length)}
   * @throws NullPointerException if {@code key} is {@code null}
   */
  default long hash(byte[] key) {
    return hash(key, 0, key.length);
  }

  /**
   * Hashes the UTF-8 bytes of {@code key}, exactly as {@code hash(key.getBytes(UTF_8))} does. The
   * default encodes into a per-thread buffer (see {@link Utf8Keys}), so keys of up to 64 KiB
   * allocate nothing once the buffer has grown to them.
   *
   * @param key the key
   * @return the hash of its UTF-8 bytes
   * @throws NullPointerException if {@code key} is {@code null}
   */
  default long hash(String key) {
    return Utf8Keys.hash(key, this);
  }
}
