package dev.hashring.spymemcached;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.hashring.Server;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.spy.memcached.DefaultHashAlgorithm;
import net.spy.memcached.KetamaNodeKeyFormatter.Format;
import net.spy.memcached.KetamaNodeLocator;
import net.spy.memcached.MemcachedNode;
import net.spy.memcached.NodeLocator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With {@code selector=ketama, compat=spymemcached} the factory's locator places every key exactly
 * where spymemcached's own {@link KetamaNodeLocator} places it, on the same spymemcached nodes, in
 * process: the expected values come from spymemcached 2.12.3 itself.
 */
class SpymemcachedLocatorCompatTest {

  private static final int KEYS = 5_000;

  static Stream<Arguments> topologies() {
    String forty =
        IntStream.range(0, 40)
            .mapToObj(i -> "10.0." + (i / 10) + "." + (i % 10 + 1) + ":" + (11211 + i % 3))
            .collect(Collectors.joining(", "));
    return Stream.of(
        arguments("IP addresses, default port", "10.0.1.1:11211, 10.0.1.2:11211, 10.0.1.3:11211"),
        arguments(
            "one address, five ports",
            "127.0.0.1:11211, 127.0.0.1:11212, 127.0.0.1:11213, 127.0.0.1:11214, 127.0.0.1:11215"),
        arguments("host names", "localhost:11211, localhost:11212, localhost:11213"),
        arguments("names and addresses", "localhost:11211, 127.0.0.1:11212, 10.0.1.3:22122"),
        arguments("IPv6", "[::1]:11211, [::1]:11212, [0:0:0:0:0:0:0:1]:11213"),
        arguments("one server", "10.0.1.1:11211"),
        arguments("forty servers", forty),
        arguments(
            "weights",
            "10.0.1.1:11211:1, 10.0.1.2:11211:2, 10.0.1.3:11211:3, 10.0.1.4:11211:4,"
                + " 10.0.1.5:11211:15"),
        arguments(
            "weights and host names", "localhost:11211:3, 127.0.0.1:11212:1, localhost:11213:2"),
        arguments("equal weights above one", "10.0.1.1:11211:5, 10.0.1.2:11211:5"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("topologies")
  void compatSpymemcached_placesEveryKeyWhereKetamaNodeLocatorDoes(String topology, String specs) {
    assertSamePlacement(
        specs, "spymemcached", "md5", DefaultHashAlgorithm.KETAMA_HASH, Format.SPYMEMCACHED);
  }

  /**
   * Format.LIBMEMCACHED names a node by {@code getHostName()}, a reverse DNS lookup for an address:
   * loopback only, which /etc/hosts answers at once.
   */
  static Stream<Arguments> loopbackTopologies() {
    return Stream.of(
        arguments("addresses", "127.0.0.1:11211, 127.0.0.1:11212, 127.0.0.1:11213"),
        arguments("host names", "localhost:11211, localhost:11212, localhost:11213"),
        arguments("IPv6", "[::1]:11211, [::1]:11212"),
        arguments("weights", "localhost:11211:3, 127.0.0.1:11212:1, localhost:11213:2"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("loopbackTopologies")
  void compatSpymemcachedLibmemcached_placesEveryKeyWhereKetamaNodeLocatorDoes(
      String topology, String specs) {
    assertSamePlacement(
        specs,
        "spymemcached-libmemcached",
        "md5",
        DefaultHashAlgorithm.KETAMA_HASH,
        Format.LIBMEMCACHED);
  }

  static Stream<Arguments> hashes() {
    return Stream.of(
        arguments("native", DefaultHashAlgorithm.NATIVE_HASH),
        arguments("crc", DefaultHashAlgorithm.CRC_HASH),
        arguments("fnv1_64", DefaultHashAlgorithm.FNV1_64_HASH),
        arguments("fnv1a_64", DefaultHashAlgorithm.FNV1A_64_HASH),
        arguments("fnv1_32", DefaultHashAlgorithm.FNV1_32_HASH),
        arguments("fnv1a_32", DefaultHashAlgorithm.FNV1A_32_HASH));
  }

  /** Other hashes: 160 key-hash points per server, non-ASCII keys hashed over UTF-16 units. */
  @ParameterizedTest(name = "hash={0}")
  @MethodSource("hashes")
  void compatSpymemcached_withAnotherHash_placesEveryKeyWhereKetamaNodeLocatorDoes(
      String hash, DefaultHashAlgorithm algorithm) {
    assertSamePlacement(
        "10.0.1.1:11211, 10.0.1.2:11211, localhost:11213, 10.0.1.4:22122",
        "spymemcached",
        hash,
        algorithm,
        Format.SPYMEMCACHED);
  }

  private static void assertSamePlacement(
      String specs, String compat, String hash, DefaultHashAlgorithm algorithm, Format format) {
    List<Server> servers = parse(specs);
    HashRingConnectionFactory factory =
        HashRingConnectionFactory.builder()
            .selector("ketama")
            .option("compat", compat)
            .option("hash", hash)
            .servers(servers)
            .build();
    try (DetachedNodes detached = new DetachedNodes(factory.addresses())) {
      List<MemcachedNode> nodes = detached.nodes();
      NodeLocator ours = factory.createLocator(nodes);
      NodeLocator theirs =
          new KetamaNodeLocator(nodes, algorithm, format, weights(servers, factory));

      List<String> disagreements = new ArrayList<>();
      for (String key : Keys.sample(KEYS, 20261126L)) {
        MemcachedNode expected = theirs.getPrimary(key);
        MemcachedNode actual = ours.getPrimary(key);
        if (actual != expected) {
          disagreements.add(
              key
                  + ": spymemcached "
                  + expected.getSocketAddress()
                  + ", ours "
                  + actual.getSocketAddress());
        }
      }
      assertThat(disagreements)
          .as("keys placed elsewhere than spymemcached's KetamaNodeLocator (of %d)", KEYS)
          .isEmpty();
    }
  }

  /** spymemcached's weights: none when every weight is 1, as KetamaConnectionFactory does. */
  private static Map<InetSocketAddress, Integer> weights(
      List<Server> servers, HashRingConnectionFactory factory) {
    Map<InetSocketAddress, Integer> weights = new HashMap<>();
    if (servers.stream().anyMatch(server -> server.weight() != 1)) {
      for (int i = 0; i < servers.size(); i++) {
        weights.put(factory.addresses().get(i), servers.get(i).weight());
      }
    }
    return weights;
  }

  private static List<Server> parse(String specs) {
    return Stream.of(specs.split(","))
        .map(String::strip)
        .map(Server::parse)
        .collect(Collectors.toList());
  }
}
