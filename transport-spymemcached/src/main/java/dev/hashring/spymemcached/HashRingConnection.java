package dev.hashring.spymemcached;

import dev.hashring.Server;
import dev.hashring.spymemcached.RingNodeLocator.DrainingNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import net.spy.memcached.FailureMode;
import net.spy.memcached.MemcachedConnection;
import net.spy.memcached.MemcachedNode;
import net.spy.memcached.ops.KeyedOperation;
import net.spy.memcached.ops.Operation;

/**
 * spymemcached's {@link MemcachedConnection} with hashring's failover and with servers added and
 * removed while it runs.
 *
 * <p><b>Failover</b> (with {@link FailureMode#Redistribute}). An operation goes to the first server
 * of its key's failover sequence that is usable: connected, or connecting for the first time. A
 * server that lost its connection is skipped until it is back. When no server of the sequence is
 * usable, an operation started by the application fails at once with {@link
 * AllServersDownException}, and one the I/O thread was moving off a failed server is cancelled;
 * spymemcached would instead queue it on the dead primary until it times out. Operations that a
 * failed server had not sent yet (its input and write queues) move to the next usable server of
 * their sequence; those it had sent and not answered are cancelled, as spymemcached does. {@code
 * Retry} and {@code Cancel} behave exactly as in spymemcached.
 *
 * <p><b>Changing servers.</b> {@link #changeServers} queues the change for the connection's I/O
 * thread, which owns every node and socket, and wakes it. The I/O thread applies it in two steps.
 * First it opens connections to the servers that are new (a server whose host and port stay keeps
 * its node, even with a new weight); their nodes are listed by {@code getAll} but get no keys yet.
 * Once each new server is connected, or has failed to connect (or not connected within the
 * operation timeout, which counts as failing until it connects), it publishes the new ring and
 * nodes in one {@code volatile} write, so that an operation never waits for a connection to open,
 * and every path of spymemcached (single keys, {@code getBulk}) sees the same ring. Removed nodes
 * get no new operations; each is shut down (its socket closed, anything left in its input queue
 * redistributed) once it has no operation in flight, or when the operation timeout has passed, or
 * at once when it is not connected.
 */
final class HashRingConnection extends MemcachedConnection {

  HashRingConnection(HashRingConnectionFactory factory, List<InetSocketAddress> addresses)
      throws IOException {
    super(
        factory.getReadBufSize(),
        factory,
        addresses,
        factory.getInitialObservers(),
        factory.getFailureMode(),
        factory.getOperationFactory());
  }

  /** The locator, which also holds this connection's state (see {@link RingNodeLocator}). */
  private RingNodeLocator live() {
    return (RingNodeLocator) locator;
  }

  @Override
  protected void addOperation(String key, Operation o) {
    if (failureMode != FailureMode.Redistribute) {
      super.addOperation(key, o);
      return;
    }
    RingNodeLocator live = live();
    Topology topology = live.topology();
    MemcachedNode primary = topology.primary(key);
    if (live.usable(primary)) {
      super.addOperation(primary, o);
      return;
    }
    Optional<MemcachedNode> next = topology.firstUsable(key, live::usable);
    if (next.isPresent()) {
      super.addOperation(next.get(), o);
    } else {
      noServerUsable(List.of(key), o, topology);
    }
  }

  /**
   * Places an operation on a given node. spymemcached calls this to put an unsent operation of a
   * failed node back on that same node, and {@code getBulk} calls it with the nodes it chose. With
   * {@code Redistribute}, an operation for a node that is down or removed goes where its keys go
   * now, one key at a time; one without keys (a broadcast such as {@code flush}, meant for that
   * node alone) is cancelled.
   */
  @Override
  protected void addOperation(MemcachedNode node, Operation o) {
    if (failureMode == FailureMode.Redistribute) {
      RingNodeLocator live = live();
      Topology topology = live.topology();
      if (!live.usable(node) || !topology.contains(node)) {
        if (o instanceof KeyedOperation) {
          redistributeByKey((KeyedOperation) o, topology);
        } else {
          o.cancel();
        }
        return;
      }
    }
    super.addOperation(node, o);
  }

  private void redistributeByKey(KeyedOperation o, Topology topology) {
    Collection<String> keys = o.getKeys();
    if (keys.size() == 1) {
      addOperation(keys.iterator().next(), o);
    } else if (noneUsable(topology)) {
      noServerUsable(keys, o, topology);
    } else {
      // Without a handling node, spymemcached splits the operation into one per key, each placed
      // by addOperation(key, ...), instead of putting it back on its node.
      o.setHandlingNode(null);
      redistributeOperation(o);
    }
  }

  private boolean noneUsable(Topology topology) {
    RingNodeLocator live = live();
    for (MemcachedNode node : topology.nodes()) {
      if (live.usable(node)) {
        return false;
      }
    }
    return true;
  }

  private void noServerUsable(Collection<String> keys, Operation o, Topology topology) {
    AllServersDownException down = new AllServersDownException(keys, topology.servers());
    if (Thread.currentThread() == this) {
      // Moving operations of a failed node: nobody to throw to, so fail the operation now.
      getLogger().warn("Cancelling %s: %s", o, down.getMessage());
      o.cancel();
    } else {
      throw down;
    }
  }

