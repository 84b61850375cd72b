package dev.hashring.tck.broken;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelector;
import dev.hashring.Trait;
import dev.hashring.spi.Options;
import dev.hashring.spi.ServerLists;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * Broken on purpose: the later "fixed" version of the Python ring. The endless cycle became one
 * pass over the ring, but that pass yields the owner of every ring point, so a server comes back
 * once per point: many repeats, many more than n entries. Its weight loop hashes the same string
 * for every copy, so a weight of 5 adds one point five times and the weight changes nothing, while
 * the ring claims {@code WEIGHTED}. Must fail rules 1.4, 1.5 and 2.1.
 */
public final class FixedPythonRing implements ServerSelector {

  /** Used by {@code ServiceLoader}. */
  public FixedPythonRing() {}

  @Override
  public String name() {
    return "fixed-python-ring";
  }

  @Override
  public Ring ring(List<Server> servers, Map<String, String> options) {
    List<Server> list = ServerLists.requireValid(servers);
    Options.of(name(), options).requireNoOthers();
    return new PythonRing(list);
  }

  private static final class PythonRing implements Ring {

    private final List<Server> servers;
    private final long[] points;
    private final Server[] owners;

    PythonRing(List<Server> servers) {
      this.servers = servers;
      int count = 0;
      for (Server server : servers) {
        count += 40 * 3 * server.weight();
      }
      long[] keys = new long[count];
      int at = 0;
      for (int i = 0; i < servers.size(); i++) {
        Server server = servers.get(i);
        for (int j = 0; j < 40; j++) {
          for (int copy = 0; copy < server.weight(); copy++) {
            // The bug: the copy number is not part of the hashed string.
            byte[] digest = Md5.digest(server.address() + "-" + j);
            for (int w = 0; w < 3; w++) {
              keys[at++] = Md5.word(digest, w) << 16 | i;
            }
          }
        }
      }
      Arrays.sort(keys);
      points = new long[count];
      owners = new Server[count];
      for (int k = 0; k < count; k++) {
        points[k] = keys[k] >>> 16;
        owners[k] = servers.get((int) (keys[k] & 0xffff));
      }
    }

    private int position(byte[] key) {
      long hash = Md5.keyHash(Objects.requireNonNull(key, "key"));
      int low = 0;
      int high = points.length;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (points[mid] <= hash) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return low == points.length ? 0 : low;
    }

    @Override
    public Server primary(byte[] key) {
      return owners[position(key)];
    }

    /** One pass around the ring from the key, yielding the owner of every point. */
    @Override
    public Iterator<Server> failover(byte[] key) {
      int start = position(key);
      return new Iterator<>() {
        private int yielded;

        @Override
        public boolean hasNext() {
          return yielded < points.length;
        }

        @Override
        public Server next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return owners[(start + yielded++) % points.length];
        }
      };
    }

    @Override
    public List<Server> servers() {
      return servers;
    }

    @Override
    public Set<Trait> traits() {
      return Set.of(Trait.WEIGHTED);
    }
  }
}
