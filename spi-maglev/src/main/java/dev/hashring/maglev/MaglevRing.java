package dev.hashring.maglev;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import dev.hashring.HashAlgorithm;
import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.Trait;
import dev.hashring.hash4j.Hash4jAlgorithms;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A Maglev ring: a lookup table of a prime number of slots, each holding a server, filled as {@link
 * MaglevTable} describes; a key goes to {@code table[XXH3-64(key) mod size]}.
 *
 * <p>The mapping, which is a wire format and never changes under this name:
 *
 * <ol>
 *   <li>A server's identity is its name if it has one, else its {@link Server#address()}. Servers
 *       are ordered by identity (as {@code String}s); that order breaks ties in the fill, so list
 *       order never matters.
 *   <li>A server's permutation starts at {@code offset = XXH64(identity, seed 0) mod size} and
 *       steps by {@code skip = XXH64(identity, seed 1) mod (size - 1) + 1}, both of the UTF-8
 *       bytes, unsigned (Envoy derives them the same way).
 *   <li>A key's slot is XXH3-64 (seed 0) of its bytes, unsigned, modulo the size.
 * </ol>
 *
 * <p>Lookups cost one key hash, one remainder and two array reads, whatever the number of servers,
 * and allocate nothing. Building costs {@code O(size * log(size))} and {@code 4 * size} bytes (256
 * KiB for the default 65537 slots), plus a few arrays of one entry per server.
 *
 * <p>Shares follow weights to within a slot or so ({@link Trait#WEIGHTED}). Adding or removing a
 * server moves its own share of keys and, because the other servers' permutations fill the table
 * differently, a small number of keys between servers that did not change: Maglev does <b>not</b>
 * have {@link Trait#MINIMAL_DISRUPTION} (docs/MAGLEV.md measures how much). Failover draws more
 * slots from the key's hash ({@link RehashSequence}), so a dead server's keys spread over the
 * others by weight; that is not what removing the primary gives (the table would be refilled), so
 * {@link Trait#FAILOVER_IS_REMOVAL} is not claimed either.
 */
final class MaglevRing implements Ring {

  /** The default key hash, XXH3 64 with seed 0 ({@code xxh3_64}). */
  private static final HashAlgorithm XXH3 = Hash4jAlgorithms.xxh3_64();

  private static final Set<Trait> TRAITS = Set.of(Trait.WEIGHTED);
  private static final Hasher64 OFFSET = Hashing.xxh64(0);
  private static final Hasher64 SKIP = Hashing.xxh64(1);

  private final List<Server> servers;
  private final Server[] byIndex;

  /** For each slot, the index in {@link #servers} of the server that holds it. */
  private final int[] table;

  /** Server indices in identity order. */
  private final int[] byRank;

  private MaglevRing(List<Server> servers, int[] table, int[] byRank) {
    this.servers = servers;
    this.byIndex = servers.toArray(new Server[0]);
    this.table = table;
    this.byRank = byRank;
  }

  /**
   * Builds the ring.
   *
   * @param servers checked by {@code ServerLists.requireValid}
   * @param size a prime of at least {@code 100 * servers.size()}, checked by the caller
   * @throws IllegalArgumentException if two servers have the same identity
   */
  static MaglevRing of(List<Server> servers, int size) {
    int n = servers.size();
    String[] identities = identities(servers);
    Integer[] sorted = new Integer[n];
    Arrays.setAll(sorted, i -> i);
    Arrays.sort(sorted, Comparator.comparing(i -> identities[i]));
    int[] byRank = new int[n];
    int[] offset = new int[n];
    int[] skip = new int[n];
    int[] weight = new int[n];
    for (int r = 0; r < n; r++) {
      int i = sorted[r];
      byRank[r] = i;
      byte[] identity = identities[i].getBytes(UTF_8);
      offset[r] = (int) Long.remainderUnsigned(OFFSET.hashBytesToLong(identity), size);
      skip[r] = (int) Long.remainderUnsigned(SKIP.hashBytesToLong(identity), size - 1) + 1;
      weight[r] = servers.get(i).weight();
    }
    int[] table = MaglevTable.fill(size, offset, skip, weight);
    for (int slot = 0; slot < size; slot++) {
      table[slot] = byRank[table[slot]];
    }
    return new MaglevRing(servers, table, byRank);
  }

  /** Each server's identity: its name, or else its address; all distinct. */
  private static String[] identities(List<Server> servers) {
    String[] identities = new String[servers.size()];
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < identities.length; i++) {
      Server server = servers.get(i);
      identities[i] = server.name().orElseGet(server::address);
      Integer earlier = seen.putIfAbsent(identities[i], i);
      if (earlier != null) {
        throw new IllegalArgumentException(
            "servers at positions "
                + earlier
                + " and "
                + i
                + " have the same identity '"
                + identities[i]
                + "' (the name if given, else host:port), so maglev cannot tell them apart: "
                + servers.get(earlier)
                + ", "
                + server);
      }
    }
    return identities;
  }

  @Override
  public Server primary(byte[] key) {
    return byIndex[table[slot(XXH3.hash(Objects.requireNonNull(key, "key")))]];
  }

  @Override
  public Server primary(String key) {
    return byIndex[table[slot(XXH3.hash(Objects.requireNonNull(key, "key")))]];
  }

  @Override
  public Iterator<Server> failover(byte[] key) {
    long hash = XXH3.hash(Objects.requireNonNull(key, "key"));
    return new RehashSequence(byIndex, table, byRank, hash);
  }

  @Override
  public Iterator<Server> failover(String key) {
    long hash = XXH3.hash(Objects.requireNonNull(key, "key"));
    return new RehashSequence(byIndex, table, byRank, hash);
  }

  private int slot(long hash) {
    return (int) Long.remainderUnsigned(hash, table.length);
  }

  /** The number of slots. */
  int size() {
    return table.length;
  }

  /** The index in {@link #servers()} of the server holding {@code slot}. */
  int serverAt(int slot) {
    return table[slot];
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
    return "maglev ring (table " + table.length + ") of " + servers;
  }
}
