package dev.hashring.jump;

import dev.hashring.Server;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The failover sequence of one key: the primary, then each further server chosen by jumping a fresh
 * rehash of the key over the servers not listed yet, until every server is listed.
 *
 * <p>Step {@code k} (k = 1, 2, ...) lays out the servers not yet listed in list order, each with
 * {@code weight} consecutive buckets, and takes the server of bucket {@code choice(rehash(h, k),
 * remaining weight)}, where {@code h} is the key hash and {@code rehash(h, k)} is the SplitMix64
 * finalizer of {@code h + k * 0x9E3779B97F4A7C15}. The keys of a dead server are therefore spread
 * over all survivors in proportion to their weights, not piled onto one neighbour, and the sequence
 * ends after exactly {@code servers} elements. Each step costs time proportional to the server
 * count; only the first element (the primary) is computed in constant time.
 */
final class SpreadFailover implements Iterator<Server> {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private final Server[] servers;
  private final int[] weights;
  private final BucketChoice choice;
  private final long keyHash;
  private final boolean[] listed;
  private int remainingWeight;
  private int step;
  private int next;

  SpreadFailover(
      Server[] servers,
      int[] weights,
      int totalWeight,
      BucketChoice choice,
      long keyHash,
      int primary) {
    this.servers = servers;
    this.weights = weights;
    this.choice = choice;
    this.keyHash = keyHash;
    this.listed = new boolean[servers.length];
    this.remainingWeight = totalWeight;
    this.next = primary;
  }

  @Override
  public boolean hasNext() {
    return step < servers.length;
  }

  @Override
  public Server next() {
    if (!hasNext()) {
      throw new NoSuchElementException("every server has been listed");
    }
    if (step > 0) {
      next = choose(choice.bucket(rehash(keyHash, step), remainingWeight));
    }
    listed[next] = true;
    remainingWeight -= weights[next];
    step++;
    return servers[next];
  }

  /** The server not yet listed that owns {@code bucket} in the layout of those servers. */
  private int choose(int bucket) {
    int left = bucket;
    for (int i = 0; i < servers.length; i++) {
      if (!listed[i]) {
        left -= weights[i];
        if (left < 0) {
          return i;
        }
      }
    }
    throw new IllegalStateException("bucket " + bucket + " beyond the remaining weight");
  }

  /** Element {@code step} of the SplitMix64 sequence seeded with {@code hash}. */
  static long rehash(long hash, int step) {
    long z = hash + step * GOLDEN_GAMMA;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
