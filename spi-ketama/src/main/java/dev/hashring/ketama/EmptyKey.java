package dev.hashring.ketama;

/** What a profile does with a key of zero bytes: what its client's key-to-server code does. */
enum EmptyKey {

  /** Hashed like any other key: the hash of zero bytes (libmemcached, spymemcached, native). */
  HASHED {
    @Override
    String refusal(String profile, String hash) {
      return null;
    }
  },

  /** Hash 0 without hashing: twemproxy's {@code server_pool_hash} returns 0 for length 0. */
  ZERO {
    @Override
    String refusal(String profile, String hash) {
      return null;
    }
  },

  /** Refused, as {@code Dalli::KeyManager#validate_key} raises for a blank key. */
  REFUSED_BY_DALLI {
    @Override
    String refusal(String profile, String hash) {
      return "compat="
          + profile
          + " cannot place an empty key: Dalli refuses blank keys"
          + " (Dalli::KeyManager#validate_key raises ArgumentError 'key cannot be blank')";
    }
  },

  /**
   * Refused for the hashes xmemcached computes from {@code ByteUtils.getBytes}, which throws for an
   * empty key: {@code md5} (KETAMA_HASH) and {@code crc} (CRC32_HASH). Its other hashes place it.
   */
  REFUSED_BY_XMEMCACHED_BYTE_HASHES {
    @Override
    String refusal(String profile, String hash) {
      if (!hash.equals("md5") && !hash.equals("crc")) {
        return null;
      }
      return "compat="
          + profile
          + " with hash="
          + hash
          + " cannot place an empty key: xmemcached computes "
          + hash
          + " from ByteUtils.getBytes, which throws IllegalArgumentException"
          + " 'Key must not be blank'";
    }
  };

  /**
   * Why an empty key is refused.
   *
   * @param profile the compat profile's name
   * @param hash the key hash's name
   * @return the message of the exception to throw, or {@code null} when empty keys are placed
   */
  abstract String refusal(String profile, String hash);
}
