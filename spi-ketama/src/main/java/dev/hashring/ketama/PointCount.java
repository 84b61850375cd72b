package dev.hashring.ketama;

import dev.hashring.Server;
import java.util.List;

/** How many ring points each server of a list gets. */
interface PointCount {

  /**
   * The number of points of each server, in list order.
   *
   * @param servers a valid, non-empty server list
   * @return one count per server, each zero or more
   */
  long[] counts(List<Server> servers);

  /** Whether a server's count follows its weight. */
  boolean followsWeight();

  /**
   * Whether a server's count depends on the other servers of the list (a share of the total
   * weight), so that adding or removing one server can change every other server's count.
   */
  boolean dependsOnOthers();

  /** The same number of points for every server, whatever its weight. */
  static PointCount fixed(int points) {
    return new Fixed(points);
  }

  /** {@code perWeight} points per unit of weight: a server's points depend on it alone. */
  static PointCount perWeight(int perWeight) {
    return new PerWeight(perWeight);
  }

  /**
   * libketama's share of 160 points per server, computed in {@code float} exactly as libmemcached
   * ({@code hosts.cc: update_continuum}), twemproxy ({@code nc_ketama.c: ketama_update}) and
   * spymemcached ({@code KetamaNodeLocator.setKetamaNodes}) compute it:
   *
   * <pre>{@code
   * float pct = (float) weight / (float) totalWeight;
   * points = (int) floor((float) (pct * 160 / 4 * (float) serverCount + 1e-10)) * 4
   * }</pre>
   *
   * <p>The result is a multiple of 4, and may be 0. Single precision matters: in {@code double} the
   * counts differ. Even equal weights do not always give 160: with 25, 47, 50, 55, ... servers the
   * {@code float} product comes out just below 40 and every server gets 156 points.
   */
  static PointCount libketamaShare() {
    return Share.LIBKETAMA;
  }

  /**
   * Dalli's share ({@code Dalli::Ring#entry_count_for}): {@code floor(serverCount * 160 * weight /
   * totalWeight)} with the division in {@code double}. Equal weights give exactly 160.
   */
  static PointCount dalliShare() {
    return Share.DALLI;
  }

  /** {@link #fixed}. */
  record Fixed(int points) implements PointCount {
    @Override
    public long[] counts(List<Server> servers) {
      long[] counts = new long[servers.size()];
      java.util.Arrays.fill(counts, points);
      return counts;
    }

    @Override
    public boolean followsWeight() {
      return false;
    }

    @Override
    public boolean dependsOnOthers() {
      return false;
    }
  }

  /** {@link #perWeight}. */
  record PerWeight(int perWeight) implements PointCount {
    @Override
    public long[] counts(List<Server> servers) {
      long[] counts = new long[servers.size()];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = (long) perWeight * servers.get(i).weight();
      }
      return counts;
    }

    @Override
    public boolean followsWeight() {
      return true;
    }

    @Override
    public boolean dependsOnOthers() {
      return false;
    }
  }

  /** The two formulas that share a total among the servers. */
  enum Share implements PointCount {
    LIBKETAMA {
      @Override
      long count(long weight, long totalWeight, int serverCount) {
        float pct = (float) weight / (float) totalWeight;
        // Left to right in float, as the C and Java sources evaluate it; the final double
        // addition of 1e-10 only matters when the product is 0.
        float share = pct * 160f / 4f * (float) serverCount;
        return (long) Math.floor((float) (share + 0.0000000001)) * 4;
      }
    },
    DALLI {
      @Override
      long count(long weight, long totalWeight, int serverCount) {
        return (long) Math.floor((double) (serverCount * 160L * weight) / (double) totalWeight);
      }
    };

    abstract long count(long weight, long totalWeight, int serverCount);

    @Override
    public long[] counts(List<Server> servers) {
      long total = 0;
      for (Server server : servers) {
        total += server.weight();
      }
      long[] counts = new long[servers.size()];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = count(servers.get(i).weight(), total, servers.size());
      }
      return counts;
    }

    @Override
    public boolean followsWeight() {
      return true;
    }

    @Override
    public boolean dependsOnOthers() {
      return true;
    }
  }
}
