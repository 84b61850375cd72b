package dev.hashring.modulo;

import dev.hashring.HashAlgorithm;

/**
 * How a profile turns the key hash into the non-negative number it reduces modulo the slot count.
 */
enum KeyNumber {

  /** The hash itself: client hashes are unsigned 32-bit numbers already. */
  HASH {
    @Override
    HashAlgorithm of(HashAlgorithm hash) {
      return hash;
    }
  },

  /** The hash, except that the empty key is 0 (twemproxy's {@code server_pool_hash}). */
  EMPTY_KEY_IS_ZERO {
    @Override
    HashAlgorithm of(HashAlgorithm hash) {
      return new EmptyKeyIsZero(hash);
    }
  },

  /**
   * The hash through a 64-bit finalizer, top bit cleared: any registered algorithm, even one with
   * weak low bits (FNV) or a 32-bit one, then spreads evenly over any slot count.
   */
  MIXED {
    @Override
    HashAlgorithm of(HashAlgorithm hash) {
      return new MixedHash(hash);
    }
  };

  /** The number function over {@code hash}. */
  abstract HashAlgorithm of(HashAlgorithm hash);
}
