package dev.hashring.tck.broken;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelector;
import dev.hashring.Trait;
import dev.hashring.spi.Options;
import dev.hashring.spi.ServerLists;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * Broken on purpose: a sound modulo selector (FNV-1a of the key modulo the server count; failover
 * walks the list from there) that claims {@code MINIMAL_DISRUPTION}, which modulo cannot keep:
 * adding a server moves most keys between the others. Must fail rules 2.2 and 2.3, and only those.
 */
public final class ModuloClaimingMinimalDisruption implements ServerSelector {

  /** Used by {@code ServiceLoader}. */
  public ModuloClaimingMinimalDisruption() {}

  @Override
  public String name() {
    return "modulo-claiming-minimal-disruption";
  }

  @Override
  public Ring ring(List<Server> servers, Map<String, String> options) {
    List<Server> list = ServerLists.requireValid(servers);
    Options.of(name(), options).requireNoOthers();
    return new Ring() {
      private int index(byte[] key) {
        int hash = 0x811c9dc5;
        for (byte b : Objects.requireNonNull(key, "key")) {
          hash = (hash ^ (b & 0xff)) * 0x01000193;
        }
        return (int) Long.remainderUnsigned(hash & 0xffffffffL, list.size());
      }

      @Override
      public Server primary(byte[] key) {
        return list.get(index(key));
      }

      @Override
      public Iterator<Server> failover(byte[] key) {
        int start = index(key);
        return new Iterator<>() {
          private int yielded;

          @Override
          public boolean hasNext() {
            return yielded < list.size();
          }

          @Override
          public Server next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return list.get((start + yielded++) % list.size());
          }
        };
      }

      @Override
      public List<Server> servers() {
        return list;
      }

      @Override
      public Set<Trait> traits() {
        return Set.of(Trait.MINIMAL_DISRUPTION);
      }
    };
  }
}
