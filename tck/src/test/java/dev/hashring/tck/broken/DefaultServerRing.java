package dev.hashring.tck.broken;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelector;
import dev.hashring.Trait;
import dev.hashring.spi.Options;
import dev.hashring.spi.ServerLists;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Broken on purpose: a ketama ring (160 MD5 points per server) whose lookup does not wrap around: a
 * key that hashes past the last point gets a "default" server, {@code 127.0.0.1:11211}, that is not
 * in its list. That happens for a few keys only. Must fail rules 1.2 and 1.4.
 */
public final class DefaultServerRing implements ServerSelector {

  static final Server DEFAULT = Server.of("127.0.0.1", 11211);

  /** Used by {@code ServiceLoader}. */
  public DefaultServerRing() {}

  @Override
  public String name() {
    return "default-server-ring";
  }

  @Override
  public Ring ring(List<Server> servers, Map<String, String> options) {
    List<Server> list = ServerLists.requireValid(servers);
    Options.of(name(), options).requireNoOthers();
    long[] keys = new long[list.size() * 160];
    int at = 0;
    for (int i = 0; i < list.size(); i++) {
      for (int j = 0; j < 40; j++) {
        byte[] digest = Md5.digest(list.get(i).address() + "-" + j);
        for (int w = 0; w < 4; w++) {
          keys[at++] = Md5.word(digest, w) << 16 | i;
        }
      }
    }
    Arrays.sort(keys);
    return new Ring() {
      /** The first point at or above the key's hash, or -1 past the last point. */
      private int position(byte[] key) {
        long hash = Md5.keyHash(Objects.requireNonNull(key, "key"));
        int low = 0;
        int high = keys.length;
        while (low < high) {
          int mid = (low + high) >>> 1;
          if (keys[mid] >>> 16 < hash) {
            low = mid + 1;
          } else {
            high = mid;
          }
        }
        return low == keys.length ? -1 : low;
      }

      @Override
      public Server primary(byte[] key) {
        int at = position(key);
        return at < 0 ? DEFAULT : list.get((int) (keys[at] & 0xffff));
      }

      @Override
      public Iterator<Server> failover(byte[] key) {
        int start = position(key);
        Set<Server> sequence = new LinkedHashSet<>();
        sequence.add(primary(key));
        int length = start < 0 ? list.size() + 1 : list.size();
        for (int k = 0; k < keys.length && sequence.size() < length; k++) {
          sequence.add(list.get((int) (keys[(Math.max(start, 0) + k) % keys.length] & 0xffff)));
        }
        return new ArrayList<>(sequence).iterator();
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
