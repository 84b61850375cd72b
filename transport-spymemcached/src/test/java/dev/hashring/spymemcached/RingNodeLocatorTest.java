package dev.hashring.spymemcached;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelectors;
import dev.hashring.tck.AllocationMeter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import net.spy.memcached.MemcachedNode;
import net.spy.memcached.MemcachedNodeROImpl;
import net.spy.memcached.NodeLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The locator as spymemcached uses it, in process, on real (never connected) spymemcached nodes.
 */
class RingNodeLocatorTest {

  private static final List<Server> SERVERS =
      List.of(
          Server.parse("10.0.1.1:11211"),
          Server.parse("10.0.1.2:11211:3"),
          Server.parse("10.0.1.3:11212"),
          Server.parse("10.0.1.4:11211:2"),
          Server.parse("10.0.1.5:11213"));

  private static HashRingConnectionFactory factory(String selector, List<Server> servers) {
    return HashRingConnectionFactory.builder().selector(selector).servers(servers).build();
  }

  @ParameterizedTest
  @CsvSource({"ketama", "jump", "modulo"})
  void getSequence_isTheRestOfTheFailoverSequence_finiteAndWithoutRepeats(String selector) {
    HashRingConnectionFactory factory = factory(selector, SERVERS);
    Ring ring = ServerSelectors.forName(selector).ring(SERVERS);
    try (DetachedNodes detached = new DetachedNodes(factory.addresses())) {
      List<MemcachedNode> nodes = detached.nodes();
      NodeLocator locator = factory.createLocator(nodes);
      for (String key : Keys.sample(2_000, 11)) {
        List<MemcachedNode> expected = new ArrayList<>();
        ring.failover(key)
            .forEachRemaining(server -> expected.add(nodes.get(SERVERS.indexOf(server))));

        MemcachedNode primary = locator.getPrimary(key);
        List<MemcachedNode> rest = new ArrayList<>();
        Iterator<MemcachedNode> sequence = locator.getSequence(key);
        for (int i = 0; i <= nodes.size() && sequence.hasNext(); i++) {
          rest.add(sequence.next());
        }

        assertThat(sequence.hasNext())
            .as("%s: sequence goes on past %d nodes", key, nodes.size())
            .isFalse();
        assertThat(primary).as(key).isSameAs(expected.get(0));
        assertThat(rest).as(key).isEqualTo(expected.subList(1, expected.size()));
        Set<MemcachedNode> all = new HashSet<>(rest);
        all.add(primary);
        assertThat(all)
            .as("%s: primary and sequence list every node once", key)
            .hasSize(nodes.size())
            .containsExactlyInAnyOrderElementsOf(nodes);
      }
    }
  }

  @Test
  void weightsAndNames_reachTheRing() {
    List<Server> named =
        List.of(
            Server.parse("10.0.1.1:11211:1 cache-a"),
            Server.parse("10.0.1.2:11211:5 cache-b"),
            Server.parse("10.0.1.3:11211:2 cache-c"));
    HashRingConnectionFactory factory = factory("ketama", named);
    Ring ring = ServerSelectors.forName("ketama").ring(named);
    try (DetachedNodes detached = new DetachedNodes(factory.addresses())) {
      NodeLocator locator = factory.createLocator(detached.nodes());
      int[] counts = new int[named.size()];
      for (String key : Keys.sample(6_000, 5)) {
        int expected = named.indexOf(ring.primary(key));
        assertThat(locator.getPrimary(key)).as(key).isSameAs(detached.nodes().get(expected));
        counts[expected]++;
      }
      // Weight 5 of 8 takes most keys: the weights reached the ring.
      assertThat(counts[1])
          .as("keys per server %s", java.util.Arrays.toString(counts))
          .isGreaterThan(counts[0] + counts[2]);
    }
  }

