package dev.hashring.modulo;

import dev.hashring.Server;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The primary, then at each step the primary of the list without the servers listed so far: slot
 * {@code number mod (their total weight)} of the remaining servers laid out in slot order, {@code
 * weight} slots each. Each step costs time proportional to the server count.
 */
final class RemovalFailover implements Iterator<Server> {

  private final Server[] servers;
  private final int[] weights;
  private final int[] slotOrder;
  private final long keyNumber;
  private final boolean[] listed;
  private long remainingWeight;
  private int step;
  private int next;

  RemovalFailover(Server[] servers, int[] weights, int[] slotOrder, long keyNumber, int primary) {
    this.servers = servers;
    this.weights = weights;
    this.slotOrder = slotOrder;
    this.keyNumber = keyNumber;
    this.listed = new boolean[servers.length];
    for (int weight : weights) {
      remainingWeight += weight;
    }
    this.next = primary;
  }

  @Override
  public boolean hasNext() {
    return step < servers.length;
  }

  @Override
  public Server next() {
    if (!hasNext()) {
      throw new NoSuchElementException("every server has been listed");
    }
    if (step > 0) {
      next = ownerOf(keyNumber % remainingWeight);
    }
    listed[next] = true;
    remainingWeight -= weights[next];
    step++;
    return servers[next];
  }

  /** The server not yet listed that owns {@code slot} in the layout of those servers. */
  private int ownerOf(long slot) {
    long left = slot;
    for (int i : slotOrder) {
      if (!listed[i]) {
        left -= weights[i];
        if (left < 0) {
          return i;
        }
      }
    }
    throw new IllegalStateException("slot " + slot + " beyond the remaining weight");
  }
}
