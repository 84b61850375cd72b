package dev.hashring.spymemcached;

import dev.hashring.Ring;
import dev.hashring.Server;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import net.spy.memcached.MemcachedNode;
import net.spy.memcached.NodeLocator;

/**
 * spymemcached's {@link NodeLocator} backed by a hashring {@link Ring}.
 *
 * <p>{@link #getPrimary} is the ring's primary; {@link #getSequence} is the rest of the ring's
 * failover sequence: every other server once, then the end (spymemcached's own {@code
 * KetamaNodeLocator} rehashes seven times and may repeat a node, or never reach a live one). The
 * ring and its nodes form one immutable {@link Topology}, held in a {@code volatile} field: a
 * change of servers builds a new topology and publishes it in one write, so a lookup sees the old
 * servers or the new ones, never a mix.
 *
 * <p>The locator of a {@link HashRingConnection} also keeps what that connection's I/O thread needs
 * from the first moment it runs: which nodes have lost their connection or not connected in time,
 * the server changes waiting for the I/O thread, and removed nodes waiting for their queues to
 * drain. (spymemcached's {@code MemcachedConnection} starts its thread in its constructor, before a
 * subclass can set a field; the locator is assigned before that start.)
 */
final class RingNodeLocator implements NodeLocator {

  private final Function<List<Server>, Ring> rings;
  private volatile Topology topology;

  private final Set<MemcachedNode> failed = ConcurrentHashMap.newKeySet();
  private final Map<MemcachedNode, Long> firstConnectDeadlines = new ConcurrentHashMap<>();
  private final Queue<ServerChange> changes = new ConcurrentLinkedQueue<>();
  private volatile ServerChange changing;
  private final Queue<DrainingNode> draining = new ConcurrentLinkedQueue<>();

  /**
   * A locator of {@code topology} that builds the rings of {@link #updateLocator} with {@code
   * rings}, or a read-only one when {@code rings} is {@code null}.
   */
  RingNodeLocator(Topology topology, Function<List<Server>, Ring> rings) {
    this.topology = Objects.requireNonNull(topology, "topology");
    this.rings = rings;
  }

  @Override
  public MemcachedNode getPrimary(String k) {
    return topology.primary(k);
  }

  @Override
  public Iterator<MemcachedNode> getSequence(String k) {
    return topology.rest(k);
  }

  /** Every node: those of the ring's servers, then those of new servers still connecting. */
  @Override
  public Collection<MemcachedNode> getAll() {
    return topology.all();
  }

  /**
   * A locator of the current servers whose nodes are read-only ({@code MemcachedNodeROImpl}); it
   * does not follow later changes, and its {@code updateLocator} is unsupported.
   */
  @Override
  public NodeLocator getReadonlyCopy() {
    return new RingNodeLocator(topology.readOnly(), null);
  }

  /**
   * Rebuilds the ring for {@code nodes}, in their order, and switches to it. A node at the address
   * of a current server keeps that server's weight and name; a node at another address is the
   * server {@code host:port} of weight 1 (spymemcached's nodes carry no weight).
   *
   * @throws UnsupportedOperationException on a read-only copy
   * @throws IllegalArgumentException if the selector refuses the new list (empty, duplicates, ...)
   */
  @Override
  public void updateLocator(List<MemcachedNode> nodes) {
    if (rings == null) {
      throw new UnsupportedOperationException("this is a read-only copy of a locator");
    }
    Topology current = topology;
    List<Server> servers = new ArrayList<>(nodes.size());
    for (MemcachedNode node : nodes) {
      Server server = current.serverOf(node);
      if (server == null) {
        server = current.serverAt(node.getSocketAddress());
      }
      servers.add(server != null ? server : serverAt(node.getSocketAddress()));
    }
    publish(Topology.of(rings.apply(servers), nodes));
  }

  private static Server serverAt(SocketAddress address) {
    if (!(address instanceof InetSocketAddress)) {
      throw new IllegalArgumentException("not an internet socket address: " + address);
    }
    InetSocketAddress inet = (InetSocketAddress) address;
    return Server.of(inet.getHostString(), inet.getPort());
  }

  /** The servers and nodes this locator answers from now. */
  Topology topology() {
    return topology;
  }

  /** Switches every later lookup to {@code next}. */
  void publish(Topology next) {
    topology = Objects.requireNonNull(next, "next");
  }

  /**
   * Whether an operation may be queued on {@code node}: it is connected, or it is connecting for
   * the first time and has neither failed nor taken longer than its deadline (spymemcached queues
   * operations on a node that is still connecting, as it does when a client starts).
   */
  boolean usable(MemcachedNode node) {
    // spymemcached counts 1 reconnect attempt before the first connect and 2 after a first
    // failure; a node that had connected and lost it counts 1 again, hence the marks.
    return node.isActive() || (node.getReconnectCount() < 2 && !failed.contains(node));
  }

  /** Records that {@code node} lost its connection or failed to connect. */
  void markFailed(MemcachedNode node) {
    failed.add(node);
  }

  /** Forgets a node that was shut down. */
  void forget(MemcachedNode node) {
    failed.remove(node);
    firstConnectDeadlines.remove(node);
  }

  /**
   * Gives new nodes until {@code deadlineNanos} ({@link System#nanoTime()}) to connect for the
   * first time; one that has not connected by then counts as failed until it connects
   * (spymemcached's connect has no timeout of its own).
   */
  void awaitFirstConnect(Collection<MemcachedNode> nodes, long deadlineNanos) {
    for (MemcachedNode node : nodes) {
      firstConnectDeadlines.put(node, deadlineNanos);
    }
  }

  /** Marks failed the new nodes past their deadline. I/O thread only. */
  void expireFirstConnects() {
    if (firstConnectDeadlines.isEmpty()) {
      return;
    }
    long now = System.nanoTime();
    for (Iterator<Map.Entry<MemcachedNode, Long>> i = firstConnectDeadlines.entrySet().iterator();
        i.hasNext(); ) {
      Map.Entry<MemcachedNode, Long> entry = i.next();
      if (entry.getKey().isActive()) {
        i.remove();
      } else if (now - entry.getValue() >= 0) {
        markFailed(entry.getKey());
        i.remove();
      }
    }
  }

  /** Queues a change of servers for the connection's I/O thread. */
  void submit(ServerChange change) {
    changes.add(change);
  }

  /**
   * The change the I/O thread is applying, or else the next one queued, now being applied; {@code
   * null} when there is none. I/O thread only.
   */
  ServerChange currentChange() {
    if (changing == null) {
      changing = changes.poll();
    }
    return changing;
  }

  /** Ends the current change. I/O thread only. */
  void endChange() {
    changing = null;
  }

  /** Cancels the changes not applied yet, when the connection shuts down. */
  void cancelChanges() {
    ServerChange current = changing;
    if (current != null) {
      current.done.cancel(false);
    }
    for (ServerChange change = changes.poll(); change != null; change = changes.poll()) {
      change.done.cancel(false);
    }
  }

  /** Removed nodes waiting for their queues to drain. */
  Queue<DrainingNode> draining() {
    return draining;
  }

  @Override
  public String toString() {
    return "RingNodeLocator" + topology.servers();
  }

  /** A node removed from the ring, to be shut down once idle or at {@code deadlineNanos}. */
  static final class DrainingNode {
    final MemcachedNode node;
    final long deadlineNanos;

    DrainingNode(MemcachedNode node, long deadlineNanos) {
      this.node = node;
      this.deadlineNanos = deadlineNanos;
    }
  }
}
