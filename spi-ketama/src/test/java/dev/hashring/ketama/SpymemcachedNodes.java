package dev.hashring.ketama;

import dev.hashring.Server;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.spy.memcached.DefaultHashAlgorithm;
import net.spy.memcached.KetamaNodeKeyFormatter;
import net.spy.memcached.KetamaNodeLocator;
import net.spy.memcached.MemcachedNode;

/**
 * The real spymemcached 2.12.3 {@code KetamaNodeLocator} over stand-in nodes that answer {@code
 * getSocketAddress()} with {@code new InetSocketAddress(host, port)}, as spymemcached's {@code
 * AddrUtil.getAddresses} creates them.
 */
final class SpymemcachedNodes {

  static {
    // KetamaNodeLocator asserts one point per repetition, which any collision or weight breaks
    // (spec §2.3); spymemcached runs without -ea in production, so its assertions are off here.
    SpymemcachedNodes.class.getClassLoader().setPackageAssertionStatus("net.spy.memcached", false);
  }

  private SpymemcachedNodes() {}

  /** spymemcached's hash algorithm for a {@code ClientHashes.SPYMEMCACHED} name. */
  static DefaultHashAlgorithm algorithm(String name) {
    return switch (name) {
      case "native" -> DefaultHashAlgorithm.NATIVE_HASH;
      case "crc" -> DefaultHashAlgorithm.CRC_HASH;
      case "fnv1_64" -> DefaultHashAlgorithm.FNV1_64_HASH;
      case "fnv1a_64" -> DefaultHashAlgorithm.FNV1A_64_HASH;
      case "fnv1_32" -> DefaultHashAlgorithm.FNV1_32_HASH;
      case "fnv1a_32" -> DefaultHashAlgorithm.FNV1A_32_HASH;
      case "md5" -> DefaultHashAlgorithm.KETAMA_HASH;
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** A node whose socket address is {@code address}; equal only to itself. */
  static MemcachedNode node(InetSocketAddress address) {
    return (MemcachedNode)
        Proxy.newProxyInstance(
            MemcachedNode.class.getClassLoader(),
            new Class<?>[] {MemcachedNode.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getSocketAddress" -> address;
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  case "toString" -> "node " + address;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  /**
   * The locator for {@code servers}: weights are passed (the weighted branch) only when one is
   * above 1, as the profile expects.
   */
  static Locator locator(List<Server> servers, String hash, KetamaNodeKeyFormatter.Format format) {
    List<MemcachedNode> nodes = new ArrayList<>();
    Map<InetSocketAddress, Integer> weights = new HashMap<>();
    Map<MemcachedNode, Server> byNode = new HashMap<>();
    boolean weighted = servers.stream().anyMatch(server -> server.weight() != 1);
    for (Server server : servers) {
      InetSocketAddress address = new InetSocketAddress(server.host(), server.port());
      MemcachedNode node = node(address);
      nodes.add(node);
      byNode.put(node, server);
      if (weighted) {
        weights.put(address, server.weight());
      }
    }
    return new Locator(new KetamaNodeLocator(nodes, algorithm(hash), format, weights), byNode);
  }

  /** A real locator and the server behind each of its nodes. */
  record Locator(KetamaNodeLocator locator, Map<MemcachedNode, Server> servers) {
    Server primary(String key) {
      return servers.get(locator.getPrimary(key));
    }
  }
}
