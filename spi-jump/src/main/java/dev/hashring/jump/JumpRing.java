package dev.hashring.jump;

import dev.hashring.HashAlgorithm;
import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.Trait;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A jump ring: the key hash picks a bucket with a consistent bucket function, and a flat array
 * tells which server owns that bucket (server {@code i} owns {@code weight(i)} consecutive buckets,
 * in list order).
 */
final class JumpRing implements Ring {

  private final List<Server> servers;
  private final Server[] byIndex;
  private final int[] weights;
  private final int[] ownerOfBucket;
  private final HashAlgorithm keyHash;
  private final BucketChoice choice;
  private final Set<Trait> traits;
  private final String description;

  JumpRing(
      List<Server> servers,
      int[] weights,
      HashAlgorithm keyHash,
      BucketChoice choice,
      Set<Trait> traits,
      String description) {
    this.servers = servers;
    this.byIndex = servers.toArray(new Server[0]);
    this.weights = weights.clone();
    this.ownerOfBucket = owners(weights);
    this.keyHash = keyHash;
    this.choice = choice;
    this.traits = traits;
    this.description = description;
  }

  private static int[] owners(int[] weights) {
    int total = 0;
    for (int weight : weights) {
      total += weight;
    }
    int[] owners = new int[total];
    int bucket = 0;
    for (int server = 0; server < weights.length; server++) {
      for (int i = 0; i < weights[server]; i++) {
        owners[bucket++] = server;
      }
    }
    return owners;
  }

  @Override
  public Server primary(byte[] key) {
    return byIndex[indexOf(keyHash.hash(key))];
  }

  @Override
  public Server primary(String key) {
    return byIndex[indexOf(keyHash.hash(key))];
  }

  @Override
  public Iterator<Server> failover(byte[] key) {
    return failoverOf(keyHash.hash(key));
  }

  @Override
  public Iterator<Server> failover(String key) {
    return failoverOf(keyHash.hash(key));
  }

  private int indexOf(long hash) {
    return ownerOfBucket[choice.bucket(hash, ownerOfBucket.length)];
  }

  private Iterator<Server> failoverOf(long hash) {
    return new SpreadFailover(byIndex, weights, ownerOfBucket.length, choice, hash, indexOf(hash));
  }

  @Override
  public List<Server> servers() {
    return servers;
  }

  @Override
  public Set<Trait> traits() {
    return traits;
  }

  @Override
  public String toString() {
    return description + " over " + servers;
  }
}
