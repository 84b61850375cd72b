package dev.hashring.rendezvous;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hashring.HashAlgorithm;
import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.Trait;
import dev.hashring.hash4j.Hash4jAlgorithms;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Weighted rendezvous hashing (highest random weight), the native {@code rendezvous} ring.
 *
 * <p>The mapping, which is a wire format and never changes under this name:
 *
 * <ol>
 *   <li>A server's identity is its name if it has one, else its {@link Server#address()}; its seed
 *       is the XXH3-64 hash (seed 0) of the identity's UTF-8 bytes.
 *   <li>A key is hashed once: {@code k} = XXH3-64 (seed 0) of its bytes.
 *   <li>For each server, {@code x = mix(k ^ seed)} with SplitMix64's finalizer, and {@code u = ((x
 *       >>> 11) + 1) / 2^53}, a uniform number in (0, 1].
 *   <li>The server's score is {@code StrictMath.log(u) * (1.0 / weight)}, the logarithmic method:
 *       it is the negated time at which an exponential clock of rate {@code weight} rings, so the
 *       highest score wins with probability {@code weight / sum of weights}.
 *   <li>The highest score wins; on equal scores the larger {@code u}, then the larger identity (as
 *       a {@code String}) wins. List order never matters.
 * </ol>
 *
 * <p>Every server's score depends only on the key and that server, so adding or removing a server
 * moves only keys to or from it ({@link Trait#MINIMAL_DISRUPTION}), and the failover sequence, the
 * servers by descending score, is exactly what removing the primary would give ({@link
 * Trait#FAILOVER_IS_REMOVAL}).
 *
 * <p>A lookup is {@code O(servers)}: one key hash, then a multiply-xorshift mix per server. With
 * equal weights, comparing {@code u} gives the same winner, since the logarithm is monotonic. With
 * unequal weights, a logarithm is computed only for the few servers whose cheap upper bound {@code
 * (u - 1) / weight} could beat the best score so far; the answer is the same as computing them all.
 * It allocates nothing. A ring holds four arrays of one entry per server.
 */
final class WeightedRendezvousRing implements Ring {

  /** The default key hash, XXH3 64 with seed 0 ({@code xxh3_64}). */
  private static final HashAlgorithm XXH3 = Hash4jAlgorithms.xxh3_64();

  private static final Set<Trait> TRAITS =
      Set.of(Trait.WEIGHTED, Trait.MINIMAL_DISRUPTION, Trait.FAILOVER_IS_REMOVAL);

  /**
   * A score below {@code best * CLEARLY_BELOW} (scores are negative) is below {@code best} even
   * after the logarithm's and the products' rounding, which are below 2^-50 of the value.
   */
  private static final double CLEARLY_BELOW = 1.0 + 0x1.0p-40;

  private final List<Server> servers;
  private final Server[] byIndex;
  private final long[] seed;
  private final double[] inverseWeight;

  /** Position of the identity among all identities sorted as strings; the larger wins a tie. */
  private final int[] rank;

  private final boolean equalWeights;

  private WeightedRendezvousRing(List<Server> servers, String[] identities) {
    int n = servers.size();
    this.servers = servers;
    this.byIndex = servers.toArray(new Server[0]);
    this.seed = new long[n];
    this.inverseWeight = new double[n];
    boolean equal = true;
    for (int i = 0; i < n; i++) {
      seed[i] = XXH3.hash(identities[i].getBytes(UTF_8));
      inverseWeight[i] = 1.0 / byIndex[i].weight();
      equal &= byIndex[i].weight() == byIndex[0].weight();
    }
    this.equalWeights = equal;
    this.rank = ranks(identities);
  }

  /**
   * The ring for {@code servers}, already checked by {@code ServerLists.requireValid}.
   *
   * @throws IllegalArgumentException if two servers have the same identity (one's name is the
   *     other's address), which would make them indistinguishable
   */
  static WeightedRendezvousRing of(List<Server> servers) {
    String[] identities = new String[servers.size()];
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < identities.length; i++) {
      Server server = servers.get(i);
      identities[i] = identity(server);
      Integer earlier = seen.putIfAbsent(identities[i], i);
      if (earlier != null) {
        throw new IllegalArgumentException(
            "servers at positions "
                + earlier
                + " and "
                + i
                + " have the same identity '"
                + identities[i]
                + "' (the name if given, else host:port), so rendezvous cannot tell them apart: "
                + servers.get(earlier)
                + ", "
                + server);
      }
    }
    return new WeightedRendezvousRing(servers, identities);
  }

  /** What a server is known by: its name, or else its address. */
  static String identity(Server server) {
    return server.name().orElseGet(server::address);
  }

  @Override
  public Server primary(byte[] key) {
    return byIndex[best(XXH3.hash(Objects.requireNonNull(key, "key")))];
  }

  @Override
  public Server primary(String key) {
    return byIndex[best(XXH3.hash(Objects.requireNonNull(key, "key")))];
  }

  @Override
  public Iterator<Server> failover(byte[] key) {
    return failover(XXH3.hash(Objects.requireNonNull(key, "key")));
  }

  @Override
  public Iterator<Server> failover(String key) {
    return failover(XXH3.hash(Objects.requireNonNull(key, "key")));
  }

  private Iterator<Server> failover(long keyHash) {
    int n = byIndex.length;
    long[] draws = new long[n];
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      draws[i] = draw(keyHash, i);
      scores[i] = score(draws[i], i);
    }
    return new BestFirst(
        byIndex, (a, b) -> prefers(scores[a], draws[a], a, scores[b], draws[b], b));
  }

  /** The index of the winning server. */
  private int best(long keyHash) {
    int best = 0;
    long bestDraw = draw(keyHash, 0);
    if (equalWeights) {
      for (int i = 1; i < byIndex.length; i++) {
        long draw = draw(keyHash, i);
        if (draw > bestDraw || (draw == bestDraw && rank[i] > rank[best])) {
          best = i;
          bestDraw = draw;
        }
      }
      return best;
    }
    double bestScore = score(bestDraw, 0);
    for (int i = 1; i < byIndex.length; i++) {
      long draw = draw(keyHash, i);
      // ln(u) <= u - 1, so (u - 1) / weight bounds the score from above. When that bound is
      // clearly below the best score (by far more than the logarithm's rounding error), this
      // server loses, and the costly logarithm is skipped: most servers are skipped this way.
      double bound = (draw * 0x1.0p-53 - 1.0) * inverseWeight[i];
      if (bound < bestScore * CLEARLY_BELOW) {
        continue;
      }
      double score = score(draw, i);
      if (prefers(score, draw, i, bestScore, bestDraw, best)) {
        best = i;
        bestDraw = draw;
        bestScore = score;
      }
    }
    return best;
  }

  private boolean prefers(double scoreA, long drawA, int a, double scoreB, long drawB, int b) {
    if (scoreA != scoreB) {
      return scoreA > scoreB;
    }
    if (drawA != drawB) {
      return drawA > drawB;
    }
    return rank[a] > rank[b];
  }

  /** The server's uniform draw for the key, as an integer from 1 to 2^53: {@code u * 2^53}. */
  private long draw(long keyHash, int i) {
    return (mix(keyHash ^ seed[i]) >>> 11) + 1;
  }

  private double score(long draw, int i) {
    return StrictMath.log(draw * 0x1.0p-53) * inverseWeight[i];
  }

  /** SplitMix64's finalizer (Stafford's variant 13): a bijection with full avalanche. */
  static long mix(long x) {
    x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
    x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
    return x ^ (x >>> 31);
  }

  private static int[] ranks(String[] identities) {
    Integer[] sorted = new Integer[identities.length];
    Arrays.setAll(sorted, i -> i);
    Arrays.sort(sorted, Comparator.comparing(i -> identities[i]));
    int[] rank = new int[identities.length];
    for (int r = 0; r < sorted.length; r++) {
      rank[sorted[r]] = r;
    }
    return rank;
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
    return "rendezvous ring of " + servers;
  }
}
