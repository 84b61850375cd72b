package dev.hashring.spymemcached;

import dev.hashring.Ring;
import dev.hashring.Server;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Predicate;
import net.spy.memcached.MemcachedNode;
import net.spy.memcached.MemcachedNodeROImpl;

/**
 * One ring and the spymemcached node of each of its servers: what a {@link RingNodeLocator} answers
 * from until the next change of servers. Immutable; a change builds a new one.
 *
 * <p>While new servers connect, before the ring that includes them is published, their nodes are
 * <em>joining</em>: listed by {@link #all()} (spymemcached completes a connection only for a node
 * its locator lists) but given no keys.
 */
final class Topology {

  private final Ring ring;
  private final List<MemcachedNode> nodes;
  private final List<MemcachedNode> all;
  private final Map<Server, MemcachedNode> nodeOfServer;
  private final Map<Server, MemcachedNode> nodeOfEqualServer;
  private final Map<MemcachedNode, Server> serverOfNode;

  private Topology(Ring ring, List<MemcachedNode> nodes, List<MemcachedNode> joining) {
    List<Server> servers = ring.servers();
    if (servers.size() != nodes.size()) {
      throw new IllegalArgumentException(
          servers.size() + " servers but " + nodes.size() + " nodes: " + servers + ", " + nodes);
    }
    this.ring = ring;
    this.nodes = Collections.unmodifiableList(new ArrayList<>(nodes));
    List<MemcachedNode> all = new ArrayList<>(nodes);
    all.addAll(joining);
    this.all = Collections.unmodifiableList(all);
    // Rings answer with the Server objects they were given: an identity map finds the node
    // without computing Server.hashCode, which would allocate on every lookup.
    this.nodeOfServer = new IdentityHashMap<>();
    this.nodeOfEqualServer = new HashMap<>();
    this.serverOfNode = new IdentityHashMap<>();
    for (int i = 0; i < servers.size(); i++) {
      nodeOfServer.put(servers.get(i), nodes.get(i));
      nodeOfEqualServer.put(servers.get(i), nodes.get(i));
      serverOfNode.put(nodes.get(i), servers.get(i));
    }
  }

  /**
   * The topology of {@code ring} whose server {@code i} is served by {@code nodes.get(i)}.
   *
   * @throws IllegalArgumentException if the list lengths differ
   */
  static Topology of(Ring ring, List<MemcachedNode> nodes) {
    return new Topology(ring, nodes, List.of());
  }

  /** This topology with {@code joining} nodes listed but given no keys. */
  Topology joining(List<MemcachedNode> joining) {
    return new Topology(ring, nodes, joining);
  }

  /** The same topology with each node wrapped read-only, for {@code getReadonlyCopy}. */
  Topology readOnly() {
    List<MemcachedNode> copies = new ArrayList<>(nodes.size());
    for (MemcachedNode node : nodes) {
      copies.add(new MemcachedNodeROImpl(node));
    }
    return new Topology(ring, copies, List.of());
  }

  Ring ring() {
    return ring;
  }

  List<Server> servers() {
    return ring.servers();
  }

  /** The node of each server, in the order of {@link #servers()}; unmodifiable. */
  List<MemcachedNode> nodes() {
    return nodes;
  }

  /** {@link #nodes()}, then the joining nodes; unmodifiable. */
  List<MemcachedNode> all() {
    return all;
  }

  /** The node of the ring's primary server for {@code key}. */
  MemcachedNode primary(String key) {
    return node(ring.primary(key));
  }

  /** The nodes of {@code key}'s failover sequence after the primary: finite, without repeats. */
  Iterator<MemcachedNode> rest(String key) {
    Iterator<Server> sequence = ring.failover(key);
    if (sequence.hasNext()) {
      sequence.next();
    }
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return sequence.hasNext();
      }

      @Override
      public MemcachedNode next() {
        if (!sequence.hasNext()) {
          throw new NoSuchElementException();
        }
        return node(sequence.next());
      }
    };
  }

  /**
   * The node of the first server of {@code key}'s failover sequence that {@code usable} accepts.
   */
  Optional<MemcachedNode> firstUsable(String key, Predicate<MemcachedNode> usable) {
    return ring.firstAvailable(key, server -> usable.test(node(server))).map(this::node);
  }

  /** Whether {@code node} (the object itself) serves one of this topology's servers. */
  boolean contains(MemcachedNode node) {
    return serverOfNode.containsKey(node);
  }

  /** The server {@code node} serves, or {@code null} when it serves none of this topology's. */
  Server serverOf(MemcachedNode node) {
    return serverOfNode.get(node);
  }

  /** The server of this topology at {@code address} (compared with equals), or {@code null}. */
  Server serverAt(SocketAddress address) {
    for (Map.Entry<MemcachedNode, Server> entry : serverOfNode.entrySet()) {
      if (entry.getKey().getSocketAddress().equals(address)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** The node of {@code server}, which the ring answered. */
  MemcachedNode node(Server server) {
    MemcachedNode node = nodeOfServer.get(server);
    if (node == null) {
      node = nodeOfEqualServer.get(server);
      if (node == null) {
        throw new IllegalStateException(
            "the ring answered server "
                + server
                + ", which is not one of its servers "
                + servers());
      }
    }
    return node;
  }

  @Override
  public String toString() {
    return "Topology" + servers();
  }
}
