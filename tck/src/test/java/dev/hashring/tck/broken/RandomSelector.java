package dev.hashring.tck.broken;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelector;
import dev.hashring.Trait;
import dev.hashring.spi.Options;
import dev.hashring.spi.ServerLists;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Broken on purpose: answers a random server. Must fail rule 1.1 (among others). */
public final class RandomSelector implements ServerSelector {

  /** Used by {@code ServiceLoader}. */
  public RandomSelector() {}

  @Override
  public String name() {
    return "random";
  }

  @Override
  public Ring ring(List<Server> servers, Map<String, String> options) {
    List<Server> list = ServerLists.requireValid(servers);
    Options.of(name(), options).requireNoOthers();
    return new Ring() {
      @Override
      public Server primary(byte[] key) {
        Objects.requireNonNull(key, "key");
        return list.get(ThreadLocalRandom.current().nextInt(list.size()));
      }

      @Override
      public Iterator<Server> failover(byte[] key) {
        Objects.requireNonNull(key, "key");
        List<Server> shuffled = new ArrayList<>(list);
        Collections.shuffle(shuffled, ThreadLocalRandom.current());
        return shuffled.iterator();
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
