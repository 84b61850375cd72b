package dev.hashring.anchor;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.dynatrace.hash4j.consistent.ConsistentBucketSetHasher;
import com.dynatrace.hash4j.consistent.ConsistentHashing;
import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import com.dynatrace.hash4j.random.PseudoRandomGeneratorProvider;
import dev.hashring.Server;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The selector's mapping computed another way, from its documentation: hash4j's own JumpBackAnchor
 * ({@code ConsistentHashing.jumpBackAnchorHash(splitMix64_V1())}) driven through the history, one
 * {@code addBucket()} per unit of weight of an added server and {@code removeBucket} of a removed
 * server's buckets, the last it got first; the key hashed with hash4j's XXH3.
 */
final class Hash4jModel {

  private static final Hasher64 XXH3 = Hashing.xxh3_64();

  private final ConsistentBucketSetHasher hasher =
      ConsistentHashing.jumpBackAnchorHash(PseudoRandomGeneratorProvider.splitMix64_V1());
  private final Map<Integer, Server> ownerOfBucket = new HashMap<>();
  private final Map<String, List<Integer>> bucketsOf = new HashMap<>();

  Hash4jModel(String history) {
    for (String event : history.split(",")) {
      String text = event.strip();
      Server server = Server.parse(text.substring(1));
      if (text.startsWith("+")) {
        List<Integer> buckets = new ArrayList<>();
        for (int i = 0; i < server.weight(); i++) {
          int bucket = hasher.addBucket();
          buckets.add(bucket);
          ownerOfBucket.put(bucket, server);
        }
        bucketsOf.put(server.address(), buckets);
      } else {
        List<Integer> buckets = bucketsOf.remove(server.address());
        for (int i = buckets.size() - 1; i >= 0; i--) {
          if (!hasher.removeBucket(buckets.get(i))) {
            throw new AssertionError("hash4j did not remove bucket " + buckets.get(i));
          }
          ownerOfBucket.remove(buckets.get(i));
        }
      }
    }
  }

  Server primary(String key) {
    return primary(key.getBytes(UTF_8));
  }

  Server primary(byte[] key) {
    return ownerOfBucket.get(hasher.getBucket(XXH3.hashBytesToLong(key)));
  }
}
