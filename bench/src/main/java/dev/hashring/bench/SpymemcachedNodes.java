package dev.hashring.bench;

import dev.hashring.Server;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import net.spy.memcached.MemcachedNode;

/**
 * Stand-in spymemcached nodes for its locators: each answers {@code getSocketAddress()} with the
 * {@code InetSocketAddress} spymemcached's {@code AddrUtil} would create, and is equal only to
 * itself. Neither {@code KetamaNodeLocator.getPrimary} nor {@code ArrayModNodeLocator.getPrimary}
 * calls a node, so the proxy costs nothing in a lookup; ring construction reads each node's address
 * a few times.
 */
final class SpymemcachedNodes {

  static {
    // KetamaNodeLocator asserts one point per repetition, which a collision breaks; spymemcached
    // runs without -ea in production, and so do these benchmarks.
    SpymemcachedNodes.class.getClassLoader().setPackageAssertionStatus("net.spy.memcached", false);
  }

  private SpymemcachedNodes() {}

  /**
   * One node per server, in order.
   *
   * @param servers the servers
   * @return the nodes
   */
  static List<MemcachedNode> of(List<Server> servers) {
    List<MemcachedNode> nodes = new ArrayList<>(servers.size());
    for (Server server : servers) {
      nodes.add(node(new InetSocketAddress(server.host(), server.port())));
    }
    return nodes;
  }

  private static MemcachedNode node(InetSocketAddress address) {
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
}
