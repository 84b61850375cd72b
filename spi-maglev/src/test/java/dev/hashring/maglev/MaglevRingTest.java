package dev.hashring.maglev;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.hashring.Ring;
import dev.hashring.Server;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MaglevRingTest {

  private static final int KEYS = 40_000;
  private final MaglevSelector selector = new MaglevSelector();

  static List<Server> servers(int n) {
    List<Server> servers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      servers.add(Server.of("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), 11211));
    }
    return servers;
  }

  /**
   * The table gives each server its weight's share of slots to within a slot or two, whatever the
   * weights, so slot counts are checked almost exactly; key shares then differ from slot shares
   * only by sampling (standard deviation sqrt(p(1-p)/k), at most 0.0025 for 40 000 keys; the bound
   * of 0.015 is six of those).
   */
  @Test
  void slotsAndKeys_followWeights() {
    for (int[] weights :
        new int[][] {{1, 2, 3, 4}, {1, 1, 10}, {600, 300, 1000}, {5, 5, 5}, {1, 65535}}) {
      List<Server> servers = new ArrayList<>();
      long total = 0;
      for (int i = 0; i < weights.length; i++) {
        servers.add(Server.of("10.0.0." + (i + 1), 11211, weights[i]));
        total += weights[i];
      }
      MaglevRing ring = (MaglevRing) selector.ring(servers);
      int[] slots = new int[weights.length];
      for (int slot = 0; slot < ring.size(); slot++) {
        slots[ring.serverAt(slot)]++;
      }
      double[] shares = new double[weights.length];
      SplittableRandom random = new SplittableRandom(3);
      byte[] key = new byte[16];
      for (int k = 0; k < KEYS; k++) {
        random.nextBytes(key);
        shares[servers.indexOf(ring.primary(key))] += 1.0 / KEYS;
      }
      for (int i = 0; i < weights.length; i++) {
        double expected = (double) weights[i] / total;
        assertThat((double) slots[i])
            .as("weights %s, slots %s", Arrays.toString(weights), Arrays.toString(slots))
            .isCloseTo(expected * ring.size(), offset(2.0));
        assertThat(shares[i])
            .as("weights %s, shares %s", Arrays.toString(weights), Arrays.toString(shares))
            .isCloseTo(expected, offset(0.015));
      }
    }
  }

  @Test
  void listOrder_changesNothing() {
    List<Server> servers = servers(20);
    servers.set(4, servers.get(4).withWeight(3));
    servers.set(7, servers.get(7).withName("cache-seven"));
    List<Server> shuffled = new ArrayList<>(servers);
    Collections.shuffle(shuffled, new Random(5));
    Ring ring = selector.ring(servers, Map.of("table", "2003"));
    Ring other = selector.ring(shuffled, Map.of("table", "2003"));
    for (int k = 0; k < 5_000; k++) {
      byte[] key = ("k" + k).getBytes(UTF_8);
      assertThat(MaglevModelTest.first(other.failover(key), 20))
          .isEqualTo(MaglevModelTest.first(ring.failover(key), 20));
    }
  }

  @Test
  void failover_listsEveryServerOnce_evenServersWithoutASlot() {
    List<Server> servers =
        List.of(
            Server.of("10.0.0.1", 11211, 65535),
            Server.of("10.0.0.2", 11211, 65535),
            Server.of("10.0.0.3", 11211, 1));
    MaglevRing ring = (MaglevRing) selector.ring(servers, Map.of("table", "401"));
    for (int slot = 0; slot < ring.size(); slot++) {
      assertThat(ring.serverAt(slot)).as("the light server holds no slot").isNotEqualTo(2);
    }
    for (int k = 0; k < 1_000; k++) {
      Iterator<Server> sequence = ring.failover("k" + k);
      List<Server> seen = new ArrayList<>();
      sequence.forEachRemaining(seen::add);
      assertThat(seen).containsExactlyInAnyOrderElementsOf(servers);
      assertThat(seen.get(0)).isEqualTo(ring.primary("k" + k));
    }
  }

  @Test
  void failover_ofManyServers_isAPermutationStartingWithThePrimary() {
    List<Server> servers = servers(300);
    Ring ring = selector.ring(servers);
    for (int k = 0; k < 200; k++) {
      byte[] key = ("key:" + k).getBytes(UTF_8);
      List<Server> seen = new ArrayList<>();
      ring.failover(key).forEachRemaining(seen::add);
      assertThat(seen).hasSize(300);
      assertThat(new HashSet<>(seen)).hasSize(300);
      assertThat(seen.get(0)).isEqualTo(ring.primary(key));
    }
  }

  /**
   * When a server is down, its keys go to the second server of their sequences; those should spread
   * over the others by weight, not pile onto one neighbour. With 8 servers (one of weight 4) the
   * heavy server should take about 4/10 of a dead light server's keys.
   */
  @Test
  void failover_spreadsADeadServersKeys_byWeight() {
    List<Server> servers = servers(8);
    servers.set(3, servers.get(3).withWeight(4));
    Ring ring = selector.ring(servers);
    Server dead = servers.get(0);
    int[] second = new int[servers.size()];
    int orphans = 0;
    SplittableRandom random = new SplittableRandom(9);
    byte[] key = new byte[12];
    while (orphans < 20_000) {
      random.nextBytes(key);
      Iterator<Server> sequence = ring.failover(key);
      if (sequence.next().equals(dead)) {
        second[servers.indexOf(sequence.next())]++;
        orphans++;
      }
    }
    assertThat(second[0]).isZero();
    assertThat(second[3] / 20_000.0).as(Arrays.toString(second)).isCloseTo(0.4, offset(0.03));
    for (int i = 1; i < servers.size(); i++) {
      if (i != 3) {
        assertThat(second[i] / 20_000.0).as(Arrays.toString(second)).isCloseTo(0.1, offset(0.02));
      }
    }
  }

  @Test
  void lookupsAreDeterministic_acrossRings() {
    List<Server> servers = servers(10);
    Ring a = selector.ring(servers);
    Ring b = selector.ring(new ArrayList<>(servers));
    Set<Server> used = new HashSet<>();
    for (int k = 0; k < 10_000; k++) {
      String key = "user:" + k;
      assertThat(b.primary(key)).isEqualTo(a.primary(key));
      assertThat(a.primary(key.getBytes(UTF_8))).isEqualTo(a.primary(key));
      used.add(a.primary(key));
    }
    assertThat(used).hasSize(10);
  }
}
