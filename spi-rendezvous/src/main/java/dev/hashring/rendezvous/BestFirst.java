package dev.hashring.rendezvous;

import dev.hashring.Server;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The failover sequence of a highest-score ring: every server once, best first. The next server is
 * chosen when it is asked for, so the usual caller, who needs the first two or three, pays {@code
 * O(servers)} for each and never sorts the whole list.
 */
final class BestFirst implements Iterator<Server> {

  /** Which of two servers (by index) a key prefers; a strict total order. */
  @FunctionalInterface
  interface Preference {
    boolean prefers(int a, int b);
  }

  private final Server[] servers;
  private final Preference preference;
  private final boolean[] returned;
  private int left;

  BestFirst(Server[] servers, Preference preference) {
    this.servers = servers;
    this.preference = preference;
    this.returned = new boolean[servers.length];
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
    int best = -1;
    for (int i = 0; i < servers.length; i++) {
      if (!returned[i] && (best < 0 || preference.prefers(i, best))) {
        best = i;
      }
    }
    returned[best] = true;
    left--;
    return servers[best];
  }
}
