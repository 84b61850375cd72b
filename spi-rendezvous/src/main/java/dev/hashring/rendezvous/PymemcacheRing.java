package dev.hashring.rendezvous;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.Trait;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * pymemcache 3.5.2's {@code HashClient} with its default {@code RendezvousHash}, bit for bit.
 *
 * <p>Each server is the node {@code "host:port"} (an IPv6 host without brackets, as pymemcache's
 * {@code normalize_server_spec} leaves it). A key goes to the node with the highest {@code
 * murmur3_32("%s-%s" % (node, key), seed=0)}, computed over the Python text (see {@link
 * PythonKeyText} and {@link PymemcacheMurmur3}); on equal scores the lexicographically larger node
 * wins, whatever the list order. pymemcache has no weights and no server names.
 *
 * <p>When a server fails, pymemcache removes it and elects again among the others, so the failover
 * sequence is the nodes by descending score: {@link Trait#FAILOVER_IS_REMOVAL} holds, and so does
 * {@link Trait#MINIMAL_DISRUPTION}.
 *
 * <p>Keys stand for Python {@code str} keys, which pymemcache sends as UTF-8 (with {@code
 * allow_unicode_keys}). A program that passes {@code bytes} keys to pymemcache has them hashed
 * through their {@code repr} ({@code b'...'}) and placed elsewhere; option {@code key_type=bytes}
 * reproduces that.
 *
 * <p>A lookup hashes the key once per server: {@code O(servers * key length)}, with each node's
 * part hashed in advance. It allocates nothing for {@code byte[]} keys and ASCII {@code String}
 * keys up to memcached's 250 bytes; a longer key may grow its thread's text buffer, once.
 */
final class PymemcacheRing implements Ring {

  /** Fits the text of any key of up to 250 bytes, memcached's limit, even as a repr. */
  private static final int FIRST_BUFFER = 1024;

  /** Larger buffers are not kept, so that one huge key does not pin memory in every thread. */
  private static final int KEPT_BUFFER_LIMIT = 1 << 16;

  /** The text hashed after the node prefix. */
  private static final ThreadLocal<byte[]> TEXT =
      ThreadLocal.withInitial(() -> new byte[FIRST_BUFFER]);

  /** The bytes of an ASCII {@code String} key, with {@code key_type=bytes}. */
  private static final ThreadLocal<byte[]> UTF8 =
      ThreadLocal.withInitial(() -> new byte[FIRST_BUFFER]);

  private static final Set<Trait> TRAITS =
      Set.of(Trait.MINIMAL_DISRUPTION, Trait.FAILOVER_IS_REMOVAL);

  private final List<Server> servers;
  private final Server[] byIndex;

  // The MurmurHash3 state after "node-", per server.
  private final int[] prefixHash;
  private final int[] prefixPending;
  private final int[] prefixLength;

  /** Position of the node among all nodes sorted as strings; the larger wins a tie. */
  private final int[] rank;

  /** Whether keys stand for Python {@code bytes} keys (hashed as their repr), not {@code str}. */
  private final boolean bytesKeys;

  /**
   * A ring whose server {@code i} is known to pymemcache as {@code nodes.get(i)}, which must be
   * ASCII and distinct. Tests use it for pymemcache's own vectors, whose nodes are not {@code
   * host:port}.
   */
  PymemcacheRing(List<Server> servers, List<String> nodes, boolean bytesKeys) {
    this.bytesKeys = bytesKeys;
    int n = servers.size();
    this.servers = servers;
    this.byIndex = servers.toArray(new Server[0]);
    this.prefixHash = new int[n];
    this.prefixPending = new int[n];
    this.prefixLength = new int[n];
    for (int i = 0; i < n; i++) {
      // Host names and addresses are ASCII, so their bytes are their characters.
      byte[] prefix = (nodes.get(i) + "-").getBytes(US_ASCII);
      PymemcacheMurmur3 state = PymemcacheMurmur3.prefix(prefix, 0);
      prefixHash[i] = state.hash;
      prefixPending[i] = state.pending;
      prefixLength[i] = state.length;
    }
    this.rank = ranks(nodes);
  }

  /**
   * The ring for {@code servers}, already checked by {@code ServerLists.requireValid}.
   *
   * @param bytesKeys whether keys stand for Python {@code bytes} keys rather than {@code str}
   * @throws IllegalArgumentException if a server has a weight other than 1 or a name
   */
  static PymemcacheRing of(List<Server> servers, boolean bytesKeys) {
    for (Server server : servers) {
      if (server.weight() != 1) {
        throw new IllegalArgumentException(
            "selector rendezvous with compat=pymemcache does not support weights, as pymemcache's"
                + " HashClient has none: weight "
                + server.weight()
                + " (server "
                + server.address()
                + "); accepted: weight 1");
      }
      if (server.name().isPresent()) {
        throw new IllegalArgumentException(
            "selector rendezvous with compat=pymemcache does not support server names, as"
                + " pymemcache hashes host:port: name '"
                + server.name().get()
                + "' (server "
                + server.address()
                + "); remove the name");
      }
    }
    List<String> nodes = new ArrayList<>();
    for (Server server : servers) {
      nodes.add(node(server));
    }
    return new PymemcacheRing(servers, nodes, bytesKeys);
  }

  /** pymemcache's node string: {@code "%s:%s" % (host, port)}. */
  static String node(Server server) {
    return server.host() + ":" + server.port();
  }

  @Override
  public Server primary(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (!bytesKeys && PythonKeyText.isAscii(key)) {
      return byIndex[best(key, key.length)];
    }
    byte[] text = buffer(TEXT, PythonKeyText.capacityFor(key.length));
    return byIndex[best(text, textOf(key, key.length, text))];
  }

  @Override
  public Server primary(String key) {
    Objects.requireNonNull(key, "key");
    if (!bytesKeys) {
      byte[] text = buffer(TEXT, key.length());
      return byIndex[best(text, PythonKeyText.ofString(key, text))];
    }
    byte[] utf8 = buffer(UTF8, key.length());
    int length = PythonKeyText.asciiBytes(key, utf8);
    if (length < 0) {
      utf8 = key.getBytes(UTF_8);
      length = utf8.length;
    }
    byte[] text = buffer(TEXT, PythonKeyText.capacityFor(length));
    return byIndex[best(text, textOf(utf8, length, text))];
  }

  @Override
  public Iterator<Server> failover(byte[] key) {
    Objects.requireNonNull(key, "key");
    byte[] text = new byte[PythonKeyText.capacityFor(key.length)];
    return failover(text, textOf(key, key.length, text));
  }

  @Override
  public Iterator<Server> failover(String key) {
    Objects.requireNonNull(key, "key");
    if (bytesKeys) {
      return failover(key.getBytes(UTF_8));
    }
    byte[] text = new byte[key.length()];
    return failover(text, PythonKeyText.ofString(key, text));
  }

  /** Writes the text pymemcache hashes for the key bytes {@code key[0, length)}. */
  private int textOf(byte[] key, int length, byte[] text) {
    if (bytesKeys) {
      return PythonKeyText.repr(key, length, text);
    }
    // A str key: key is the whole array here (only bytes keys come with a shorter length).
    return PythonKeyText.ofBytes(key, text);
  }

  private Iterator<Server> failover(byte[] text, int length) {
    long[] order = new long[byIndex.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = order(i, text, length);
    }
    return new BestFirst(byIndex, (a, b) -> order[a] > order[b]);
  }

  /** The index of the server with the highest {@link #order}. */
  private int best(byte[] text, int length) {
    int best = 0;
    long bestOrder = order(0, text, length);
    for (int i = 1; i < byIndex.length; i++) {
      long order = order(i, text, length);
      if (order > bestOrder) {
        best = i;
        bestOrder = order;
      }
    }
    return best;
  }

  /**
   * The score of server {@code i} for the key, then its rank to break ties: distinct for distinct
   * servers, and a larger value wins. The 32-bit score shifted by 31 leaves room for the rank and
   * keeps the value positive.
   */
  private long order(int i, byte[] text, int length) {
    long score =
        PymemcacheMurmur3.finish(prefixHash[i], prefixPending[i], prefixLength[i], text, length);
    return score << 31 | rank[i];
  }

  private static byte[] buffer(ThreadLocal<byte[]> kept, int capacity) {
    byte[] buffer = kept.get();
    if (buffer.length >= capacity) {
      return buffer;
    }
    byte[] larger = new byte[capacity];
    if (capacity <= KEPT_BUFFER_LIMIT) {
      kept.set(larger);
    }
    return larger;
  }

  private static int[] ranks(List<String> nodes) {
    Integer[] sorted = new Integer[nodes.size()];
    Arrays.setAll(sorted, i -> i);
    // Python compares str by code point; node strings are ASCII, where String order is the same.
    Arrays.sort(sorted, Comparator.comparing(nodes::get));
    int[] rank = new int[sorted.length];
    for (int r = 0; r < sorted.length; r++) {
      rank[sorted[r]] = r;
    }
    return rank;
  }

  @Override
  public List<Server> servers() {
    return servers;
  }

  @Override
  public Set<Trait> traits() {
    return TRAITS;
  }

  @Override
  public String toString() {
    return "rendezvous ring (compat=pymemcache"
        + (bytesKeys ? ", key_type=bytes" : "")
        + ") of "
        + servers;
  }
}
