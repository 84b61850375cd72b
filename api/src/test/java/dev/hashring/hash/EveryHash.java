package dev.hashring.hash;

import dev.hashring.HashAlgorithm;
import dev.hashring.HashAlgorithms;
import dev.hashring.spi.ClientHashes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** The algorithms under test: the 14 registered ones and every client variant. */
public final class EveryHash {

  /** The registry names of the api jar's algorithms. */
  public static final List<String> REGISTERED_NAMES =
      List.of(
          "crc",
          "crc16",
          "crc32a",
          "fnv1_32",
          "fnv1_64",
          "fnv1a_32",
          "fnv1a_64",
          "hsieh",
          "jenkins",
          "md5",
          "murmur",
          "murmur3",
          "native",
          "one_at_a_time");

  private EveryHash() {}

  public static List<HashAlgorithm> registered() {
    List<HashAlgorithm> hashes = new ArrayList<>();
    for (String name : REGISTERED_NAMES) {
      hashes.add(HashAlgorithms.forName(name));
    }
    return hashes;
  }

  /** Each client variant once, though some answer to two names. */
  public static List<HashAlgorithm> clientVariants() {
    Set<HashAlgorithm> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<HashAlgorithm> hashes = new ArrayList<>();
    for (ClientHashes client : ClientHashes.values()) {
      for (String name : client.names()) {
        HashAlgorithm hash = client.hash(name);
        if (seen.add(hash)) {
          hashes.add(hash);
        }
      }
    }
    return hashes;
  }

  public static List<HashAlgorithm> all() {
    List<HashAlgorithm> hashes = new ArrayList<>(registered());
    hashes.addAll(clientVariants());
    return hashes;
  }

  /** Whether the hash throws for an empty key, as xmemcached's crc and md5 do. */
  public static boolean rejectsEmptyKeys(HashAlgorithm hash) {
    return hash.toString().startsWith("ClientHashes.XMEMCACHED.hash(\"crc\"")
        || hash.toString().startsWith("ClientHashes.XMEMCACHED.hash(\"md5\"");
  }
}
