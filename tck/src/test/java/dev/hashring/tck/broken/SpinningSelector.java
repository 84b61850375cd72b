package dev.hashring.tck.broken;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelector;
import dev.hashring.Trait;
import dev.hashring.spi.Options;
import dev.hashring.spi.ServerLists;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Broken on purpose: places two slots per server in a 64-slot table with linear probing, and never
 * checks that the table has room. With more than 32 servers building the ring spins forever, and
 * ignores interruption. The TCK must fail it, not hang, and the JVM must still exit.
 */
public final class SpinningSelector implements ServerSelector {

  private static final int SLOTS = 64;

  /** Used by {@code ServiceLoader}. */
  public SpinningSelector() {}

  @Override
  public String name() {
    return "spinning";
  }

  @Override
  public Ring ring(List<Server> servers, Map<String, String> options) {
    List<Server> list = ServerLists.requireValid(servers);
    Options.of(name(), options).requireNoOthers();
    int[] table = new int[SLOTS];
    Arrays.fill(table, -1);
    for (int i = 0; i < list.size(); i++) {
      for (int replica = 0; replica < 2; replica++) {
        int slot = (int) (Md5.word(Md5.digest(list.get(i).address() + "#" + replica), 0) % SLOTS);
        while (table[slot] != -1) {
          slot = (slot + 1) % SLOTS;
        }
        table[slot] = i;
      }
    }
    return new Ring() {
      private int slot(byte[] key) {
        int slot = (int) (Md5.keyHash(Objects.requireNonNull(key, "key")) % SLOTS);
        while (table[slot] == -1) {
          slot = (slot + 1) % SLOTS;
        }
        return slot;
      }

      @Override
      public Server primary(byte[] key) {
        return list.get(table[slot(key)]);
      }

      @Override
      public Iterator<Server> failover(byte[] key) {
        int start = slot(key);
        Set<Server> sequence = new LinkedHashSet<>();
        for (int k = 0; k < SLOTS; k++) {
          int owner = table[(start + k) % SLOTS];
          if (owner >= 0) {
            sequence.add(list.get(owner));
          }
        }
        return sequence.iterator();
      }

      @Override
      public List<Server> servers() {
        return list;
      }

      @Override
      public Set<Trait> traits() {
        return Set.of();
      }
    };
  }
}
