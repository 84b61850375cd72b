package dev.hashring.ketama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.spi.ClientHashes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.spy.memcached.KetamaNodeKeyFormatter.Format;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The {@code spymemcached} and {@code spymemcached-libmemcached} profiles against the real
 * spymemcached 2.12.3 {@code KetamaNodeLocator}, in process: every hash, both node formats, 1 to 50
 * servers, IP addresses and {@code localhost}, the default port and others, equal and unequal
 * weights (up to 600/300/1000), 1 000 keys each.
 */
class SpymemcachedLocatorTest {

  /**
   * Server lists: sizes, hosts, ports and weights. Hosts are IP addresses (10.0.5.5
   * reverse-resolves to a name, the others to themselves), {@code localhost}, a name that resolves
   * and names that do not ({@code <unresolved>} in spymemcached's node keys); names resolve from
   * the test hosts file.
   */
  static List<List<Server>> topologies() {
    List<List<Server>> topologies = new ArrayList<>();
    Random random = new Random(2012);
    for (int size : new int[] {1, 2, 3, 5, 8, 13, 25, 50}) {
      for (String weights : List.of("one", "random", "large", "two")) {
        if (weights.equals("two") && size < 25) {
          continue; // equal weights above 1: the weighted formula, 156 points for 25 and 50
        }
        List<Server> servers = new ArrayList<>();
        for (int i = 0; i < size; i++) {
          String host;
          if (i == 1) {
            host = "localhost";
          } else if (i == 2) {
            host = "mc-five.hashring.test";
          } else if (i % 4 == 3) {
            host = "mc-" + i + ".hashring.invalid";
          } else {
            host = "10.0." + (i / 100) + "." + (i % 100 + 1);
          }
          int port = i % 3 == 0 ? 11211 : 11212 + i;
          int weight =
              switch (weights) {
                case "random" -> 1 + random.nextInt(10);
                case "large" -> new int[] {600, 300, 1000, 200, 350, 800, 950, 100}[i % 8];
                case "two" -> 2;
                default -> 1;
              };
          servers.add(Server.of(host, port, weight));
        }
        topologies.add(servers);
      }
    }
    return topologies;
  }

  @TestFactory
  Stream<DynamicTest> everyHashFormatAndTopology_placesKeysAsKetamaNodeLocator() {
    List<String> keys = TestKeys.keys(7, 1000);
    List<DynamicTest> tests = new ArrayList<>();
    for (String compat : List.of("spymemcached", "spymemcached-libmemcached")) {
      Format format = compat.equals("spymemcached") ? Format.SPYMEMCACHED : Format.LIBMEMCACHED;
      for (String hash : ClientHashes.SPYMEMCACHED.names()) {
        tests.add(
            DynamicTest.dynamicTest(
                compat + " hash=" + hash,
                () -> {
                  int compared = 0;
                  for (List<Server> servers : topologies()) {
                    Ring ring =
                        new KetamaSelector().ring(servers, Map.of("compat", compat, "hash", hash));
                    SpymemcachedNodes.Locator real =
                        SpymemcachedNodes.locator(servers, hash, format);
                    List<String> wrong = new ArrayList<>();
                    for (String key : keys) {
                      if (!ring.primary(key).equals(real.primary(key))) {
                        wrong.add(
                            "'"
                                + key
                                + "': spymemcached "
                                + real.primary(key)
                                + ", ours "
                                + ring.primary(key));
                      }
                    }
                    assertThat(wrong).as("%s %s", ring, servers).isEmpty();
                    compared += keys.size();
                  }
                  System.out.printf(
                      "%s hash=%s: %d lookups agree with KetamaNodeLocator%n",
                      compat, hash, compared);
                }));
      }
    }
    return tests.stream();
  }

  @Test
  void libmemcachedFormat_reverseResolvesIpAddresses() {
    // 127.0.0.1 is localhost, 10.0.5.5 mc-five.hashring.test, 10.0.9.9 has no name.
    List<Server> servers =
        List.of(
            Server.of("127.0.0.1", 11211),
            Server.of("10.0.5.5", 11211, 3),
            Server.of("10.0.9.9", 11212, 2));
    Ring ring = new KetamaSelector().ring(servers, Map.of("compat", "spymemcached-libmemcached"));
    SpymemcachedNodes.Locator real = SpymemcachedNodes.locator(servers, "md5", Format.LIBMEMCACHED);
    for (String key : TestKeys.keys(8, 300)) {
      assertThat(ring.primary(key)).as(key).isEqualTo(real.primary(key));
    }
    assertThat(NodeFormat.SPYMEMCACHED_LIBMEMCACHED.node(servers.get(0))).isEqualTo("localhost");
    assertThat(NodeFormat.SPYMEMCACHED_LIBMEMCACHED.node(servers.get(1)))
        .isEqualTo("mc-five.hashring.test");
    assertThat(NodeFormat.SPYMEMCACHED_LIBMEMCACHED.node(servers.get(2)))
        .isEqualTo("10.0.9.9:11212");
  }
}
