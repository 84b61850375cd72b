package dev.hashring.cli;

import dev.hashring.HashAlgorithm;
import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.spi.Continuum;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The exact share of keys that moves between two rings that are {@link Continuum continua} of the
 * same key hash: the two sorted point lists are merged, and every stretch of the hash space between
 * two consecutive points has one owner on each side, so the keys whose hash falls in it stay or
 * move together. The share of a stretch is its length over the size of the hash space, keys being
 * uniformly hashed.
 *
 * <p>The hash space is {@code [0, 2^32)}, or {@code [0, 2^bits)} for a key hash of fewer than 32
 * bits (libmemcached's 15-bit {@code crc} reaches only the first 32,768 positions of its ring).
 */
final class ArcComparison {

  private static final long SPACE = 1L << 32;
  private static final int HASH_CHECKS = 1_000;

  private ArcComparison() {}

  /**
   * Why the exact method does not apply to these two rings, or {@code null} when it does.
   *
   * @return a reason such as {@code "modulo rings are not continua"}, or {@code null}
   */
  static String whyNotExact(Ring from, Ring to) {
    if (!(from instanceof Continuum) || !(to instanceof Continuum)) {
      return "its rings are not continua of points (dev.hashring.spi.Continuum)";
    }
    Continuum a = (Continuum) from;
    Continuum b = (Continuum) to;
    if (a.ceiling() != b.ceiling()) {
      return "the two rings look keys up in opposite directions";
    }
    if (!sameFunction(a.keyHash(), b.keyHash())) {
      return "the two rings hash keys with different functions ("
          + a.keyHash().name()
          + " and "
          + b.keyHash().name()
          + ")";
    }
    return null;
  }

  /**
   * The exact movement from {@code from} to {@code to}.
   *
   * @throws IllegalArgumentException if {@link #whyNotExact} gives a reason
   */
  static Movement compare(Ring from, Ring to) {
    String reason = whyNotExact(from, to);
    if (reason != null) {
      throw new IllegalArgumentException("no exact comparison: " + reason);
    }
    Continuum a = (Continuum) from;
    Continuum b = (Continuum) to;
    long[] pa = a.points();
    long[] pb = b.points();
    List<String> oa = addresses(a.owners());
    List<String> ob = addresses(b.owners());
    int bits = Math.min(32, a.keyHash().bits());
    long space = 1L << bits;

    Map<String, Long> before = zeros(from.servers());
    Map<String, Long> after = zeros(to.servers());
    Map<Movement.Move, Long> moves = new HashMap<>();

    long[] union = mergeDistinct(pa, pb);
    int last = union.length - 1;
    int ia = 0;
    int ib = 0;
    if (a.ceiling()) {
      // Keys go to the first point at or after their hash: the stretch (union[j-1], union[j]]
      // belongs to the first point of each side at or after union[j], wrapping to point 0.
      for (int j = 0; j <= last; j++) {
        long at = union[j];
        while (ia < pa.length && pa[ia] < at) {
          ia++;
        }
        while (ib < pb.length && pb[ib] < at) {
          ib++;
        }
        String ownerA = oa.get(ia < pa.length ? ia : 0);
        String ownerB = ob.get(ib < pb.length ? ib : 0);
        long length =
            j == 0
                ? measure(union[last] + 1, SPACE - 1, space) + measure(0, at, space)
                : measure(union[j - 1] + 1, at, space);
        add(before, after, moves, ownerA, ownerB, length);
      }
    } else {
      // Keys go to the last point at or before their hash: the stretch [union[j], union[j+1])
      // belongs to the last point of each side at or before union[j], wrapping to the last point.
      for (int j = 0; j <= last; j++) {
        long at = union[j];
        while (ia + 1 < pa.length && pa[ia + 1] <= at) {
          ia++;
        }
        while (ib + 1 < pb.length && pb[ib + 1] <= at) {
          ib++;
        }
        String ownerA = oa.get(pa[ia] <= at ? ia : pa.length - 1);
        String ownerB = ob.get(pb[ib] <= at ? ib : pb.length - 1);
        long length =
            j == last
                ? measure(at, SPACE - 1, space) + measure(0, union[0] - 1, space)
                : measure(at, union[j + 1] - 1, space);
        add(before, after, moves, ownerA, ownerB, length);
      }
    }
    String method =
        "exact, from the arcs of the two rings ("
            + pa.length
            + " and "
            + pb.length
            + " distinct points; key hash "
            + a.keyHash().name()
            + (bits < 32 ? ", " + bits + " bits, so only the first 2^" + bits + " positions" : "")
            + ")";
    return new Movement(
        shares(before, space), shares(after, space), shares(moves, space), 0, method);
  }

  /** The number of whole positions in {@code [low, high]} that lie in {@code [0, space)}. */
  private static long measure(long low, long high, long space) {
    long top = Math.min(high, space - 1);
    return top < low ? 0 : top - low + 1;
  }

  private static void add(
      Map<String, Long> before,
      Map<String, Long> after,
      Map<Movement.Move, Long> moves,
      String ownerA,
      String ownerB,
      long length) {
    if (length == 0) {
      return;
    }
    before.merge(ownerA, length, Long::sum);
    after.merge(ownerB, length, Long::sum);
    if (!ownerA.equals(ownerB)) {
      moves.merge(new Movement.Move(ownerA, ownerB), length, Long::sum);
    }
  }

  private static <K> Map<K, Double> shares(Map<K, Long> lengths, long space) {
    Map<K, Double> shares = new LinkedHashMap<>();
    lengths.forEach((key, length) -> shares.put(key, length / (double) space));
    return shares;
  }

  private static Map<String, Long> zeros(List<Server> servers) {
    Map<String, Long> zeros = new LinkedHashMap<>();
    for (Server server : servers) {
      zeros.put(server.address(), 0L);
    }
    return zeros;
  }

  private static List<String> addresses(List<Server> owners) {
    return owners.stream().map(Server::address).toList();
  }

  /** The distinct values of two ascending arrays, ascending. */
  static long[] mergeDistinct(long[] a, long[] b) {
    long[] merged = new long[a.length + b.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length || j < b.length) {
      long next;
      if (j >= b.length || (i < a.length && a[i] <= b[j])) {
        next = a[i++];
      } else {
        next = b[j++];
      }
      if (n == 0 || merged[n - 1] != next) {
        merged[n++] = next;
      }
    }
    return java.util.Arrays.copyOf(merged, n);
  }

  /**
   * Whether two key hashes are the same function: equal objects, or of one class, name and width
   * and equal on a thousand seeded random keys (a selector may make a new instance per ring).
   */
  private static boolean sameFunction(HashAlgorithm a, HashAlgorithm b) {
    if (a.equals(b)) {
      return true;
    }
    if (a.getClass() != b.getClass() || !a.name().equals(b.name()) || a.bits() != b.bits()) {
      return false;
    }
    SplittableRandom random = new SplittableRandom(20_260_101L);
    for (int i = 0; i < HASH_CHECKS; i++) {
      byte[] key = new byte[random.nextInt(0, 40)];
      for (int k = 0; k < key.length; k++) {
        key[k] = (byte) random.nextInt(0x20, 0x7f);
      }
      if (a.hash(key) != b.hash(key)) {
        return false;
      }
    }
    return true;
  }
}
