package dev.hashring.modulo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.hashring.HashAlgorithm;
import dev.hashring.HashAlgorithms;
import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.tck.AllocationMeter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Placement, balance, weights, failover, cost and allocation of modulo rings. */
class ModuloRingTest {

  private final ModuloSelector selector = new ModuloSelector();

  @Test
  void native_isMixedMurmur3ModuloTheTotalWeight() {
    // Restated from the javadoc: slot = (fmix64(murmur3(key)) >>> 1) mod total weight, servers
    // owning consecutive slots in list order.
    HashAlgorithm murmur3 = HashAlgorithms.forName("murmur3");
    List<Server> servers = Topologies.weightedServers(7, 9, 4);
    long total = servers.stream().mapToInt(Server::weight).sum();
    Ring ring = selector.ring(servers);
    for (String key : Topologies.keys(5_000, 4)) {
      long z = murmur3.hash(key.getBytes(UTF_8));
      z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
      z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
      z = (z ^ (z >>> 33)) >>> 1;
      long slot = z % total;
      Server expected = null;
      for (Server server : servers) {
        slot -= server.weight();
        if (slot < 0) {
          expected = server;
          break;
        }
      }
      assertThat(ring.primary(key)).as("key %s", key).isEqualTo(expected);
      assertThat(ring.primary(key.getBytes(UTF_8))).as("byte[] key %s", key).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"native", "twemproxy", "libmemcached", "spymemcached"})
  void equalWeights_spreadKeysEvenly(String compat) {
    int keys = 100_000;
    Ring ring = selector.ring(Topologies.servers(10), Map.of("compat", compat));
    Map<Server, Integer> counts = count(ring, Topologies.keys(keys, 21));
    // Binomial(100 000, 0.1): standard deviation 95, so +-7% is beyond 7 of them for a good hash.
    // Client profiles use the client's hash: twemproxy's default FNV-1a (low 32 bits, modulo 10)
    // is measurably uneven, up to 8% off, so they get +-10%, which still catches a lost server.
    int tolerance = compat.equals("native") ? 700 : 1_000;
    assertThat(counts.values())
        .as("keys per server with compat=%s: %s", compat, counts)
        .hasSize(10)
        .allSatisfy(count -> assertThat(count).isBetween(10_000 - tolerance, 10_000 + tolerance));
  }

  @ParameterizedTest
  @ValueSource(strings = {"native", "twemproxy"})
  void weights_decideTheShares(String compat) {
    List<Server> servers =
        List.of(
            Server.of("10.0.0.1", 11211, 1),
            Server.of("10.0.0.2", 11211, 2),
            Server.of("10.0.0.3", 11211, 5),
            Server.of("10.0.0.4", 11211, 12));
    int keys = 100_000;
    Map<Server, Integer> counts =
        count(selector.ring(servers, Map.of("compat", compat)), Topologies.keys(keys, 22));
    for (Server server : servers) {
      double expected = keys * server.weight() / 20.0;
      assertThat((double) counts.getOrDefault(server, 0))
          .as("keys of %s with compat=%s (expected %.0f): %s", server, compat, expected, counts)
          .isBetween(expected * 0.9, expected * 1.1);
    }
  }

  private static Map<Server, Integer> count(Ring ring, List<String> keys) {
    Map<Server, Integer> counts = new LinkedHashMap<>();
    for (String key : keys) {
      counts.merge(ring.primary(key), 1, Integer::sum);
    }
    return counts;
  }

