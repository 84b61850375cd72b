package dev.hashring.ketama;

import dev.hashring.Server;
import dev.hashring.Trait;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the flat arrays of a ring: every point of every server, sorted by position, each with the
 * index of the server that owns it, and ties ordered by the profile's {@link TieOrder}.
 */
final class ContinuumBuilder {

  /**
   * The most points a ring may have: 16 777 216, 128 MiB of sorted arrays (8 bytes a point). A
   * configuration that needs more is refused before anything is allocated.
   */
  static final long MAX_POINTS = 1L << 24;

  private ContinuumBuilder() {}

  /**
   * Builds the ring of {@code servers} for {@code profile}.
   *
   * @param profile the profile
   * @param options the checked options
   * @param servers a valid server list ({@code ServerLists.requireValid})
   * @return the ring
   * @throws IllegalArgumentException if the servers need more than {@link #MAX_POINTS} points, or
   *     the profile refuses them
   */
  static ContinuumRing build(Profile profile, RingOptions options, List<Server> servers) {
    profile.checkServers(servers);
    PointRule rule = profile.pointRule(servers, options);
    long[] counts = rule.count().counts(servers);
    long total = 0;
    for (long count : counts) {
      total += count;
    }
    if (total > MAX_POINTS) {
      long weight = 0;
      for (Server server : servers) {
        weight += server.weight();
      }
      throw new IllegalArgumentException(
          "ketama ring with compat="
              + profile.name()
              + " would need "
              + total
              + " points for "
              + servers.size()
              + " servers of total weight "
              + weight
              + (profile.hasPointsOption() ? " at points=" + options.pointsPerWeight() : "")
              + "; at most "
              + MAX_POINTS
              + " are supported: lower the weights"
              + (profile.hasPointsOption() ? " or 'points'" : ""));
    }
    NodeFormat format = options.nodes();
    String[] nodes = new String[servers.size()];
    for (int i = 0; i < nodes.length; i++) {
      nodes[i] = format.node(servers.get(i));
    }
    profile.checkNodes(nodes, servers, counts);

    KeyHasher keys = profile.keyHasher(options);
    TieOrder ties = profile.ties();
    int[] ranks = ties.ranks(nodes);
    int[] serverOfRank = new int[ranks.length];
    for (int i = 0; i < ranks.length; i++) {
      serverOfRank[ranks[i]] = i;
    }

    // One long per point: the stored position in the high half, the server's rank in the low half,
    // so that sorting orders by position, then by rank. Servers are visited in rank order, which
    // the (stable) PointSort keeps among equal positions.
    long[] packed = new long[(int) total];
    int[] filled = {0};
    for (int r = 0; r < nodes.length; r++) {
      int i = serverOfRank[r];
      long rank = r;
      rule.hash()
          .points(
              nodes[i],
              format.separator(),
              counts[i],
              options.hash(),
              value -> packed[filled[0]++] = (long) keys.pointPosition(value) << 32 | rank);
    }
    PointSort.sort(packed);

    int[] positions = new int[packed.length];
    int[] owners = new int[packed.length]; // ranks first, server indexes once ties are ordered
    boolean sharedPoints = false;
    for (int start = 0; start < packed.length; ) {
      int position = (int) (packed[start] >> 32);
      int end = start;
      while (end < packed.length && (int) (packed[end] >> 32) == position) {
        positions[end] = position;
        owners[end] = (int) packed[end];
        end++;
      }
      if (end - start > 1) {
        sharedPoints |= owners[start] != owners[end - 1];
        if (ties.rearranges()) {
          ties.arrange(unsigned(position, keys), owners, start, end);
        }
      }
      for (int j = start; j < end; j++) {
        owners[j] = serverOfRank[owners[j]];
      }
      start = end;
    }

    List<Integer> pointless = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        pointless.add(i);
      }
    }
    Set<Trait> traits = traits(profile, options, rule, servers, sharedPoints);
    String description =
        "ketama ring (compat="
            + profile.name()
            + ", hash="
            + options.hashName()
            + (options.hashTag() == null ? "" : ", hash_tag=" + options.hashTag())
            + (options.nodeFormat() == null ? "" : ", node_format=" + options.nodeFormat())
            + (options.namespace() == null ? "" : ", namespace=" + options.namespace())
            + (profile.hasPointsOption() ? ", points=" + options.pointsPerWeight() : "")
            + ", "
            + servers.size()
            + " servers, "
            + total
            + " points)";
    return new ContinuumRing(
        servers,
        positions,
        owners,
        pointless.stream().mapToInt(Integer::intValue).toArray(),
        keys,
        options.hash(),
        traits,
        description);
  }

  /** The unsigned point value behind a stored position. */
  private static long unsigned(int position, KeyHasher keys) {
    // pointPosition is its own inverse: it xors with constants.
    return keys.pointPosition(position) & 0xFFFFFFFFL;
  }

  /**
   * The traits this ring really has.
   *
   * <ul>
   *   <li>{@code WEIGHTED} when point counts follow weights.
   *   <li>{@code FAILOVER_IS_REMOVAL} when removing any one server leaves every other server's
   *       points as they are: counts that do not depend on the other servers, or equal weights
   *       whose shared count does not change from n to n-1 servers. Ties keep their order when a
   *       server goes (see {@link TieOrder}).
   *   <li>{@code MINIMAL_DISRUPTION} when adding or removing any server, of any weight, leaves the
   *       other servers' points as they are: counts that depend on the server alone, no switch of
   *       formula on weights, and, for xmemcached's pick among tied points ({@code value % size}),
   *       no point shared by two servers already.
   * </ul>
   */
  private static Set<Trait> traits(
      Profile profile,
      RingOptions options,
      PointRule rule,
      List<Server> servers,
      boolean sharedPoints) {
    PointCount count = rule.count();
    Set<Trait> traits = EnumSet.noneOf(Trait.class);
    if (count.followsWeight()) {
      traits.add(Trait.WEIGHTED);
    }
    if (!count.dependsOnOthers() || sameCountWithOneLess(count, servers)) {
      traits.add(Trait.FAILOVER_IS_REMOVAL);
    }
    if (!count.dependsOnOthers()
        && !profile.weightsSwitchFormula(options)
        && !(profile.ties().rearranges() && sharedPoints)) {
      traits.add(Trait.MINIMAL_DISRUPTION);
    }
    return Set.copyOf(traits);
  }

  /**
   * Whether every weight is equal and a list one server shorter gives each server the same count:
   * then removing any server leaves the others' points unchanged.
   */
  private static boolean sameCountWithOneLess(PointCount count, List<Server> servers) {
    int weight = servers.get(0).weight();
    for (Server server : servers) {
      if (server.weight() != weight) {
        return false;
      }
    }
    if (servers.size() == 1) {
      return true;
    }
    long[] now = count.counts(servers);
    long[] fewer = count.counts(servers.subList(0, servers.size() - 1));
    return now[0] == fewer[0];
  }
}
