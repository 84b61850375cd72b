package dev.hashring.modulo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.Ring;
import dev.hashring.Server;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.spy.memcached.ArrayModNodeLocator;
import net.spy.memcached.DefaultHashAlgorithm;
import net.spy.memcached.MemcachedNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** compat=spymemcached against the real {@code net.spy.memcached.ArrayModNodeLocator} 2.12.3. */
class SpymemcachedLocatorTest {

  private final ModuloSelector selector = new ModuloSelector();

  /** Our name for each of spymemcached's hashes. */
  private static String nameOf(DefaultHashAlgorithm algorithm) {
    switch (algorithm) {
      case NATIVE_HASH:
        return "native";
      case CRC_HASH:
        return "crc";
      case FNV1_64_HASH:
        return "fnv1_64";
      case FNV1A_64_HASH:
        return "fnv1a_64";
      case FNV1_32_HASH:
        return "fnv1_32";
      case FNV1A_32_HASH:
        return "fnv1a_32";
      case KETAMA_HASH:
        return "md5";
      default:
        throw new AssertionError("a hash spymemcached 2.12.3 does not have: " + algorithm);
    }
  }

  /** The real locator over stand-in nodes; the locator reads nothing from them. */
  private static final class RealLocator {
    final ArrayModNodeLocator locator;
    final Map<MemcachedNode, Server> serverOf = new IdentityHashMap<>();

    RealLocator(List<Server> servers, DefaultHashAlgorithm algorithm) {
      List<MemcachedNode> nodes = new ArrayList<>();
      for (Server server : servers) {
        InetSocketAddress address =
            InetSocketAddress.createUnresolved(server.host(), server.port());
        MemcachedNode node =
            (MemcachedNode)
                Proxy.newProxyInstance(
                    MemcachedNode.class.getClassLoader(),
                    new Class<?>[] {MemcachedNode.class},
                    (proxy, method, args) -> {
                      switch (method.getName()) {
                        case "getSocketAddress":
                          return address;
                        case "toString":
                          return "node " + server;
                        case "hashCode":
                          return System.identityHashCode(proxy);
                        case "equals":
                          return proxy == args[0];
                        default:
                          throw new UnsupportedOperationException(method.getName());
                      }
                    });
        nodes.add(node);
        serverOf.put(node, server);
      }
      locator = new ArrayModNodeLocator(nodes, algorithm);
    }

    Server primary(String key) {
      return serverOf.get(locator.getPrimary(key));
    }

    /** The primary, then {@code getSequence}: what a client tries in Redistribute mode. */
    List<Server> sequence(String key) {
      List<Server> sequence = new ArrayList<>();
      sequence.add(primary(key));
      locator.getSequence(key).forEachRemaining(node -> sequence.add(serverOf.get(node)));
      return sequence;
    }
  }

  @ParameterizedTest
  @EnumSource(DefaultHashAlgorithm.class)
  void everyHash_agreesWithArrayModNodeLocator_onPrimariesAndSequences(
      DefaultHashAlgorithm algorithm) {
    int checked = 0;
    for (int size : new int[] {1, 2, 3, 4, 5, 7, 10, 16, 31, 100}) {
      List<Server> servers = Topologies.servers(size);
      RealLocator real = new RealLocator(servers, algorithm);
      Ring ring =
          selector.ring(servers, Map.of("compat", "spymemcached", "hash", nameOf(algorithm)));
      for (String key : Topologies.keys(size <= 10 ? 2_000 : 500, size * 7L)) {
        assertThat(ring.primary(key))
            .as("%s, %d servers, key %s", algorithm, size, key)
            .isEqualTo(real.primary(key));
        List<Server> ours = new ArrayList<>();
        ring.failover(key).forEachRemaining(ours::add);
        assertThat(ours)
            .as("%s, %d servers, sequence of %s", algorithm, size, key)
            .isEqualTo(real.sequence(key));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(7 * 2_000 + 3 * 500);
  }

  @Test
  void arrayModNodeLocatorTest_vectors() {
    // spymemcached's ArrayModNodeLocatorTest: 4 nodes, NATIVE_HASH.
    Ring ring = selector.ring(Topologies.servers(4), Map.of("compat", "spymemcached"));
    List<Server> servers = ring.servers();
    assertThat(ring.primary("dustin")).isEqualTo(servers.get(3));
    assertThat(ring.primary("x")).isEqualTo(servers.get(0));
    assertThat(ring.primary("y")).isEqualTo(servers.get(1));
    assertThat(afterPrimary(ring, "dustin"))
        .containsExactly(servers.get(0), servers.get(1), servers.get(2));
    assertThat(afterPrimary(ring, "noelani"))
        .containsExactly(servers.get(1), servers.get(2), servers.get(3));
  }

  private static List<Server> afterPrimary(Ring ring, String key) {
    Iterator<Server> sequence = ring.failover(key);
    sequence.next();
    List<Server> rest = new ArrayList<>();
    sequence.forEachRemaining(rest::add);
    return rest;
  }
}
