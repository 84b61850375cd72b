package dev.hashring.ketama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.HashAlgorithm;
import dev.hashring.Server;
import dev.hashring.spi.ClientHashes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.spy.memcached.KetamaNodeKeyFormatter;
import org.junit.jupiter.api.Test;

/**
 * Points of several servers with the same value go to the server each client picks: spymemcached
 * the one listed last, xmemcached {@code list.get(value % size)} of the servers sorted by node
 * text. With the 15-bit {@code crc} hash, 160 points per server collide often; a key whose hash
 * equals a tied value is found by trying keys, and the real locator decides.
 */
class TiesTest {

  private static List<Server> servers(int n, boolean weighted) {
    List<Server> servers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      servers.add(Server.of("10.0.3." + (i + 1), 11211 + i % 2, weighted ? 1 + i % 3 : 1));
    }
    return servers;
  }

  /**
   * For each point value that two or more servers share, a key whose hash is that value. Points are
   * computed here from the node texts the clients use ({@code prefix + host:port + "-" + i}, 160
   * times the weight per server).
   */
  private static Map<Long, String> keysOnTies(
      List<Server> servers, String prefix, HashAlgorithm hash) {
    Map<Long, java.util.Set<Server>> owners = new HashMap<>();
    for (Server server : servers) {
      for (int i = 0; i < 160 * server.weight(); i++) {
        long point = hash.hash(prefix + server.address() + "-" + i) & 0xFFFFFFFFL;
        owners.computeIfAbsent(point, p -> new java.util.HashSet<>()).add(server);
      }
    }
    owners.values().removeIf(set -> set.size() < 2);
    Map<Long, String> keys = new HashMap<>();
    for (int i = 0; keys.size() < owners.size() && i < 5_000_000; i++) {
      String key = "tie-" + i;
      long value = hash.hash(key) & 0xFFFFFFFFL;
      if (owners.containsKey(value)) {
        keys.putIfAbsent(value, key);
      }
    }
    assertThat(owners).as("values shared by several servers").hasSizeGreaterThan(10);
    assertThat(keys).as("keys found for them").hasSameSizeAs(owners);
    return keys;
  }

  @Test
  void spymemcached_theServerListedLastWins() {
    List<Server> servers = servers(13, false);
    ContinuumRing ring =
        (ContinuumRing)
            new KetamaSelector().ring(servers, Map.of("compat", "spymemcached", "hash", "crc"));
    SpymemcachedNodes.Locator real =
        SpymemcachedNodes.locator(servers, "crc", KetamaNodeKeyFormatter.Format.SPYMEMCACHED);
    assertThat(ring.size() - ring.points().length).as("tied points").isGreaterThan(20);
    for (String key : keysOnTies(servers, "", ClientHashes.SPYMEMCACHED.hash("crc")).values()) {
      assertThat(ring.primary(key)).as(key).isEqualTo(real.primary(key));
    }
  }

  @Test
  void xmemcached_picksValueModuloSizeAmongServersSortedByNodeText() {
    List<Server> servers = servers(13, true);
    ContinuumRing ring =
        (ContinuumRing)
            new KetamaSelector().ring(servers, Map.of("compat", "xmemcached", "hash", "crc"));
    XmemcachedSessions.Locator real = XmemcachedSessions.locator(servers, "crc", "sockstr");
    assertThat(ring.size() - ring.points().length).as("tied points").isGreaterThan(20);
    assertThat(ring.traits())
        .as("ties make xmemcached's pick move keys")
        .doesNotContain(dev.hashring.Trait.MINIMAL_DISRUPTION);
    for (String key : keysOnTies(servers, "/", ClientHashes.XMEMCACHED.hash("crc")).values()) {
      assertThat(ring.primary(key)).as(key).isEqualTo(real.primary(key));
    }
  }

  @Test
  void xmemcachedArrange_ordersARunAsSuccessiveRemovalsWouldPick() {
    // A run of ranks [0, 0, 1, 2] at value 7: 7 % 4 = 3 picks rank 2; without it [0, 0, 1]:
    // 7 % 3 = 1 picks rank 0; then [1].
    int[] run = {0, 0, 1, 2};
    TieOrder.PICK_BY_VALUE.arrange(7, run, 0, 4);
    assertThat(run).containsExactly(2, 0, 0, 1);
    int[] other = {5, 0, 1, 2, 9};
    TieOrder.PICK_BY_VALUE.arrange(8, other, 1, 4); // run [0, 1, 2]: 8 % 3 = 2, then 8 % 2 = 0
    assertThat(other).containsExactly(5, 2, 0, 1, 9);
  }
}
