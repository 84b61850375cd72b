package dev.hashring.rendezvous;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.Trait;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The native ring: agreement with an independent model (Python and the C xxHash library, {@code
 * src/test/scripts/native_vectors.py}), and the promises of its traits.
 */
class NativeRendezvousTest {

  private static final Path MODEL = Path.of("src/test/resources/native");
  private static final int KEYS = 40_000;

  private final RendezvousSelector selector = new RendezvousSelector();

  @TestFactory
  Stream<DynamicTest> primaryAndFailover_matchTheIndependentModel() {
    List<Path> files = SequenceFile.filesIn(MODEL);
    assertThat(files).hasSizeGreaterThanOrEqualTo(8);
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      SequenceFile model = SequenceFile.read(file, true);
                      Ring ring = selector.ring(model.servers());
                      for (SequenceFile.Row row : model.rows()) {
                        String key = HexFormat.of().formatHex(row.key());
                        List<String> expected = row.addresses();
                        assertThat(ring.primary(row.key()).address())
                            .as("key %s", key)
                            .isEqualTo(expected.get(0));
                        assertThat(first(ring.failover(row.key()), expected.size()))
                            .as("key %s", key)
                            .isEqualTo(expected);
                        if (isUtf8(row.key())) {
                          String text = new String(row.key(), UTF_8);
                          assertThat(ring.primary(text).address())
                              .as("String key %s", key)
                              .isEqualTo(expected.get(0));
                          assertThat(first(ring.failover(text), expected.size()))
                              .as("String key %s", key)
                              .isEqualTo(expected);
                        }
                      }
                    }));
  }

  @Test
  void traits_areAllThree() {
    assertThat(selector.ring(servers(3)).traits())
        .containsExactlyInAnyOrder(
            Trait.WEIGHTED, Trait.MINIMAL_DISRUPTION, Trait.FAILOVER_IS_REMOVAL);
  }

  /**
   * With k keys, a share p has a standard deviation of sqrt(p(1-p)/k): about 0.0024 for p = 0.4 and
   * k = 40 000. A bound of 0.015 is six deviations, and far below any broken weighting.
   */
  @Test
  void shares_followWeights() {
    for (int[] weights : new int[][] {{1, 2, 3, 4}, {1, 1, 10}, {600, 300, 1000}, {1, 65535}}) {
      List<Server> servers = new ArrayList<>();
      int total = 0;
      for (int i = 0; i < weights.length; i++) {
        servers.add(Server.of("10.0.0." + (i + 1), 11211, weights[i]));
        total += weights[i];
      }
      double[] shares = shares(selector.ring(servers), servers);
      for (int i = 0; i < weights.length; i++) {
        double expected = (double) weights[i] / total;
        assertThat(shares[i])
            .as(
                "weights %s: server %d share (all shares %s)",
                java.util.Arrays.toString(weights), i, java.util.Arrays.toString(shares))
            .isCloseTo(expected, org.assertj.core.data.Offset.offset(0.015));
      }
    }
  }

  @Test
  void addingAServerAnywhere_movesKeysOnlyToIt() {
    SplittableRandom random = new SplittableRandom(7);
    List<Server> before = servers(9);
    for (int round = 0; round < 5; round++) {
      List<Server> after = new ArrayList<>(before);
      Server added = Server.of("10.1.0." + round, 11211, 1 + random.nextInt(5));
      after.add(random.nextInt(after.size() + 1), added);
      Ring old = selector.ring(before);
      Ring grown = selector.ring(after);
      for (int k = 0; k < 5_000; k++) {
        byte[] key = ("key-" + round + "-" + k).getBytes(UTF_8);
        Server now = grown.primary(key);
        assertThat(now).as("key %d", k).isIn(old.primary(key), added);
      }
    }
  }

  @Test
  void failoverSecond_isThePrimaryOnceThePrimaryIsRemoved() {
    List<Server> servers = servers(7);
    servers.set(2, servers.get(2).withWeight(5));
    Ring ring = selector.ring(servers);
    for (int k = 0; k < 5_000; k++) {
      byte[] key = ("k" + k).getBytes(UTF_8);
      Iterator<Server> sequence = ring.failover(key);
      Server primary = sequence.next();
      List<Server> rest = new ArrayList<>(servers);
      rest.remove(primary);
      assertThat(sequence.next()).isEqualTo(selector.ring(rest).primary(key));
    }
  }

  /**
   * {@code primary} skips logarithms it can prove useless and, with equal weights, compares draws;
   * the failover sequence scores every server in full. Both must pick the same first server.
   */
  @Test
  void primary_isTheFirstOfTheFullyScoredFailover_forRandomWeights() {
    SplittableRandom random = new SplittableRandom(13);
    int[] choices = {1, 1, 2, 3, 7, 100, 1000, 65535};
    for (int round = 0; round < 40; round++) {
      List<Server> servers = servers(1 + random.nextInt(60));
      boolean equal = round % 4 == 0;
      int same = choices[random.nextInt(choices.length)];
      for (int i = 0; i < servers.size(); i++) {
        int weight = equal ? same : choices[random.nextInt(choices.length)];
        servers.set(i, servers.get(i).withWeight(weight));
      }
      Ring ring = selector.ring(servers);
      byte[] key = new byte[12];
      for (int k = 0; k < 2_000; k++) {
        random.nextBytes(key);
        assertThat(ring.primary(key)).as("%s", servers).isEqualTo(ring.failover(key).next());
      }
    }
  }

  @Test
  void failover_ofManyServers_isAPermutationInDescendingPreference() {
    List<Server> servers = servers(2_000);
    servers.set(17, servers.get(17).withWeight(9));
    for (Map<String, String> options :
        List.of(Map.<String, String>of(), Map.of("compat", "pymemcache"))) {
      List<Server> list = options.isEmpty() ? servers : servers(2_000);
      Ring ring = selector.ring(list, options);
      for (int k = 0; k < 20; k++) {
        byte[] key = ("key:" + k).getBytes(UTF_8);
        List<Server> seen = new ArrayList<>();
        ring.failover(key).forEachRemaining(seen::add);
        assertThat(seen).hasSize(2_000).doesNotHaveDuplicates();
        assertThat(seen.get(0)).isEqualTo(ring.primary(key));
        // Each server is the primary of the ring without the servers before it.
        for (int cut : new int[] {1, 5, 1_000}) {
          List<Server> rest = new ArrayList<>(list);
          rest.removeAll(seen.subList(0, cut));
          assertThat(selector.ring(rest, options).primary(key)).isEqualTo(seen.get(cut));
        }
      }
    }
  }

  @Test
  void listOrder_changesNothing() {
    List<Server> servers = servers(12);
    servers.set(3, servers.get(3).withWeight(4));
    servers.set(5, servers.get(5).withName("cache-five"));
    List<Server> shuffled = new ArrayList<>(servers);
    Collections.shuffle(shuffled, new java.util.Random(3));
    Ring ring = selector.ring(servers);
    Ring other = selector.ring(shuffled);
    for (int k = 0; k < 5_000; k++) {
      byte[] key = ("k" + k).getBytes(UTF_8);
      assertThat(first(other.failover(key), 12)).isEqualTo(first(ring.failover(key), 12));
    }
  }

  @Test
  void aNameEqualToAnotherServersAddress_isRefused() {
    List<Server> servers =
        List.of(
            Server.of("10.0.0.1", 11211), Server.of("10.0.0.2", 11211).withName("10.0.0.1:11211"));
    assertThatThrownBy(() -> selector.ring(servers))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "servers at positions 0 and 1 have the same identity '10.0.0.1:11211' (the name if"
                + " given, else host:port), so rendezvous cannot tell them apart: 10.0.0.1:11211,"
                + " 10.0.0.2:11211 10.0.0.1:11211");
  }

  @Test
  void aNameReplacesTheAddress_soAMovedServerKeepsItsKeys() {
    Server named = Server.of("10.0.0.5", 11211).withName("shard-5");
    Server moved = Server.of("10.9.9.9", 22122).withName("shard-5");
    List<Server> others = servers(4);
    List<Server> before = new ArrayList<>(others);
    before.add(named);
    List<Server> after = new ArrayList<>(others);
    after.add(moved);
    Ring a = selector.ring(before);
    Ring b = selector.ring(after);
    for (int k = 0; k < 2_000; k++) {
      String key = "k" + k;
      int i = before.indexOf(a.primary(key));
      assertThat(after.indexOf(b.primary(key))).isEqualTo(i);
    }
  }

  @Test
  void ring_isImmutable_andIndependentOfTheCallersList() {
    List<Server> servers = servers(3);
    Ring ring = selector.ring(servers, Map.of());
    servers.clear();
    assertThat(ring.servers()).hasSize(3);
    assertThatThrownBy(() -> ring.servers().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  static List<Server> servers(int n) {
    List<Server> servers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      servers.add(Server.of("10.0." + (i / 200) + "." + (i % 200 + 1), 11211 + i % 3));
    }
    return servers;
  }

  private static double[] shares(Ring ring, List<Server> servers) {
    double[] shares = new double[servers.size()];
    SplittableRandom random = new SplittableRandom(11);
    byte[] key = new byte[16];
    for (int k = 0; k < KEYS; k++) {
      random.nextBytes(key);
      shares[servers.indexOf(ring.primary(key))] += 1.0 / KEYS;
    }
    return shares;
  }

  private static List<String> first(Iterator<Server> sequence, int count) {
    List<String> addresses = new ArrayList<>();
    while (addresses.size() < count && sequence.hasNext()) {
      addresses.add(sequence.next().address());
    }
    return addresses;
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