  /**
   * Moves an operation off a node, on the I/O thread. An operation that cannot be placed (a ring
   * refusing its key, say) is cancelled rather than left to end the I/O thread.
   */
  @Override
  public void redistributeOperation(Operation op) {
    try {
      super.redistributeOperation(op);
    } catch (RuntimeException e) {
      getLogger().warn("Cancelling %s, which could not be redistributed: %s", op, e);
      op.cancel();
    }
  }

  /**
   * spymemcached schedules the reconnect, puts the node's unsent input queue back on the node, and
   * leaves its write queue waiting for the reconnect; with {@code Redistribute} this moves both to
   * the next usable server of each key.
   */
  @Override
  protected void queueReconnect(MemcachedNode node) {
    RingNodeLocator live = live(); // null while the superclass constructor connects
    if (live != null) {
      live.markFailed(node);
    }
    super.queueReconnect(node);
    if (live != null && failureMode == FailureMode.Redistribute && !shutDown) {
      List<Operation> unsent = new ArrayList<>();
      while (node.hasWriteOp()) {
        unsent.add(node.removeCurrentWriteOp());
      }
      redistributeOperations(unsent);
    }
  }

  @Override
  public void handleIO() throws IOException {
    RingNodeLocator live = live();
    live.expireFirstConnects();
    advanceChange(live);
    super.handleIO();
    advanceChange(live);
    shutDownDrainedNodes(live);
  }

  /**
   * Queues a new list of servers for the I/O thread.
   *
   * @param change the new ring, with the address of each of its servers
   * @return {@code change.done}, completed once operations follow the new ring, cancelled if the
   *     client shuts down first
   */
  CompletableFuture<Void> changeServers(ServerChange change) {
    RingNodeLocator live = live();
    live.submit(change);
    selector.wakeup();
    if (isShutDown()) {
      live.cancelChanges();
    }
    return change.done;
  }

  /** Takes the current change of servers one step further, on the I/O thread. */
  private void advanceChange(RingNodeLocator live) {
    ServerChange change = live.currentChange();
    try {
      if (change != null && change.nodes == null) {
        connectNewServers(change, live);
      }
      if (change != null && joined(change, live)) {
        switchRing(change, live);
        live.endChange();
        change.done.complete(null);
      }
    } catch (IOException | RuntimeException e) {
      live.endChange();
      change.done.completeExceptionally(e);
    }
  }

  /**
   * Opens connections to the servers that are new (by host and port) and lists their nodes as
   * joining, so that spymemcached completes their connections; keys still follow the old ring.
   */
  private void connectNewServers(ServerChange change, RingNodeLocator live) throws IOException {
    Topology old = live.topology();
    Map<String, MemcachedNode> kept = new HashMap<>();
    for (MemcachedNode node : old.nodes()) {
      kept.put(old.serverOf(node).address(), node);
    }
    List<Server> servers = change.ring.servers();
    List<InetSocketAddress> toOpen = new ArrayList<>();
    for (int i = 0; i < servers.size(); i++) {
      if (!kept.containsKey(servers.get(i).address())) {
        toOpen.add(change.addresses.get(i));
      }
    }
    List<MemcachedNode> opened = createConnections(toOpen);
    Iterator<MemcachedNode> next = opened.iterator();
    List<MemcachedNode> nodes = new ArrayList<>(servers.size());
    for (Server server : servers) {
      MemcachedNode node = kept.get(server.address());
      nodes.add(node != null ? node : next.next());
    }
    change.nodes = nodes;
    change.joining = opened;
    live.awaitFirstConnect(opened, System.nanoTime() + change.joinNanos);
    live.publish(old.joining(opened));
  }

  /**
   * Whether every new server has connected, or failed to (which includes not connecting within the
   * join time).
   */
  private static boolean joined(ServerChange change, RingNodeLocator live) {
    for (MemcachedNode node : change.joining) {
      if (!node.isActive() && live.usable(node)) {
        return false;
      }
    }
    return true;
  }

  /** Publishes the new ring and sets the nodes of removed servers aside to drain. */
  private static void switchRing(ServerChange change, RingNodeLocator live) {
    Topology old = live.topology();
    live.publish(Topology.of(change.ring, change.nodes));
    Set<MemcachedNode> staying = Collections.newSetFromMap(new IdentityHashMap<>());
    staying.addAll(change.nodes);
    long deadline = System.nanoTime() + change.drainNanos;
    for (MemcachedNode node : old.nodes()) {
      if (!staying.contains(node)) {
        live.draining().add(new DrainingNode(node, deadline));
      }
    }
  }

  private void shutDownDrainedNodes(RingNodeLocator live) {
    long now = System.nanoTime();
    for (Iterator<DrainingNode> i = live.draining().iterator(); i.hasNext(); ) {
      DrainingNode draining = i.next();
      MemcachedNode node = draining.node;
      boolean idle = !addedQueue.contains(node) && !node.hasReadOp() && !node.hasWriteOp();
      if (idle || !node.isActive() || now - draining.deadlineNanos >= 0) {
        i.remove();
        live.forget(node);
        nodesToShutdown.add(node);
      }
    }
  }

  /** Also closes removed nodes still draining, and cancels changes that have not run. */
  @Override
  public void shutdown() throws IOException {
    RingNodeLocator live = live();
    try {
      super.shutdown();
    } finally {
      live.cancelChanges();
      for (DrainingNode draining = live.draining().poll();
          draining != null;
          draining = live.draining().poll()) {
        if (draining.node.getChannel() != null) {
          draining.node.getChannel().close();
        }
      }
    }
  }
}
