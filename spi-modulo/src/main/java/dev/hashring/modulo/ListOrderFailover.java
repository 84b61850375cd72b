package dev.hashring.modulo;

import dev.hashring.Server;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** The primary, then the servers after it in list order, wrapping around to the first. */
final class ListOrderFailover implements Iterator<Server> {

  private final Server[] servers;
  private final int primary;
  private int step;

  ListOrderFailover(Server[] servers, int primary) {
    this.servers = servers;
    this.primary = primary;
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
    int index = primary + step++;
    return servers[index < servers.length ? index : index - servers.length];
  }
}
