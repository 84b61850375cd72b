package dev.hashring.maglev;

import dev.hashring.Server;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The failover sequence of a Maglev ring: the server of the key's slot, then the servers of more
 * slots drawn from the key's hash, skipping servers already returned; after {@code 8 * servers}
 * draws, the servers not returned yet (which includes any server so light that it holds no slot),
 * in identity order.
 *
 * <p>Draw {@code a} ({@code a = 1, 2, ...}) is the slot {@code mix(h + a * 0x9E3779B97F4A7C15) mod
 * size}, where {@code h} is the key's hash and {@code mix} SplitMix64's finalizer: the SplitMix64
 * sequence seeded with the key's hash. Each draw is a uniformly random slot, so the second server
 * is each other server with probability in proportion to its share of slots, that is to its weight:
 * the keys of a dead server spread over the others by weight.
 *
 * <p>Why not the next slots of the table: neighbouring slots are not independent in Maglev (when
 * the inverse of a server's skip modulo the size is small, its permutation reaches slot {@code p +
 * 1} soon after slot {@code p}, so it holds runs of neighbouring slots), and measured that way a
 * dead server's keys went to some servers 1.25 times, to others half as often as their weights say
 * (docs/MAGLEV.md).
 *
 * <p>The iterator is lazy: the second server usually costs one or two draws.
 */
final class RehashSequence implements Iterator<Server> {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  private static final int DRAWS_PER_SERVER = 8;

  private final Server[] servers;
  private final int[] table;
  private final int[] byRank;
  private final long hash;
  private final long draws;
  private final boolean[] returned;
  private long drawn = -1;
  private int rankCursor;
  private int left;

  RehashSequence(Server[] servers, int[] table, int[] byRank, long hash) {
    this.servers = servers;
    this.table = table;
    this.byRank = byRank;
    this.hash = hash;
    this.draws = (long) DRAWS_PER_SERVER * servers.length;
    this.returned = new boolean[servers.length];
    this.left = servers.length;
  }

  /** The slot of draw {@code a}; draw 0 is the key's own slot. */
  static int slot(long hash, long a, int size) {
    long h = a == 0 ? hash : mix(hash + a * GOLDEN_GAMMA);
    return (int) Long.remainderUnsigned(h, size);
  }

  /** SplitMix64's finalizer (Stafford's variant 13). */
  static long mix(long x) {
    x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
    x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
    return x ^ (x >>> 31);
  }

  @Override
  public boolean hasNext() {
    return left > 0;
  }

  @Override
  public Server next() {
    if (left == 0) {
      throw new NoSuchElementException("every server of the failover sequence was returned");
    }
    while (drawn < draws) {
      drawn++;
      int server = table[slot(hash, drawn, table.length)];
      if (!returned[server]) {
        return take(server);
      }
    }
    while (returned[byRank[rankCursor]]) {
      rankCursor++;
    }
    return take(byRank[rankCursor]);
  }

  private Server take(int server) {
    returned[server] = true;
    left--;
    return servers[server];
  }
}
