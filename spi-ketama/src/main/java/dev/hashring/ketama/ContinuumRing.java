package dev.hashring.ketama;

import dev.hashring.HashAlgorithm;
import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.Trait;
import dev.hashring.spi.Continuum;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * A ketama ring: sorted point positions and the server that owns each, in two flat {@code int}
 * arrays built once ({@link ContinuumBuilder}). A lookup is one hash and one binary search; it
 * takes no lock and allocates nothing for {@code byte[]} keys, nor for {@code String} keys of up to
 * 1024 UTF-8 bytes.
 *
 * <p>It is also a {@link Continuum}, so that tools can compute exact shares from its arcs. The key
 * hash it reports is the one whose low 32 bits place keys, applied after the client's key rules
 * (twemproxy's hash tag and empty key, Dalli's truncation of long keys).
 *
 * <p>Failover walks the ring from the key's point in lookup direction and lists each server the
 * first time one of its points is met; servers with no point at all (a weight share that rounds to
 * zero) come last, in list order. Every server is listed exactly once.
 */
final class ContinuumRing implements Ring, Continuum {

  private final List<Server> servers;
  private final int[] positions;
  private final int[] owners;
  private final int[] pointless;
  private final KeyHasher keys;
  private final HashAlgorithm keyHash;
  private final Set<Trait> traits;
  private final String description;

  ContinuumRing(
      List<Server> servers,
      int[] positions,
      int[] owners,
      int[] pointless,
      KeyHasher keys,
      HashAlgorithm keyHash,
      Set<Trait> traits,
      String description) {
    this.servers = servers;
    this.positions = positions;
    this.owners = owners;
    this.pointless = pointless;
    this.keys = keys;
    this.keyHash = keyHash;
    this.traits = traits;
    this.description = description;
  }

  @Override
  public Server primary(byte[] key) {
    Objects.requireNonNull(key, "key");
    return servers.get(owners[find(keys.position(key, 0, key.length))]);
  }

  @Override
  public Server primary(String key) {
    Objects.requireNonNull(key, "key");
    return servers.get(owners[find(keys.position(key))]);
  }

  @Override
  public Iterator<Server> failover(byte[] key) {
    Objects.requireNonNull(key, "key");
    return new Walk(find(keys.position(key, 0, key.length)));
  }

  @Override
  public Iterator<Server> failover(String key) {
    Objects.requireNonNull(key, "key");
    return new Walk(find(keys.position(key)));
  }

  @Override
  public List<Server> servers() {
    return servers;
  }

  @Override
  public Set<Trait> traits() {
    return traits;
  }

  /** Number of points on the ring, counting every point of tied values. */
  int size() {
    return positions.length;
  }

  @Override
  public long[] points() {
    long[] values = new long[distinctPoints()];
    forEachDistinctPoint((i, at) -> values[i] = keys.pointPosition(positions[at]) & 0xFFFFFFFFL);
    return values;
  }

  @Override
  public List<Server> owners() {
    List<Server> winners = new ArrayList<>(distinctPoints());
    forEachDistinctPoint((i, at) -> winners.add(servers.get(owners[at])));
    return java.util.Collections.unmodifiableList(winners);
  }

  @Override
  public boolean ceiling() {
    return !keys.predecessor();
  }

  @Override
  public HashAlgorithm keyHash() {
    return keyHash;
  }

  private int distinctPoints() {
    int distinct = 1;
    for (int i = 1; i < positions.length; i++) {
      if (positions[i] != positions[i - 1]) {
        distinct++;
      }
    }
    return distinct;
  }

  /**
   * Visits the first point of each run of equal positions (the one keys go to), in ascending order
   * of point value: stored order, or reversed for a predecessor ring, which stores complements.
   */
  private void forEachDistinctPoint(PointVisitor visitor) {
    int count = 0;
    if (!keys.predecessor()) {
      for (int at = 0; at < positions.length; at++) {
        if (at == 0 || positions[at] != positions[at - 1]) {
          visitor.visit(count++, at);
        }
      }
    } else {
      for (int at = positions.length - 1; at >= 0; at--) {
        if (at == 0 || positions[at] != positions[at - 1]) {
          visitor.visit(count++, at);
        }
      }
    }
  }

  @FunctionalInterface
  private interface PointVisitor {
    void visit(int index, int at);
  }

  @Override
  public String toString() {
    return description;
  }

  /** The index of the first point at or after {@code position}, wrapping to the first point. */
  private int find(int position) {
    int low = 0;
    int high = positions.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (positions[middle] < position) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low == positions.length ? 0 : low;
  }

  /** The failover sequence: distinct owners in ring order from one point, then the pointless. */
  private final class Walk implements Iterator<Server> {
    private final boolean[] listed = new boolean[servers.size()];
    private final int start;
    private final int onRing = servers.size() - pointless.length;
    private int visited;
    private int found;
    private int tail;
    private int next = -1;

    Walk(int start) {
      this.start = start;
    }

    @Override
    public boolean hasNext() {
      if (next < 0) {
        next = advance();
      }
      return next >= 0;
    }

    @Override
    public Server next() {
      if (!hasNext()) {
        throw new NoSuchElementException("every server of the ring has been listed");
      }
      Server server = servers.get(next);
      next = -1;
      return server;
    }

    private int advance() {
      while (found < onRing && visited < positions.length) {
        int at = start + visited++;
        int owner = owners[at < positions.length ? at : at - positions.length];
        if (!listed[owner]) {
          listed[owner] = true;
          found++;
          return owner;
        }
      }
      return tail < pointless.length ? pointless[tail++] : -1;
    }
  }
}
