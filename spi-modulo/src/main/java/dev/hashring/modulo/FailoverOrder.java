package dev.hashring.modulo;

import dev.hashring.Server;
import java.util.Iterator;

/** The order in which a profile tries the servers after a key's primary. */
enum FailoverOrder {

  /**
   * The servers after the primary in list order, wrapping around: {@code p+1, ..., n-1, 0, ...,
   * p-1}. This is spymemcached's {@code ArrayModNodeLocator.getSequence} and libmemcached's replica
   * order. It sends all keys of a dead server to the next one.
   */
  LIST_ORDER {
    @Override
    Iterator<Server> sequence(
        Server[] servers, int[] weights, int[] slotOrder, long keyNumber, int primary) {
      return new ListOrderFailover(servers, primary);
    }
  },

  /**
   * The primary the key would get if the servers listed so far were removed from the list: the
   * slots are laid out again over the remaining servers and {@code number mod remaining weight}
   * picks one, the slots following the profile's slot order. This is what twemproxy does when it
   * ejects a server, and it spreads a dead server's keys over all others in proportion to their
   * weights.
   */
  REMOVAL {
    @Override
    Iterator<Server> sequence(
        Server[] servers, int[] weights, int[] slotOrder, long keyNumber, int primary) {
      return new RemovalFailover(servers, weights, slotOrder, keyNumber, primary);
    }
  };

  /**
   * The failover sequence of one key.
   *
   * @param servers the ring's servers in list order
   * @param weights their slot counts
   * @param slotOrder the server indices in the order they take slots
   * @param keyNumber the key's non-negative number
   * @param primary the index of the key's primary
   */
  abstract Iterator<Server> sequence(
      Server[] servers, int[] weights, int[] slotOrder, long keyNumber, int primary);
}
