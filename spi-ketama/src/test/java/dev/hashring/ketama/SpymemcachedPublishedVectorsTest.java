package dev.hashring.ketama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.Ring;
import dev.hashring.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.spy.memcached.KetamaNodeKeyFormatter;
import org.junit.jupiter.api.Test;

/**
 * spymemcached's own test values ({@code KetamaNodeLocatorTest}, spec §14.1).
 *
 * <p>Its nodes are {@code InetSocketAddress.createUnresolved("127.0.0.1", 10000 + i)}, printed
 * {@code 127.0.0.1:1000i} up to JDK 13 (and {@code 127.0.0.1/<unresolved>:1000i} since JDK 14,
 * where the project's own test fails). Resolved IP addresses print the same node keys on every JDK,
 * so the servers here are {@code 127.0.0.1:1000i}.
 */
class SpymemcachedPublishedVectorsTest {

  private static List<Server> localNodes(int n) {
    List<Server> servers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      servers.add(Server.of("127.0.0.1", 10000 + i));
    }
    return servers;
  }

  private static Ring ring(List<Server> servers, String... options) {
    Map<String, String> map = new java.util.HashMap<>(Map.of("compat", "spymemcached"));
    for (int i = 0; i < options.length; i += 2) {
      map.put(options[i], options[i + 1]);
    }
    return new KetamaSelector().ring(servers, map);
  }

  private static int index(Ring ring, String key) {
    return ring.servers().indexOf(ring.primary(key));
  }

  @Test
  void lookups_fourNodes() {
    Ring ring = ring(localNodes(4));
    assertThat(index(ring, "dustin")).isEqualTo(0);
    assertThat(index(ring, "noelani")).isEqualTo(2);
    assertThat(index(ring, "some other key")).isEqualTo(0);
  }

  @Test
  void continuumWrapping_keysPastTheLastPointGoToTheFirstPoint() {
    ContinuumRing ring = (ContinuumRing) ring(localNodes(4));
    long[] points = ring.points();
    assertThat(points[points.length - 1]).isEqualTo(4294887009L);
    for (String key : List.of("V5XS8C8N", "8KR2DKR2", "L9KH6X4X")) {
      assertThat(index(ring, key)).as(key).isEqualTo(3);
    }
  }

  @Test
  void clusterResizing_fiveNodes() {
    Ring ring = ring(localNodes(5));
    assertThat(index(ring, "dustin")).isEqualTo(0);
    assertThat(index(ring, "noelani")).isEqualTo(2);
    assertThat(index(ring, "some other key")).isEqualTo(4);
  }

  @Test
  void libKetamaCompat_fiveNodes() {
    Ring ring = ring(localNodes(5));
    assertThat(index(ring, "36")).isEqualTo(2);
    assertThat(index(ring, "10037")).isEqualTo(3);
    assertThat(index(ring, "22051")).isEqualTo(1);
    assertThat(index(ring, "49044")).isEqualTo(4);
  }

  @Test
  void fnv1a32_fiveNodes_160SinglePoints() {
    Ring ring = ring(localNodes(5), "hash", "fnv1a_32");
    assertThat(index(ring, "dustin")).isEqualTo(2);
    assertThat(index(ring, "noelani")).isEqualTo(1);
    assertThat(index(ring, "some other key")).isEqualTo(4);
  }

  @Test
  void libKetamaCompatTwo_all3241Vectors_ourRingAndTheRealLocatorAgree() {
    List<Server> servers = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      servers.add(Server.of("10.0.1." + i, 11211));
    }
    Ring ring = ring(servers);
    SpymemcachedNodes.Locator real =
        SpymemcachedNodes.locator(servers, "md5", KetamaNodeKeyFormatter.Format.SPYMEMCACHED);
    List<String> lines = VectorFiles.lines("published/spymemcached-libketama-compat.txt");
    List<String> wrong = new ArrayList<>();
    for (String line : lines) {
      String[] row = line.split(" ");
      String expected = "10.0.1." + row[1] + ":11211";
      if (!ring.primary(row[0]).address().equals(expected)) {
        wrong.add("'" + row[0] + "' ours " + ring.primary(row[0]) + ", published " + expected);
      }
      if (!real.primary(row[0]).address().equals(expected)) {
        wrong.add(
            "'" + row[0] + "' spymemcached " + real.primary(row[0]) + ", published " + expected);
      }
    }
    assertThat(lines).hasSize(3241);
    assertThat(wrong).isEmpty();
  }

  @Test
  void libKetamaWeightedCompatLibmemcached_localhostNodes() {
    // The project's test uses 127.0.0.1, which getHostName() reverse-resolves to localhost where
    // the hosts file says so; the node keys are then localhost and localhost:11212.
    List<Server> servers =
        List.of(Server.of("localhost", 11211, 8), Server.of("localhost", 11212, 8));
    Ring ring = new KetamaSelector().ring(servers, Map.of("compat", "spymemcached-libmemcached"));
    assertThat(ring.primary("key1").port()).isEqualTo(11212);
    assertThat(ring.primary("key2").port()).isEqualTo(11211);
    assertThat(ring.primary("key3").port()).isEqualTo(11212);
    assertThat(ring.primary("key4").port()).isEqualTo(11212);
  }
}
