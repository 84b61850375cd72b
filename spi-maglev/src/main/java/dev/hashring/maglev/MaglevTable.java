package dev.hashring.maglev;

import java.util.Arrays;

/**
 * Fills a Maglev lookup table: Eisenbud et al., "Maglev: A Fast and Reliable Software Network Load
 * Balancer", NSDI 2016, section 3.4, with weights.
 *
 * <p>Every server has a permutation of the slots, {@code (offset + j * skip) mod size} for {@code j
 * = 0, 1, ...}; the table size is prime, so every skip visits every slot. Servers take turns; on
 * its turn a server claims the next slot of its permutation that nobody has claimed yet. Turns go
 * on until every slot is claimed.
 *
 * <p>Weights decide the turns: the {@code k}-th turn of a server of weight {@code w} ({@code k = 0,
 * 1, ...}) comes at time {@code (k + 1/2) / w}, turns are taken in time order, and turns at the
 * same time in the servers' order. A server of weight {@code w} therefore takes {@code w} turns for
 * every turn of a server of weight 1, spread evenly, so its share of slots is its share of the
 * weights (to a slot or so). With equal weights this is the paper's round robin. Times are compared
 * exactly, as integers: {@code (2k + 1) * w'} against {@code (2k' + 1) * w}.
 *
 * <p>Cost: {@code size} turns through a heap of servers, {@code O(size * log(servers))}, and about
 * {@code size * ln(size)} probes in total (the last slots are found late, as in the coupon
 * collector problem); memory: the table and a few arrays of one entry per server.
 */
final class MaglevTable {

  private final int size;
  private final int[] skip;
  private final int[] weight;
  private final long[] turns;
  private final int[] heap;

  private MaglevTable(int size, int[] skip, int[] weight) {
    this.size = size;
    this.skip = skip;
    this.weight = weight;
    this.turns = new long[weight.length];
    this.heap = new int[weight.length];
  }

  /**
   * Fills a table.
   *
   * @param size a prime, the number of slots
   * @param offset each server's first slot, in {@code [0, size)}
   * @param skip each server's step, in {@code [1, size)}
   * @param weight each server's weight, at least 1; servers are listed in their tie-breaking order
   * @return for each slot, the index of the server that claimed it
   */
  static int[] fill(int size, int[] offset, int[] skip, int[] weight) {
    return new MaglevTable(size, skip, weight).fill(offset);
  }

  private int[] fill(int[] offset) {
    int n = weight.length;
    int[] table = new int[size];
    Arrays.fill(table, -1);
    int[] position = offset.clone();
    for (int i = 0; i < n; i++) {
      heap[i] = i;
    }
    // Every server's first turn: times 1 / (2w); the array is sorted into a heap.
    for (int i = n / 2 - 1; i >= 0; i--) {
      siftDown(i);
    }
    for (int filled = 0; filled < size; filled++) {
      int server = heap[0];
      int slot = position[server];
      while (table[slot] >= 0) {
        slot = next(slot, skip[server]);
      }
      table[slot] = server;
      position[server] = next(slot, skip[server]);
      turns[server]++;
      siftDown(0);
    }
    return table;
  }

  private int next(int slot, int step) {
    int next = slot + step;
    return next >= size ? next - size : next;
  }

  /** Whether server {@code a}'s next turn comes before server {@code b}'s. */
  private boolean before(int a, int b) {
    long timeA = (2 * turns[a] + 1) * weight[b];
    long timeB = (2 * turns[b] + 1) * weight[a];
    return timeA != timeB ? timeA < timeB : a < b;
  }

  private void siftDown(int at) {
    int n = heap.length;
    int server = heap[at];
    while (true) {
      int child = 2 * at + 1;
      if (child >= n) {
        break;
      }
      if (child + 1 < n && before(heap[child + 1], heap[child])) {
        child++;
      }
      if (!before(heap[child], server)) {
        break;
      }
      heap[at] = heap[child];
      at = child;
    }
    heap[at] = server;
  }
}
