package dev.hashring.cli;

import dev.hashring.HashAlgorithm;
import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.Trait;
import dev.hashring.spi.Continuum;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A hand-made continuum for tests: the points and owners given, looked up by the rule the {@link
 * Continuum} javadoc states, written here independently of any selector.
 */
final class PointRing implements Ring, Continuum {

  private final long[] points;
  private final List<Server> owners;
  private final boolean ceiling;
  private final HashAlgorithm keyHash;
  private final List<Server> servers;

  PointRing(long[] points, List<Server> owners, boolean ceiling, HashAlgorithm keyHash) {
    this.points = points.clone();
    this.owners = List.copyOf(owners);
    this.ceiling = ceiling;
    this.keyHash = keyHash;
    this.servers = List.copyOf(new LinkedHashSet<>(owners));
  }

  /** The owner of a position, by a linear scan: first point at or after, or last at or before. */
  Server ownerOf(long position) {
    if (ceiling) {
      for (int i = 0; i < points.length; i++) {
        if (points[i] >= position) {
          return owners.get(i);
        }
      }
      return owners.get(0);
    }
    for (int i = points.length - 1; i >= 0; i--) {
      if (points[i] <= position) {
        return owners.get(i);
      }
    }
    return owners.get(points.length - 1);
  }

  @Override
  public Server primary(byte[] key) {
    long position = keyHash.hash(key) & 0xFFFFFFFFL;
    return ownerOf(position);
  }

  @Override
  public Iterator<Server> failover(byte[] key) {
    throw new UnsupportedOperationException("not needed by these tests");
  }

  @Override
  public List<Server> servers() {
    return servers;
  }

  @Override
  public Set<Trait> traits() {
    return Set.of();
  }

  @Override
  public long[] points() {
    return points.clone();
  }

  @Override
  public List<Server> owners() {
    return owners;
  }

  @Override
  public boolean ceiling() {
    return ceiling;
  }

  @Override
  public HashAlgorithm keyHash() {
    return keyHash;
  }
}
