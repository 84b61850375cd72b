package dev.hashring.spymemcached;

import dev.hashring.Ring;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.spy.memcached.MemcachedNode;

/**
 * A new list of servers for one {@link HashRingConnection}, applied by its I/O thread in two steps:
 * connect to the new servers, then, once they are connected (or have failed, or {@code joinNanos}
 * have passed), switch to the new ring and let the removed servers drain.
 */
final class ServerChange {

  /** The ring of the new list. */
  final Ring ring;

  /** The address of each server of {@link #ring}, in its order. */
  final List<InetSocketAddress> addresses;

  /** How long new servers have to connect; one that takes longer counts as failed until it does. */
  final long joinNanos;

  /** How long a removed server may keep operations in flight before it is shut down. */
  final long drainNanos;

  /** Completes when operations follow the new ring; fails or is cancelled if that never happens. */
  final CompletableFuture<Void> done = new CompletableFuture<>();

  // Set by the I/O thread when it connects to the new servers.

  /** The node of each server of {@link #ring}: kept nodes and the {@link #joining} ones. */
  List<MemcachedNode> nodes;

  /** The nodes of servers that are new, connecting. */
  List<MemcachedNode> joining;

  ServerChange(Ring ring, List<InetSocketAddress> addresses, long joinNanos, long drainNanos) {
    this.ring = ring;
    this.addresses = List.copyOf(addresses);
    this.joinNanos = joinNanos;
    this.drainNanos = drainNanos;
  }
}
