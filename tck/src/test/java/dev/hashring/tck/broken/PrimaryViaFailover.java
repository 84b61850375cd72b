package dev.hashring.tck.broken;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelector;
import dev.hashring.Trait;
import dev.hashring.tck.reference.WeightedRendezvous;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Broken on purpose: the correct weighted rendezvous ring of the reference selector, except that
 * its {@code primary(key)} is {@code failover(key).next()}, which builds the whole failover
 * sequence (score and order arrays, a list and its iterator) on every lookup. Answers stay right;
 * only the hot path allocates. Must fail rule 1.10, and only that.
 */
public final class PrimaryViaFailover implements ServerSelector {

  private final WeightedRendezvous rendezvous = new WeightedRendezvous();

  /** Used by {@code ServiceLoader}. */
  public PrimaryViaFailover() {}

  @Override
  public String name() {
    return "primary-via-failover";
  }

  @Override
  public Ring ring(List<Server> servers, Map<String, String> options) {
    Ring ring = rendezvous.ring(servers, options);
    return new Ring() {
      @Override
      public Server primary(byte[] key) {
        return ring.failover(key).next();
      }

      @Override
      public Iterator<Server> failover(byte[] key) {
        return ring.failover(key);
      }

      @Override
      public List<Server> servers() {
        return ring.servers();
      }

      @Override
      public Set<Trait> traits() {
        return ring.traits();
      }
    };
  }
}
