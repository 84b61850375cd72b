package dev.hashring.ketama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.spi.ClientHashes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The {@code xmemcached} profile against the real xmemcached 2.4.9 {@code
 * KetamaMemcachedSessionLocator}, in process: every hash, the three node formats, 1 to 50 servers,
 * IP addresses, {@code localhost} and other names, the default port and others, weights (the
 * locator gives a server 160 x weight points), 400 keys each (every list with md5, the default; a
 * third of them, covering every size, without the 600/300/1000 weights, with each other hash); and
 * xmemcached's own unit-test values.
 */
class XmemcachedLocatorTest {

  static List<List<Server>> topologies() {
    List<List<Server>> topologies = new ArrayList<>();
    Random random = new Random(249);
    for (int size : new int[] {1, 2, 3, 5, 8, 13, 25, 50}) {
      for (String weights : List.of("one", "random", "large")) {
        if (weights.equals("large") && size > 3) {
          continue; // 160 x weight TreeMap entries per server in the real locator
        }
        List<Server> servers = new ArrayList<>();
        for (int i = 0; i < size; i++) {
          String host =
              switch (i % 5) {
                case 1 -> i == 1 ? "localhost" : "10.0.7." + i;
                case 2 -> i == 2 ? "mc-five.hashring.test" : "10.0.8." + i;
                default -> "10.0." + (i / 100) + "." + (i % 100 + 1);
              };
          int port = i % 3 == 0 ? 11211 : 11212 + i;
          int weight =
              switch (weights) {
                case "random" -> 1 + random.nextInt(5);
                case "large" -> new int[] {600, 300, 1000}[i % 3];
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
  Stream<DynamicTest> everyHashNodeFormatAndTopology_placesKeysAsTheLocator() {
    List<String> keys = TestKeys.keys(9, 400);
    List<DynamicTest> tests = new ArrayList<>();
    for (String format : List.of("sockstr", "nginx", "gwhalin")) {
      for (String hash : ClientHashes.XMEMCACHED.names()) {
        if (format.equals("gwhalin") && !hash.equals("md5")) {
          continue; // that locator always hashes with KETAMA_HASH
        }
        tests.add(
            DynamicTest.dynamicTest(
                "node_format=" + format + " hash=" + hash,
                () -> {
                  int compared = 0;
                  List<List<Server>> topologies = topologies();
                  for (int t = 0; t < topologies.size(); t++) {
                    List<Server> servers = topologies.get(t);
                    boolean large = servers.stream().anyMatch(s -> s.weight() > 10);
                    if (!hash.equals("md5") && (large || t % 3 != hash.length() % 3)) {
                      continue; // other hashes: a third of the lists, every size, small weights
                    }
                    Ring ring =
                        new KetamaSelector()
                            .ring(
                                servers,
                                Map.of(
                                    "compat", "xmemcached", "hash", hash, "node_format", format));
                    XmemcachedSessions.Locator real =
                        XmemcachedSessions.locator(servers, hash, format);
                    List<String> wrong = new ArrayList<>();
                    for (String key : keys) {
                      if (!ring.primary(key).equals(real.primary(key))) {
                        wrong.add(
                            "'"
                                + key
                                + "': xmemcached "
                                + real.primary(key)
                                + ", ours "
                                + ring.primary(key));
                      }
                    }
                    assertThat(wrong).as("%s %s", ring, servers).isEmpty();
                    compared += keys.size();
                  }
                  System.out.printf(
                      "xmemcached node_format=%s hash=%s: %d lookups agree with"
                          + " KetamaMemcachedSessionLocator%n",
                      format, hash, compared);
                }));
      }
    }
    return tests.stream();
  }

  @Test
  void emptyKey_refusedExactlyWhereTheLocatorThrows() {
    List<Server> servers = List.of(Server.of("10.0.0.1", 11211), Server.of("10.0.0.2", 11212));
    for (String hash : ClientHashes.XMEMCACHED.names()) {
      Ring ring = new KetamaSelector().ring(servers, Map.of("compat", "xmemcached", "hash", hash));
      XmemcachedSessions.Locator real = XmemcachedSessions.locator(servers, hash, "sockstr");
      Server expected;
      try {
        expected = real.primary("");
      } catch (IllegalArgumentException refused) {
        assertThatThrownBy(() -> ring.primary(""))
            .as(hash)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(
                "compat=xmemcached with hash="
                    + hash
                    + " cannot place an empty key: xmemcached computes "
                    + hash
                    + " from ByteUtils.getBytes, which throws IllegalArgumentException 'Key must"
                    + " not be blank'");
        continue;
      }
      assertThat(ring.primary("")).as(hash).isEqualTo(expected);
      assertThat(ring.primary(new byte[0])).as(hash).isEqualTo(expected);
    }
  }

  /** xmemcached's MockSession(port): {@code new InetSocketAddress("localhost", port)}. */
  private static List<Server> localhost808x() {
    return List.of(
        Server.of("localhost", 8080), Server.of("localhost", 8081), Server.of("localhost", 8082));
  }

  @Test
  void publishedValues_ketamaSessionLocatorUnitTest() {
    // KetamaMemcachedSessionLocatorUnitTest.testGetSessionByKey_MoreSessions
    Ring ring = new KetamaSelector().ring(localhost808x(), Map.of("compat", "xmemcached"));
    assertThat(ring.primary("a1").port()).isEqualTo(8082);
    assertThat(ring.primary("a2").port()).isEqualTo(8080);
    assertThat(ring.primary("a3").port()).isEqualTo(8081);
  }

  @Test
  void publishedValues_gwhalinCompatibleNodes() {
    // KetamaMemcachedSessionLocatorGwhalinMemcachedJavaClientUnitTest: nodes localhost:808x
    Ring ring =
        new KetamaSelector()
            .ring(localhost808x(), Map.of("compat", "xmemcached", "node_format", "gwhalin"));
    assertThat(ring.primary("a1").port()).isEqualTo(8081);
    assertThat(ring.primary("a2").port()).isEqualTo(8082);
    assertThat(ring.primary("a3").port()).isEqualTo(8080);
  }

  @Test
  void publishedValues_nginxUpstreamConsistentNodes() {
    // KetamaMemcachedSessionLocatorNginxUpstreamConsistentUnitTest: a key equal to the text of a
    // server's point lands on that point.
    Map<String, String> nginx = Map.of("compat", "xmemcached", "node_format", "nginx");
    Ring ports =
        new KetamaSelector()
            .ring(
                List.of(
                    Server.of("127.0.0.1", 11211),
                    Server.of("127.0.0.1", 11212),
                    Server.of("127.0.0.1", 11213)),
                nginx);
    for (String suffix : List.of("-0", "-1", "-39")) {
      assertThat(ports.primary("127.0.0.1" + suffix).port()).isEqualTo(11211);
      assertThat(ports.primary("127.0.0.1:11212" + suffix).port()).isEqualTo(11212);
      assertThat(ports.primary("127.0.0.1:11213" + suffix).port()).isEqualTo(11213);
    }
    Ring hosts =
        new KetamaSelector()
            .ring(
                List.of(
                    Server.of("192.168.1.1", 11211),
                    Server.of("192.168.1.2", 11211),
                    Server.of("192.168.1.3", 11211)),
                nginx);
    for (String suffix : List.of("-0", "-1", "-39")) {
      for (int i = 1; i <= 3; i++) {
        assertThat(hosts.primary("192.168.1." + i + suffix).host()).isEqualTo("192.168.1." + i);
      }
    }
  }
}
