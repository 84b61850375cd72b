package dev.hashring.tck.reference;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelector;
import dev.hashring.Trait;
import dev.hashring.spi.Options;
import dev.hashring.spi.ServerLists;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A small, correct stateful selector, for the TCK's {@code optionsAfter} hook: its mapping depends
 * on the order in which servers came and went, which option {@code history} records.
 *
 * <p>A table of 1,024 slots, each owned by a server; a key's slot is the top 10 bits of its mixed
 * FNV-1a hash. The history is a comma-separated list of events {@code +address} and {@code
 * -address}; without the option it is the servers added in list order. The first server takes every
 * slot. Adding a server to {@code n} others moves {@code 1024 / (n + 1)} slots to it, one at a
 * time, each the last slot of the server that holds the most (the earliest added among equals).
 * Removing a server gives its slots, one at a time in its order, to the server that holds the
 * fewest (the earliest added among equals). Failover replays removals: the primary, then the
 * primary once it is removed, and so on.
 *
 * <p>So adding or removing a server moves only slots to or from it, and failover is removal, but
 * only when the change is appended to the history: a ring built from a changed list with the same
 * options starts from another history and moves keys between servers that did not change. It claims
 * {@code MINIMAL_DISRUPTION} and {@code FAILOVER_IS_REMOVAL}, and refuses weights other than 1.
 */
public final class HistorySlots implements ServerSelector {

  static final int SLOTS = 1024;

  /** Used by {@code ServiceLoader} and the tests. */
  public HistorySlots() {}

  @Override
  public String name() {
    return "tck-history-slots";
  }

  @Override
  public Ring ring(List<Server> servers, Map<String, String> options) {
    List<Server> list = ServerLists.requireValid(servers);
    Options reader = Options.of(name(), options);
    String history = reader.text("history").orElse(null);
    reader.requireNoOthers();
    for (Server server : list) {
      if (server.weight() != 1) {
        throw new IllegalArgumentException(
            "weight must be 1 for selector tck-history-slots: " + server.weight());
      }
    }
    Table table = new Table();
    if (history == null) {
      list.forEach(server -> table.add(server.address()));
    } else {
      for (String event : history.split(",", -1)) {
        String address = event.substring(1);
        if (event.startsWith("+") && !table.slots.containsKey(address)) {
          table.add(address);
        } else if (event.startsWith("-") && table.slots.containsKey(address)) {
          table.remove(address);
        } else {
          throw new IllegalArgumentException("option 'history': cannot apply '" + event + "'");
        }
      }
    }
    Map<String, Server> byAddress = new HashMap<>();
    list.forEach(server -> byAddress.put(server.address(), server));
    if (!byAddress.keySet().equals(table.slots.keySet())) {
      throw new IllegalArgumentException(
          "option 'history' leaves " + table.slots.keySet() + ", not the servers " + list);
    }
    return new SlotRing(list, byAddress, table);
  }

  /** Which server owns each slot, and each server's slots; live servers in the order added. */
  private static final class Table {

    final String[] owner = new String[SLOTS];
    final Map<String, ArrayDeque<Integer>> slots = new LinkedHashMap<>();

    Table copy() {
      Table copy = new Table();
      System.arraycopy(owner, 0, copy.owner, 0, SLOTS);
      slots.forEach((server, own) -> copy.slots.put(server, new ArrayDeque<>(own)));
      return copy;
    }

    void add(String server) {
      ArrayDeque<Integer> own = new ArrayDeque<>();
      int quota = slots.isEmpty() ? SLOTS : SLOTS / (slots.size() + 1);
      for (int i = 0; i < quota; i++) {
        int slot = slots.isEmpty() ? i : slots.get(holding(true)).pollLast();
        owner[slot] = server;
        own.addLast(slot);
      }
      slots.put(server, own);
    }

    void remove(String server) {
      for (int slot : slots.remove(server)) {
        String taker = holding(false);
        owner[slot] = taker;
        slots.get(taker).addLast(slot);
      }
    }

    /** The server holding the most slots (or, if not {@code most}, the fewest). */
    private String holding(boolean most) {
      String best = null;
      int count = 0;
      for (Map.Entry<String, ArrayDeque<Integer>> entry : slots.entrySet()) {
        int size = entry.getValue().size();
        if (best == null || (most ? size > count : size < count)) {
          best = entry.getKey();
          count = size;
        }
      }
      return best;
    }
  }

  private static final class SlotRing implements Ring {

    private static final Set<Trait> TRAITS =
        Set.of(Trait.MINIMAL_DISRUPTION, Trait.FAILOVER_IS_REMOVAL);

    private final List<Server> servers;
    private final Map<String, Server> byAddress;
    private final Table table;

    SlotRing(List<Server> servers, Map<String, Server> byAddress, Table table) {
      this.servers = servers;
      this.byAddress = byAddress;
      this.table = table;
    }

    private static int slot(byte[] key) {
      long hash = WeightedRendezvous.fnv1a(Objects.requireNonNull(key, "key"), 0, key.length);
      return (int) (WeightedRendezvous.mix(hash) >>> 54);
    }

    @Override
    public Server primary(byte[] key) {
      return byAddress.get(table.owner[slot(key)]);
    }

    @Override
    public Iterator<Server> failover(byte[] key) {
      int slot = slot(key);
      Table left = table.copy();
      List<Server> sequence = new ArrayList<>();
      while (true) {
        String next = left.owner[slot];
        sequence.add(byAddress.get(next));
        if (left.slots.size() == 1) {
          break;
        }
        left.remove(next);
      }
      return List.copyOf(sequence).iterator();
    }

    @Override
    public List<Server> servers() {
      return servers;
    }

    @Override
    public Set<Trait> traits() {
      return TRAITS;
    }
  }
}
