package dev.hashring.maglev;

import dev.hashring.Server;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The failover sequence of a Maglev ring: the server of the key's slot, then the servers of the
 * following slots (wrapping around) that were not returned yet, then, after one full turn, any
 * server that holds no slot at all (possible only when its weight is tiny next to the others'), in
 * the servers' order.
 *
 * <p>The slots after a key's slot belong to servers in proportion to their shares, so when a server
 * dies its keys spread over the others by weight. The walk is lazy: the second server usually costs
 * one or two steps; the whole sequence at most one turn of the table.
 */
final class TableWalk implements Iterator<Server> {

  private final Server[] servers;
  private final int[] table;
  private final int[] byRank;
  private final boolean[] returned;
  private int slot;
  private int stepped;
  private int rankCursor;
  private int left;

  TableWalk(Server[] servers, int[] table, int[] byRank, int start) {
    this.servers = servers;
    this.table = table;
    this.byRank = byRank;
    this.returned = new boolean[servers.length];
    this.slot = start;
    this.left = servers.length;
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
    while (stepped < table.length) {
      int server = table[slot];
      slot = slot + 1 == table.length ? 0 : slot + 1;
      stepped++;
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