  @ParameterizedTest
  @ValueSource(strings = {"native", "twemproxy"})
  void removalOrder_isThePrimaryOfTheListWithoutTheServersBefore(String compat) {
    Map<String, String> options = Map.of("compat", compat);
    List<Server> servers = Topologies.weightedServers(6, 4, 8);
    Ring ring = selector.ring(servers, options);
    for (String key : Topologies.keys(400, 8)) {
      List<Server> remaining = new ArrayList<>(servers);
      Iterator<Server> failover = ring.failover(key);
      while (!remaining.isEmpty()) {
        Server expected = selector.ring(remaining, options).primary(key);
        assertThat(failover.next()).as("key %s over %s", key, remaining).isEqualTo(expected);
        remaining.remove(expected);
      }
      assertThat(failover.hasNext()).isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"libmemcached", "spymemcached"})
  void listOrder_continuesAfterThePrimaryAndWraps(String compat) {
    Ring ring = selector.ring(Topologies.servers(5), Map.of("compat", compat));
    List<Server> servers = ring.servers();
    for (String key : Topologies.keys(200, 3)) {
      int primary = servers.indexOf(ring.primary(key));
      List<Server> expected = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        expected.add(servers.get((primary + i) % 5));
      }
      List<Server> sequence = new ArrayList<>();
      ring.failover(key.getBytes(UTF_8)).forEachRemaining(sequence::add);
      assertThat(sequence).as("key %s", key).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"native", "twemproxy", "libmemcached", "spymemcached"})
  void failover_listsEveryServerOnce(String compat) {
    for (int size : new int[] {1, 2, 3, 8, 33}) {
      List<Server> servers =
          compat.equals("native") || compat.equals("twemproxy")
              ? Topologies.weightedServers(size, 5, size)
              : Topologies.servers(size);
      Ring ring = selector.ring(servers, Map.of("compat", compat));
      for (String key : Topologies.keys(200, size)) {
        List<Server> sequence = new ArrayList<>();
        Iterator<Server> failover = ring.failover(key);
        while (failover.hasNext() && sequence.size() <= size) {
          sequence.add(failover.next());
        }
        assertThat(sequence.get(0)).isEqualTo(ring.primary(key));
        assertThat(sequence).doesNotHaveDuplicates().hasSize(size);
        assertThat(new HashSet<>(sequence)).isEqualTo(new HashSet<>(servers));
      }
    }
  }

  @Test
  void native_failoverSpreadsADeadServersKeysOverTheOthersByWeight() {
    List<Server> servers =
        List.of(
            Server.of("10.0.0.1", 11211, 2),
            Server.of("10.0.0.2", 11211, 1),
            Server.of("10.0.0.3", 11211, 1),
            Server.of("10.0.0.4", 11211, 2),
            Server.of("10.0.0.5", 11211, 4));
    Ring ring = selector.ring(servers);
    Server dead = servers.get(0);
    Map<Server, Integer> second = new LinkedHashMap<>();
    int orphans = 0;
    for (String key : Topologies.keys(100_000, 33)) {
      Iterator<Server> failover = ring.failover(key);
      if (failover.next().equals(dead)) {
        second.merge(failover.next(), 1, Integer::sum);
        orphans++;
      }
    }
    // About 20 000 orphans over weights 1, 1, 2, 4 (of 8): expected 2 500 to 10 000 each, with
    // standard deviations of 50 to 70; +-12% is beyond 4 of them.
    for (Server server : servers.subList(1, servers.size())) {
      double expected = orphans * server.weight() / 8.0;
      assertThat((double) second.getOrDefault(server, 0))
          .as(
              "second choice %s of %d orphans (expected %.0f): %s",
              server, orphans, expected, second)
          .isBetween(expected * 0.88, expected * 1.12);
    }
  }

  @Test
  void twemproxy_emptyKeyHashesToZero() {
    // fnv1a_64 of no bytes is 0x84222325 = 2216829733, which is 1 mod 3; twemproxy uses 0.
    Ring ring = selector.ring(Topologies.servers(3), Map.of("compat", "twemproxy"));
    assertThat(ring.primary("")).isEqualTo(ring.servers().get(0));
    assertThat(ring.primary(new byte[0])).isEqualTo(ring.servers().get(0));
    Ring weighted =
        selector.ring(
            List.of(Server.of("10.0.0.1", 11211, 2), Server.of("10.0.0.2", 11211)),
            Map.of("compat", "twemproxy", "hash", "one_at_a_time"));
    assertThat(weighted.primary("")).isEqualTo(weighted.servers().get(0));
  }

  @Test
  void twemproxy_laysOutSlotsInNutcrackersNameOrder() {
    // nutcracker sorts servers by name, shorter first, then by bytes. Names here: "10.0.0.10"
    // (port 11211 elided), "b", "ab", "10.0.0.2:31212"; sorted: b, ab, 10.0.0.10, 10.0.0.2:31212.
    List<Server> servers =
        List.of(
            Server.of("10.0.0.2", 31212, 2),
            Server.of("10.0.0.3", 31213, 1).withName("ab"),
            Server.of("10.0.0.10", 11211, 3),
            Server.of("10.0.0.4", 31214, 1).withName("b"));
    List<Server> slots = new ArrayList<>();
    for (Server server : List.of(servers.get(3), servers.get(1), servers.get(2), servers.get(0))) {
      for (int i = 0; i < server.weight(); i++) {
        slots.add(server);
      }
    }
    // twemproxy's fnv1a_64 is the low 32 bits of FNV-1a 64 (sign extension changes nothing for
    // ASCII keys).
    HashAlgorithm fnv = HashAlgorithms.forName("fnv1a_64");
    Ring ring = selector.ring(servers, Map.of("compat", "twemproxy"));
    for (int i = 0; i < 2_000; i++) {
      String key = "key:" + i;
      long hash = fnv.hash(key.getBytes(UTF_8)) & 0xFFFFFFFFL;
      assertThat(ring.primary(key)).as("key %s", key).isEqualTo(slots.get((int) (hash % 7)));
    }
    assertThat(ring.servers()).as("servers() keeps the order given").isEqualTo(servers);
  }

  @Test
  void twemproxy_refusesTwoServersWithOneName() {
    List<Server> servers =
        List.of(Server.of("10.0.0.1", 11211), Server.of("10.0.0.2", 11211).withName("10.0.0.1"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> selector.ring(servers, Map.of("compat", "twemproxy")))
        .withMessage(
            "servers 10.0.0.1:11211 and 10.0.0.2:11211 10.0.0.1 have the same twemproxy name"
                + " '10.0.0.1', which nutcracker refuses: give one of them another name");
    // Other profiles do not use names.
    assertThat(selector.ring(servers).servers()).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"native", "twemproxy", "libmemcached", "spymemcached"})
  void stringKeys_placeLikeTheirUtf8Bytes_evenWithUnpairedSurrogates(String compat) {
    // spymemcached's hashes read UTF-16 characters; an unpaired surrogate is '?' in UTF-8.
    Ring ring = selector.ring(Topologies.servers(7), Map.of("compat", compat));
    for (String key :
        List.of("lone \udc00 low", "\ud800", "x\ud83d", "pair \ud83d\ude00", "ключ", "plain")) {
      for (int n = 0; n < 40; n++) {
        String variant = key + n;
        byte[] bytes = variant.getBytes(UTF_8);
        assertThat(ring.primary(variant)).as("key %s", variant).isEqualTo(ring.primary(bytes));
        List<Server> fromString = new ArrayList<>();
        List<Server> fromBytes = new ArrayList<>();
        ring.failover(variant).forEachRemaining(fromString::add);
        ring.failover(bytes).forEachRemaining(fromBytes::add);
        assertThat(fromString).as("sequence of %s", variant).isEqualTo(fromBytes);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"native", "twemproxy", "libmemcached", "spymemcached"})
  void oneServer_holdsEveryKey(String compat) {
    Ring ring = selector.ring(Topologies.servers(1), Map.of("compat", compat));
    for (String key : Topologies.keys(100, 1)) {
      assertThat(ring.primary(key)).isEqualTo(ring.servers().get(0));
    }
    assertThat(ring.primary("")).isEqualTo(ring.servers().get(0));
  }

  @Test
  void lookup_hashesOnceWhateverTheServerCount() {
    for (int size : new int[] {1, 10, 1_000, 100_000}) {
      CountingHash counting = new CountingHash(HashAlgorithms.forName("murmur3"));
      int[] weights = new int[size];
      Arrays.fill(weights, 1);
      Ring ring =
          new ModuloRing(
              Topologies.servers(size),
              weights,
              SlotOrder.LIST.of(Topologies.servers(size)),
              KeyNumber.MIXED.of(counting),
              FailoverOrder.REMOVAL,
              Set.of(),
              "counting");
      for (String key : Topologies.keys(1_000, size)) {
        ring.primary(key.getBytes(UTF_8));
      }
      assertThat(counting.calls)
          .as("hash calls for 1 000 lookups over %d servers", size)
          .isEqualTo(1_000);
    }
  }

  /** A hash that counts its calls. */
  private static final class CountingHash implements HashAlgorithm {
    private final HashAlgorithm real;
    int calls;

    CountingHash(HashAlgorithm real) {
      this.real = real;
    }

    @Override
    public String name() {
      return real.name();
    }

    @Override
    public long hash(byte[] key, int offset, int length) {
      calls++;
      return real.hash(key, offset, length);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"native", "twemproxy", "libmemcached", "spymemcached"})
  void lookups_allocateNothing(String compat) {
    List<Server> servers =
        compat.equals("native") || compat.equals("twemproxy")
            ? Topologies.weightedServers(40, 8, 1)
            : Topologies.servers(40);
    Ring ring = selector.ring(servers, Map.of("compat", compat));
    byte[][] byteKeys = new byte[64][];
    String[] stringKeys = new String[64];
    for (int i = 0; i < 64; i++) {
      stringKeys[i] = "user:" + i + ":profile";
      byteKeys[i] = stringKeys[i].getBytes(UTF_8);
    }
    // The sink is a plain array: Server.hashCode boxes, so a HashSet would allocate by itself.
    Server[] sink = new Server[64];
    int[] at = {0};
    long bytes =
        AllocationMeter.measure(
            200_000, () -> sink[at[0] & 63] = ring.primary(byteKeys[at[0]++ & 63]));
    long strings =
        AllocationMeter.measure(
            200_000, () -> sink[at[0] & 63] = ring.primary(stringKeys[at[0]++ & 63]));
    assertThat(sink).doesNotContainNull();
    // 200 000 lookups: an allocation per lookup would show at least 3.2 MB.
    assertThat(bytes).as("bytes allocated by 200 000 byte[] lookups").isLessThan(4_096);
    assertThat(strings).as("bytes allocated by 200 000 String lookups").isLessThan(4_096);
  }
}