  @Test
  void getAll_listsEveryNodeInServerOrder() {
    HashRingConnectionFactory factory = factory("ketama", SERVERS);
    try (DetachedNodes detached = new DetachedNodes(factory.addresses())) {
      List<MemcachedNode> shuffled = new ArrayList<>(detached.nodes());
      java.util.Collections.reverse(shuffled);
      NodeLocator locator = factory.createLocator(shuffled);
      assertThat(locator.getAll()).containsExactlyElementsOf(detached.nodes());
      assertThatThrownBy(() -> locator.getAll().clear())
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Test
  void readonlyCopy_answersTheSameWithReadOnlyNodes() {
    HashRingConnectionFactory factory = factory("ketama", SERVERS);
    try (DetachedNodes detached = new DetachedNodes(factory.addresses())) {
      NodeLocator locator = factory.createLocator(detached.nodes());
      NodeLocator copy = locator.getReadonlyCopy();

      assertThat(copy.getAll()).allMatch(node -> node instanceof MemcachedNodeROImpl);
      for (String key : Keys.sample(1_000, 3)) {
        assertThat(copy.getPrimary(key).getSocketAddress())
            .isEqualTo(locator.getPrimary(key).getSocketAddress());
        Iterator<MemcachedNode> ours = locator.getSequence(key);
        Iterator<MemcachedNode> theirs = copy.getSequence(key);
        while (ours.hasNext()) {
          assertThat(theirs.next().getSocketAddress()).isEqualTo(ours.next().getSocketAddress());
        }
        assertThat(theirs.hasNext()).isFalse();
      }
      assertThatThrownBy(() -> copy.getAll().iterator().next().addOp(null))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> copy.updateLocator(detached.nodes()))
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessage("this is a read-only copy of a locator");
    }
  }

  @Test
  void updateLocator_rebuildsTheRingForTheNodesGiven() {
    HashRingConnectionFactory factory = factory("ketama", SERVERS);
    List<Server> fewer = List.of(SERVERS.get(0), SERVERS.get(1), SERVERS.get(3));
    Ring expected = ServerSelectors.forName("ketama").ring(fewer);
    try (DetachedNodes detached = new DetachedNodes(factory.addresses())) {
      List<MemcachedNode> nodes = detached.nodes();
      NodeLocator locator = factory.createLocator(nodes);
      NodeLocator before = locator.getReadonlyCopy();
      List<MemcachedNode> kept = List.of(nodes.get(0), nodes.get(1), nodes.get(3));

      locator.updateLocator(kept);

      assertThat(locator.getAll()).containsExactlyElementsOf(kept);
      for (String key : Keys.sample(2_000, 13)) {
        // Weights stay with their servers: the ring equals the selector's ring of the three.
        assertThat(locator.getPrimary(key))
            .as(key)
            .isSameAs(kept.get(fewer.indexOf(expected.primary(key))));
      }
      assertThat(before.getAll()).hasSize(SERVERS.size());
    }
  }

  @Test
  void updateLocator_nodeOfAnUnknownAddress_isAServerOfWeightOne() {
    HashRingConnectionFactory factory = factory("ketama", SERVERS.subList(0, 2));
    List<java.net.InetSocketAddress> addresses = new ArrayList<>(factory.addresses());
    addresses.add(new java.net.InetSocketAddress("10.0.1.9", 11211));
    List<Server> expectedServers =
        List.of(SERVERS.get(0), SERVERS.get(1), Server.of("10.0.1.9", 11211));
    Ring expected = ServerSelectors.forName("ketama").ring(expectedServers);
    try (DetachedNodes detached = new DetachedNodes(addresses)) {
      NodeLocator locator = factory.createLocator(detached.nodes().subList(0, 2));
      locator.updateLocator(detached.nodes());
      for (String key : Keys.sample(1_000, 17)) {
        assertThat(locator.getPrimary(key))
            .isSameAs(detached.nodes().get(expectedServers.indexOf(expected.primary(key))));
      }
    }
  }

  @Test
  void nodeNotConnectedByItsDeadline_countsAsFailed() {
    HashRingConnectionFactory factory = factory("ketama", SERVERS);
    try (DetachedNodes detached = new DetachedNodes(factory.addresses())) {
      List<MemcachedNode> nodes = detached.nodes();
      RingNodeLocator locator = (RingNodeLocator) factory.createLocator(nodes);
      // Never connected, within the operation timeout: operations may wait for it.
      assertThat(locator.usable(nodes.get(0))).isTrue();

      locator.awaitFirstConnect(List.of(nodes.get(0)), System.nanoTime() - 1);
      locator.expireFirstConnects();

      assertThat(locator.usable(nodes.get(0))).isFalse();
      assertThat(locator.usable(nodes.get(1))).isTrue();
      locator.markFailed(nodes.get(1));
      assertThat(locator.usable(nodes.get(1))).isFalse();
    }
  }

  @ParameterizedTest
  @CsvSource({"ketama", "jump", "modulo"})
  void getPrimary_allocatesNothing(String selector) {
    HashRingConnectionFactory factory = factory(selector, SERVERS);
    try (DetachedNodes detached = new DetachedNodes(factory.addresses())) {
      NodeLocator locator = factory.createLocator(detached.nodes());
      String[] keys =
          Keys.sample(1_000, 19).stream().filter(k -> k.startsWith("key:")).toArray(String[]::new);
      MemcachedNode[] sink = new MemcachedNode[1];
      int[] next = {0};
      long bytes =
          AllocationMeter.measure(
              100_000, () -> sink[0] = locator.getPrimary(keys[next[0]++ % keys.length]));
      // One object per lookup would be at least 1.6 MB; the bound is rule 1.10's.
      assertThat(bytes)
          .as("bytes allocated by 100000 lookups of ASCII keys, %s", selector)
          .isLessThanOrEqualTo(1_024);
    }
  }
}
