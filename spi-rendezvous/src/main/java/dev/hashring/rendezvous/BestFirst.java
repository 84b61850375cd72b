package dev.hashring.rendezvous;

import dev.hashring.Server;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The failover sequence of a highest-score ring: every server once, best first.
 *
 * <p>The usual caller needs the first two or three servers, so the first few are chosen when they
 * are asked for, each by a scan of {@code O(servers)}; a caller that goes further gets the rest
 * sorted once, so the whole sequence costs {@code O(servers * log(servers))}, not {@code
 * O(servers^2)}.
 */
final class BestFirst implements Iterator<Server> {

  /** Which of two servers (by index) a key prefers; a strict total order. */
  @FunctionalInterface
  interface Preference {
    boolean prefers(int a, int b);
  }

  /** How many servers are chosen by scanning before the rest is sorted. */
  private static final int SCANS = 4;

  private final Server[] servers;
  private final Preference preference;
  private final boolean[] returned;
  private int given;
  private Integer[] rest;

  BestFirst(Server[] servers, Preference preference) {
    this.servers = servers;
    this.preference = preference;
    this.returned = new boolean[servers.length];
  }

  @Override
  public boolean hasNext() {
    return given < servers.length;
  }

  @Override
  public Server next() {
    if (given == servers.length) {
      throw new NoSuchElementException("every server of the failover sequence was returned");
    }
    if (given < SCANS) {
      int best = -1;
      for (int i = 0; i < servers.length; i++) {
        if (!returned[i] && (best < 0 || preference.prefers(i, best))) {
          best = i;
        }
      }
      returned[best] = true;
      given++;
      return servers[best];
    }
    if (rest == null) {
      rest = new Integer[servers.length - given];
      int at = 0;
      for (int i = 0; i < servers.length; i++) {
        if (!returned[i]) {
          rest[at++] = i;
        }
      }
      Arrays.sort(rest, (a, b) -> a.equals(b) ? 0 : preference.prefers(a, b) ? -1 : 1);
    }
    return servers[rest[given++ - SCANS]];
  }
}
