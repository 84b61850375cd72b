package dev.hashring.modulo;

import dev.hashring.HashAlgorithm;
import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.Trait;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A modulo ring: the key's number modulo the slot count picks a slot, and a flat array tells which
 * server owns it (each server owns {@code weight} consecutive slots, the servers taking their slots
 * in the profile's slot order).
 */
final class ModuloRing implements Ring {

  private final List<Server> servers;
  private final Server[] byIndex;
  private final int[] weights;
  private final int[] slotOrder;
  private final int[] ownerOfSlot;
  private final long slotCount;
  private final HashAlgorithm keyNumber;
  private final FailoverOrder failover;
  private final Set<Trait> traits;
  private final String description;

  ModuloRing(
      List<Server> servers,
      int[] weights,
      int[] slotOrder,
      HashAlgorithm keyNumber,
      FailoverOrder failover,
      Set<Trait> traits,
      String description) {
    this.servers = servers;
    this.byIndex = servers.toArray(new Server[0]);
    this.weights = weights.clone();
    this.slotOrder = slotOrder.clone();
    this.ownerOfSlot = owners(weights, slotOrder);
    this.slotCount = ownerOfSlot.length;
    this.keyNumber = keyNumber;
    this.failover = failover;
    this.traits = traits;
    this.description = description;
  }

  private static int[] owners(int[] weights, int[] slotOrder) {
    int total = 0;
    for (int weight : weights) {
      total += weight;
    }
    int[] owners = new int[total];
    int slot = 0;
    for (int server : slotOrder) {
      for (int i = 0; i < weights[server]; i++) {
        owners[slot++] = server;
      }
    }
    return owners;
  }

  @Override
  public Server primary(byte[] key) {
    return byIndex[indexOf(keyNumber.hash(key))];
  }

  @Override
  public Server primary(String key) {
    return byIndex[indexOf(keyNumber.hash(key))];
  }

  @Override
  public Iterator<Server> failover(byte[] key) {
    return failoverOf(keyNumber.hash(key));
  }

  @Override
  public Iterator<Server> failover(String key) {
    return failoverOf(keyNumber.hash(key));
  }

  private int indexOf(long number) {
    return ownerOfSlot[(int) (number % slotCount)];
  }

  private Iterator<Server> failoverOf(long number) {
    return failover.sequence(byIndex, weights, slotOrder, number, indexOf(number));
  }

  @Override
  public List<Server> servers() {
    return servers;
  }

  @Override
  public Set<Trait> traits() {
    return traits;
  }

  @Override
  public String toString() {
    return description + " over " + servers;
  }
}
