package dev.hashring.ketama;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hashring.HashAlgorithm;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** How the text {@code node + separator + index} becomes a 32-bit ring point. */
enum PointHash {

  /**
   * libketama's: point {@code k} is little-endian word {@code k % 4} of the MD5 digest of {@code
   * node + separator + (k / 4)}, so one digest gives four points (spec §1.1).
   */
  MD5_WORDS {
    @Override
    void points(String node, String separator, long count, HashAlgorithm keyHash, Sink sink) {
      MessageDigest md5 = digest("MD5");
      for (long digestIndex = 0; digestIndex * 4 < count; digestIndex++) {
        byte[] d = md5.digest((node + separator + digestIndex).getBytes(UTF_8));
        for (int word = 0; word < 4 && digestIndex * 4 + word < count; word++) {
          int at = word * 4;
          sink.accept(
              (d[at] & 0xFF)
                  | (d[at + 1] & 0xFF) << 8
                  | (d[at + 2] & 0xFF) << 16
                  | (d[at + 3] & 0xFF) << 24);
        }
      }
    }
  },

  /** Point {@code k} is the low 32 bits of the key hash of {@code node + separator + k}. */
  KEY_HASH {
    @Override
    void points(String node, String separator, long count, HashAlgorithm keyHash, Sink sink) {
      for (long k = 0; k < count; k++) {
        sink.accept((int) keyHash.hash(node + separator + k));
      }
    }
  },

  /**
   * Dalli's: point {@code k} is the first four bytes, big-endian, of the SHA-1 digest of {@code
   * node + separator + k} ({@code Integer("0x" + hexdigest[0..7])}).
   */
  SHA1_PREFIX {
    @Override
    void points(String node, String separator, long count, HashAlgorithm keyHash, Sink sink) {
      MessageDigest sha1 = digest("SHA-1");
      for (long k = 0; k < count; k++) {
        byte[] d = sha1.digest((node + separator + k).getBytes(UTF_8));
        sink.accept((d[0] & 0xFF) << 24 | (d[1] & 0xFF) << 16 | (d[2] & 0xFF) << 8 | (d[3] & 0xFF));
      }
    }
  };

  /** Receives points as unsigned 32-bit values held in an {@code int}. */
  @FunctionalInterface
  interface Sink {
    void accept(int point);
  }

  /**
   * Makes {@code count} points for one server.
   *
   * @param node the server's node text ({@link NodeFormat#node})
   * @param separator what separates node text and index
   * @param count how many points
   * @param keyHash the ring's key hash, which {@link #KEY_HASH} uses
   * @param sink receives each point
   */
  abstract void points(String node, String separator, long count, HashAlgorithm keyHash, Sink sink);

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide MD5 and SHA-1 (MessageDigest javadoc).
      throw new IllegalStateException(algorithm + " is missing from this Java runtime", e);
    }
  }
}
