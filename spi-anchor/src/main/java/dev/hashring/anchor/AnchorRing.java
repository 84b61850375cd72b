package dev.hashring.anchor;

import dev.hashring.HashAlgorithm;
import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.Trait;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * An anchor ring: the key hash picks a live bucket with JumpBackAnchor ({@link BucketTable}), and a
 * flat array tells which server owns that bucket. Lookups read arrays built once, take no locks and
 * allocate nothing for {@code byte[]} keys, nor for {@code String} keys of up to 1,024 UTF-8 bytes.
 */
final class AnchorRing implements Ring {

  private static final Set<Trait> TRAITS =
      Set.of(Trait.WEIGHTED, Trait.MINIMAL_DISRUPTION, Trait.FAILOVER_IS_REMOVAL);

  private final List<Server> servers;
  private final Server[] byIndex;
  private final BucketLayout layout;
  private final BucketTable table;
  private final int[] ownerOfBucket;
  private final HashAlgorithm keyHash;
  private final String description;

  AnchorRing(List<Server> servers, BucketLayout layout, HashAlgorithm keyHash, String description) {
    this.servers = servers;
    this.byIndex = servers.toArray(new Server[0]);
    this.layout = layout;
    this.table = layout.table();
    this.ownerOfBucket = layout.ownerOfBucket();
    this.keyHash = keyHash;
    this.description = description;
  }

  @Override
  public Server primary(byte[] key) {
    return byIndex[ownerOfBucket[table.bucket(keyHash.hash(key))]];
  }

  @Override
  public Server primary(String key) {
    return byIndex[ownerOfBucket[table.bucket(keyHash.hash(key))]];
  }

  @Override
  public Iterator<Server> failover(byte[] key) {
    return failoverOf(keyHash.hash(key));
  }

  @Override
  public Iterator<Server> failover(String key) {
    return failoverOf(keyHash.hash(key));
  }

  private Iterator<Server> failoverOf(long hash) {
    return new AnchorFailover(byIndex, layout, hash, ownerOfBucket[table.bucket(hash)]);
  }

  @Override
  public List<Server> servers() {
    return servers;
  }

  @Override
  public Set<Trait> traits() {
    return TRAITS;
  }

  @Override
  public String toString() {
    return description + " over " + servers;
  }
}
