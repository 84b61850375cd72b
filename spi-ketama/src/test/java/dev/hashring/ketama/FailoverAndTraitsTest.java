package dev.hashring.ketama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.Trait;
import dev.hashring.spi.Continuum;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Failover is the walk over distinct servers in lookup direction, and each ring claims exactly the
 * traits that hold for it.
 */
class FailoverAndTraitsTest {

  private static final KetamaSelector KETAMA = new KetamaSelector();

  private static List<Server> servers(int... weights) {
    List<Server> servers = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      servers.add(Server.of("10.0.4." + (i + 1), 11211 + i % 2, weights[i]));
    }
    return servers;
  }

  private static List<Server> equal(int n) {
    int[] ones = new int[n];
    Arrays.fill(ones, 1);
    return servers(ones);
  }

  private static List<Server> all(Iterator<Server> sequence) {
    List<Server> list = new ArrayList<>();
    sequence.forEachRemaining(list::add);
    return list;
  }

  /**
   * The failover order computed from the continuum's arcs: the owners of the points met walking
   * from the key's arc in lookup direction, each once, then the servers that own no arc.
   */
  private static List<Server> walkOfArcs(Ring ring, long hash) {
    Continuum continuum = (Continuum) ring;
    long[] points = continuum.points();
    List<Server> owners = continuum.owners();
    int n = points.length;
    int at;
    if (continuum.ceiling()) {
      int i = Arrays.binarySearch(points, hash);
      at = i >= 0 ? i : -i - 1;
      at = at == n ? 0 : at;
    } else {
      int i = Arrays.binarySearch(points, hash);
      at = i >= 0 ? i : -i - 2;
      at = at < 0 ? n - 1 : at;
    }
    Set<Server> order = new LinkedHashSet<>();
    for (int step = 0; step < n; step++) {
      int index = continuum.ceiling() ? (at + step) % n : Math.floorMod(at - step, n);
      order.add(owners.get(index));
    }
    for (Server server : ring.servers()) {
      order.add(server);
    }
    return new ArrayList<>(order);
  }

  @Test
  void failover_isTheWalkOfArcsInLookupDirection_forEveryProfile() {
    List<Server> servers = servers(1, 2, 3, 1, 5, 1, 2);
    for (String compat : KETAMA.compatProfiles()) {
      Ring ring = KETAMA.ring(servers, Map.of("compat", compat));
      var hash = ((Continuum) ring).keyHash();
      for (String key : TestKeys.keys(21, 300)) {
        List<Server> expected = walkOfArcs(ring, hash.hash(key) & 0xFFFFFFFFL);
        assertThat(all(ring.failover(key))).as("%s '%s'", compat, key).isEqualTo(expected);
        assertThat(expected.get(0)).isEqualTo(ring.primary(key));
      }
    }
  }

  @Test
  void failover_listsServersWithoutPointsLast_inListOrder() {
    // Weights 1 and 2 next to 65535: the float32 share rounds them to no points at all.
    List<Server> servers = servers(1, 65535, 2, 65535);
    Ring ring = KETAMA.ring(servers, Map.of("compat", "twemproxy"));
    assertThat(PointCount.libketamaShare().counts(servers)).containsExactly(0, 316, 0, 316);
    for (String key : TestKeys.keys(22, 200)) {
      List<Server> sequence = all(ring.failover(key));
      assertThat(sequence).hasSize(4);
      assertThat(sequence.subList(2, 4)).containsExactly(servers.get(0), servers.get(2));
      assertThat(ring.primary(key)).isIn(servers.get(1), servers.get(3));
    }
    assertThat(ring.traits()).containsExactly(Trait.WEIGHTED);
  }

  @Test
  void traits_perProfile_forEqualAndUnequalWeights() {
    Map<String, Set<Trait>> equalWeights =
        Map.of(
            "native", Set.of(Trait.WEIGHTED, Trait.MINIMAL_DISRUPTION, Trait.FAILOVER_IS_REMOVAL),
            "libmemcached", Set.of(Trait.FAILOVER_IS_REMOVAL),
            "libmemcached-weighted", Set.of(Trait.WEIGHTED, Trait.FAILOVER_IS_REMOVAL),
            "libmemcached-spy", Set.of(Trait.FAILOVER_IS_REMOVAL),
            "spymemcached", Set.of(Trait.FAILOVER_IS_REMOVAL),
            "spymemcached-libmemcached", Set.of(Trait.FAILOVER_IS_REMOVAL),
            "twemproxy", Set.of(Trait.WEIGHTED, Trait.FAILOVER_IS_REMOVAL),
            "xmemcached",
                Set.of(Trait.WEIGHTED, Trait.MINIMAL_DISRUPTION, Trait.FAILOVER_IS_REMOVAL),
            "dalli", Set.of(Trait.WEIGHTED, Trait.FAILOVER_IS_REMOVAL));
    Map<String, Set<Trait>> unequalWeights =
        Map.of(
            "native", Set.of(Trait.WEIGHTED, Trait.MINIMAL_DISRUPTION, Trait.FAILOVER_IS_REMOVAL),
            "libmemcached", Set.of(Trait.WEIGHTED),
            "libmemcached-weighted", Set.of(Trait.WEIGHTED),
            "libmemcached-spy", Set.of(Trait.WEIGHTED),
            "spymemcached", Set.of(Trait.WEIGHTED),
            "spymemcached-libmemcached", Set.of(Trait.WEIGHTED),
            "twemproxy", Set.of(Trait.WEIGHTED),
            "xmemcached",
                Set.of(Trait.WEIGHTED, Trait.MINIMAL_DISRUPTION, Trait.FAILOVER_IS_REMOVAL),
            "dalli", Set.of(Trait.WEIGHTED));
    for (String compat : KETAMA.compatProfiles()) {
      assertThat(KETAMA.ring(equal(5), Map.of("compat", compat)).traits())
          .as(compat)
          .isEqualTo(equalWeights.get(compat));
      assertThat(KETAMA.ring(servers(1, 2, 3), Map.of("compat", compat)).traits())
          .as(compat)
          .isEqualTo(unequalWeights.get(compat));
    }
  }

  @Test
  void failoverIsRemoval_claimedExactlyWhenRemovalKeepsTheOtherPoints_evenFor25EqualServers() {
    // 25 equal servers get 156 points each, 24 get 160: removing one changes every server's
    // points, so the trait is not claimed, and a key shows why.
    for (int n : new int[] {24, 25, 26, 47, 48}) {
      List<Server> servers = equal(n);
      Ring ring = KETAMA.ring(servers, Map.of("compat", "twemproxy"));
      boolean claimed = ring.traits().contains(Trait.FAILOVER_IS_REMOVAL);
      boolean sameCount =
          PointCount.libketamaShare().counts(servers)[0]
              == PointCount.libketamaShare().counts(servers.subList(0, n - 1))[0];
      assertThat(claimed).as("n=%d", n).isEqualTo(sameCount);
      int broken = 0;
      Map<Server, Ring> withoutOne = new java.util.HashMap<>();
      for (String key : TestKeys.keys(23, 2000)) {
        Iterator<Server> sequence = ring.failover(key);
        Server primary = sequence.next();
        Ring removed =
            withoutOne.computeIfAbsent(
                primary,
                p -> {
                  List<Server> without = new ArrayList<>(servers);
                  without.remove(p);
                  return KETAMA.ring(without, Map.of("compat", "twemproxy"));
                });
        Server afterRemoval = removed.primary(key);
        if (!sequence.next().equals(afterRemoval)) {
          broken++;
        }
        if (!claimed && broken > 0) {
          break;
        }
      }
      assertThat(broken)
          .as("keys whose failover differs from removal, n=%d", n)
          .isEqualTo(claimed ? 0 : 1);
    }
  }

  @Test
  void predecessorLookup_walksDownwards_andWrapsToTheLastPoint() {
    Ring ring = KETAMA.ring(servers(1, 1, 1), Map.of("compat", "dalli"));
    Continuum continuum = (Continuum) ring;
    assertThat(continuum.ceiling()).isFalse();
    long[] points = continuum.points();
    // A key below the first point belongs to the last point's owner.
    for (String key : TestKeys.keys(24, 3000)) {
      long hash = continuum.keyHash().hash(key) & 0xFFFFFFFFL;
      if (hash < points[0]) {
        assertThat(ring.primary(key)).isEqualTo(continuum.owners().get(points.length - 1));
      }
    }
  }
}
