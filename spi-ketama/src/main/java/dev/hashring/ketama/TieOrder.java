package dev.hashring.ketama;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Which server a key gets when points of several servers have the same 32-bit value, and in which
 * order the failover walk meets them.
 *
 * <p>Each server gets a rank; among tied points the lowest rank wins and the others follow in rank
 * order. Because the order among the remaining servers never depends on the one removed, removing
 * the winner hands the point to the next server in that order, which is what the failover walk
 * lists next.
 */
enum TieOrder {

  /**
   * The server listed first wins. libmemcached sorts its continuum by {@code (value, host index)}
   * ({@code continuum_item_cmp}) and looks up the first point of a run. twemproxy sorts by value
   * only with {@code qsort}, which glibc implements as a stable merge sort, so insertion order,
   * that is list order, decides. Dalli sorts with Ruby's unstable {@code sort_by}; its order among
   * ties is unspecified, and this profile picks list order.
   */
  LIST_ORDER {
    @Override
    int[] ranks(String[] nodes) {
      int[] ranks = new int[nodes.length];
      Arrays.setAll(ranks, i -> i);
      return ranks;
    }
  },

  /**
   * The server listed last wins: spymemcached puts points into a {@code TreeMap} in list order, and
   * a later {@code put} of the same value replaces the earlier one.
   */
  LATER_WINS {
    @Override
    int[] ranks(String[] nodes) {
      int[] ranks = new int[nodes.length];
      Arrays.setAll(ranks, i -> nodes.length - 1 - i);
      return ranks;
    }
  },

  /**
   * Ordered by node text, so that the winner does not depend on the order of the list (this
   * project's own ring; node texts are unique there).
   */
  NODE_ORDER {
    @Override
    int[] ranks(String[] nodes) {
      return byNodeText(nodes);
    }
  },

  /**
   * xmemcached's: a value keeps every tied session in a list sorted by node text ({@code sockStr}),
   * and a lookup takes {@code list.get(value % list.size())}. Ranks are node-text order; {@link
   * #arrange} then moves that pick to the front of each run.
   */
  PICK_BY_VALUE {
    @Override
    int[] ranks(String[] nodes) {
      return byNodeText(nodes);
    }

    @Override
    boolean rearranges() {
      return true;
    }

    /**
     * Orders one run of tied points as xmemcached would answer after successive removals: the first
     * is {@code run[value % size]}; with that server's points removed, the next is the pick among
     * the rest, and so on.
     */
    @Override
    void arrange(long value, int[] run, int from, int to) {
      int size = to - from;
      int[] pending = Arrays.copyOfRange(run, from, to);
      int out = from;
      while (size > 0) {
        int winner = pending[(int) (value % size)];
        int kept = 0;
        for (int i = 0; i < size; i++) {
          if (pending[i] == winner) {
            run[out++] = winner;
          } else {
            pending[kept++] = pending[i];
          }
        }
        size = kept;
      }
    }
  };

  /**
   * The rank of each server, indexed like the list; ranks are a permutation of {@code 0..n-1}.
   *
   * @param nodes the node text of each server, in list order
   */
  abstract int[] ranks(String[] nodes);

  /** Whether {@link #arrange} must be called on every run of tied points. */
  boolean rearranges() {
    return false;
  }

  /**
   * Reorders one run of tied points, given as server ranks in rank order, so that the winner comes
   * first.
   *
   * @param value the tied point value, unsigned
   * @param run the ranks of the points of the run, sorted
   * @param from first index of the run
   * @param to index after the run
   */
  void arrange(long value, int[] run, int from, int to) {}

  private static int[] byNodeText(String[] nodes) {
    Integer[] order = new Integer[nodes.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparing((Integer i) -> nodes[i]).thenComparing(i -> i));
    int[] ranks = new int[nodes.length];
    for (int rank = 0; rank < order.length; rank++) {
      ranks[order[rank]] = rank;
    }
    return ranks;
  }
}
