package dev.hashring.testproviders;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.Trait;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** The ring of {@link FirstServerSelector}. */
final class FirstServerRing implements Ring {
  private final List<Server> servers;

  FirstServerRing(List<Server> servers) {
    this.servers = servers;
  }

  @Override
  public Server primary(byte[] key) {
    return servers.get(0);
  }

  @Override
  public Iterator<Server> failover(byte[] key) {
    return servers.iterator();
  }

  @Override
  public List<Server> servers() {
    return servers;
  }

  @Override
  public Set<Trait> traits() {
    return Set.of();
  }
}
