package dev.hashring.tck.reference;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelector;
import dev.hashring.Trait;
import dev.hashring.spi.Options;
import dev.hashring.spi.ServerLists;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A small, correct selector that must pass every rule of the TCK: weighted rendezvous hashing. Each
 * server scores each key with {@code weight / -ln(u)}, {@code u} a uniform number from hashing the
 * key with the server; the highest score wins, and failover lists servers by descending score. It
 * claims every trait, so every rule applies. Option {@code seed} (0 by default) varies the hash.
 */
public final class WeightedRendezvous implements ServerSelector {

  /** Used by {@code ServiceLoader}. */
  public WeightedRendezvous() {}

  @Override
  public String name() {
    return "tck-rendezvous";
  }

  @Override
  public Ring ring(List<Server> servers, Map<String, String> options) {
    List<Server> list = ServerLists.requireValid(servers);
    Options reader = Options.of(name(), options);
    int seed = reader.integer("seed", 0, 0, Integer.MAX_VALUE);
    reader.requireNoOthers();
    return new RendezvousRing(list, seed);
  }

  private static final class RendezvousRing implements Ring {

    private static final Set<Trait> TRAITS =
        Set.copyOf(EnumSet.of(Trait.WEIGHTED, Trait.MINIMAL_DISRUPTION, Trait.FAILOVER_IS_REMOVAL));

    private final List<Server> servers;
    private final long[] serverHashes;
    private final double[] weights;
    private final String[] identities;
    private final long seed;

    RendezvousRing(List<Server> servers, int seed) {
      this.servers = servers;
      this.seed = seed;
      this.serverHashes = new long[servers.size()];
      this.weights = new double[servers.size()];
      this.identities = new String[servers.size()];
      for (int i = 0; i < servers.size(); i++) {
        Server server = servers.get(i);
        identities[i] = server.name().orElse(server.address());
        byte[] id = identities[i].getBytes(StandardCharsets.UTF_8);
        serverHashes[i] = mix(fnv1a(id, 0, id.length) + seed);
        weights[i] = server.weight();
      }
    }

    private double score(int server, long keyHash) {
      long bits = mix(keyHash ^ serverHashes[server]);
      double unit = ((bits >>> 11) + 0.5) * 0x1.0p-53;
      return weights[server] / -Math.log(unit);
    }

    /** Higher score first; equal scores (practically never) by server identity. */
    private boolean beats(int a, double scoreA, int b, double scoreB) {
      return scoreA > scoreB || scoreA == scoreB && identities[a].compareTo(identities[b]) < 0;
    }

    @Override
    public Server primary(byte[] key) {
      long keyHash = fnv1a(Objects.requireNonNull(key, "key"), 0, key.length) + seed;
      int best = 0;
      double bestScore = score(0, keyHash);
      for (int i = 1; i < serverHashes.length; i++) {
        double s = score(i, keyHash);
        if (beats(i, s, best, bestScore)) {
          best = i;
          bestScore = s;
        }
      }
      return servers.get(best);
    }

    @Override
    public Iterator<Server> failover(byte[] key) {
      long keyHash = fnv1a(Objects.requireNonNull(key, "key"), 0, key.length) + seed;
      int n = servers.size();
      double[] scores = new double[n];
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        scores[i] = score(i, keyHash);
        int at = i;
        while (at > 0 && beats(i, scores[i], order[at - 1], scores[order[at - 1]])) {
          order[at] = order[at - 1];
          at--;
        }
        order[at] = i;
      }
      Server[] sequence = new Server[n];
      for (int i = 0; i < n; i++) {
        sequence[i] = servers.get(order[i]);
      }
      return List.of(sequence).iterator();
    }

    @Override
    public List<Server> servers() {
      return servers;
    }

    @Override
    public Set<Trait> traits() {
      return TRAITS;
    }
  }

  static long fnv1a(byte[] bytes, int offset, int length) {
    long hash = 0xcbf29ce484222325L;
    for (int i = offset; i < offset + length; i++) {
      hash ^= bytes[i] & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  /** The SplitMix64 finalizer: every input bit affects every output bit. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
