package dev.hashring.anchor;

import dev.hashring.Server;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The failover sequence of one key: the primary, then the primary once the servers listed so far
 * are removed, one after another, as appending their removals to the history would remove them. So
 * the sequence agrees with removal ({@code FAILOVER_IS_REMOVAL}) and a dead server's keys spread
 * over the others as its removal would spread them.
 *
 * <p>The primary costs nothing more; each further server costs the removal of the previous one's
 * buckets (its weight) on top of the ring's table, and one lookup.
 */
final class AnchorFailover implements Iterator<Server> {

  private final Server[] servers;
  private final BucketLayout layout;
  private final long keyHash;
  private ExtraRemovals removals;
  private int current;
  private int listed;

  AnchorFailover(Server[] servers, BucketLayout layout, long keyHash, int primary) {
    this.servers = servers;
    this.layout = layout;
    this.keyHash = keyHash;
    this.current = primary;
  }

  @Override
  public boolean hasNext() {
    return listed < servers.length;
  }

  @Override
  public Server next() {
    if (!hasNext()) {
      throw new NoSuchElementException("every server has been listed");
    }
    if (listed > 0) {
      if (removals == null) {
        removals = new ExtraRemovals(layout.table());
      }
      int[] buckets = layout.buckets();
      // Last bucket first, as the history's removal does.
      for (int i = layout.firstBucket()[current + 1] - 1; i >= layout.firstBucket()[current]; i--) {
        removals.remove(buckets[i]);
      }
      current = layout.ownerOfBucket()[layout.table().bucket(keyHash, removals)];
    }
    listed++;
    return servers[current];
  }
}
