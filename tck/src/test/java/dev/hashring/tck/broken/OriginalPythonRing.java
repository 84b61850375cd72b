package dev.hashring.tck.broken;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelector;
import dev.hashring.Trait;
import dev.hashring.spi.Options;
import dev.hashring.spi.ServerLists;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Broken on purpose: a port of the Python ring this project started from. Its ring is sound (40 MD5
 * digests per unit of weight, three points each), but its failover generator, after walking from
 * the key to the end of the ring, cycles over the ring forever; and its "first server that
 * connects" loops over that generator until a server accepts, so it never returns when every server
 * is down. Must fail rules 1.4 and 1.5.
 */
public final class OriginalPythonRing implements ServerSelector {

  /** Used by {@code ServiceLoader}. */
  public OriginalPythonRing() {}

  @Override
  public String name() {
    return "original-python-ring";
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
      int total = servers.stream().mapToInt(Server::weight).sum();
      int count = 0;
      int[] factors = new int[servers.size()];
      for (int i = 0; i < servers.size(); i++) {
        factors[i] = (int) Math.floor(40.0 * servers.size() * servers.get(i).weight() / total);
        count += 3 * factors[i];
      }
      long[] keys = new long[count];
      int at = 0;
      for (int i = 0; i < servers.size(); i++) {
        for (int j = 0; j < factors[i]; j++) {
          byte[] digest = Md5.digest(servers.get(i).address() + "-" + j);
          for (int w = 0; w < 3; w++) {
            keys[at++] = Md5.word(digest, w) << 16 | i;
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

    /** Python's bisect: the first point above the key's hash; past the end, the first point. */
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

    @Override
    public Iterator<Server> failover(byte[] key) {
      int start = position(key);
      return new Iterator<>() {
        private final Set<Server> returned = new HashSet<>();
        private int at = start;
        private boolean cycling;
        private Server next = advance();

        private Server advance() {
          while (!cycling) {
            if (at == points.length) {
              cycling = true;
              at = 0;
              break;
            }
            Server owner = owners[at++];
            if (returned.add(owner)) {
              return owner;
            }
          }
          // itertools.cycle(ring): the owner of every point, again and again.
          Server owner = owners[at];
          at = (at + 1) % points.length;
          return owner;
        }

        @Override
        public boolean hasNext() {
          return true;
        }

        @Override
        public Server next() {
          if (next == null) {
            throw new NoSuchElementException();
          }
          Server current = next;
          next = advance();
          return current;
        }
      };
    }

    /** The original loop: try servers until one connects. */
    @Override
    public Optional<Server> firstAvailable(byte[] key, Predicate<? super Server> available) {
      Iterator<Server> sequence = failover(key);
      while (sequence.hasNext()) {
        Server server = sequence.next();
        if (available.test(server)) {
          return Optional.of(server);
        }
      }
      return Optional.empty();
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
