package dev.hashring.spymemcached;

import dev.hashring.Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.spy.memcached.ConnectionFactoryBuilder;
import net.spy.memcached.MemcachedClient;
import net.spy.memcached.MemcachedNode;

/** spymemcached clients for the integration tests: short timeouts, every wait bounded. */
final class Clients {

  /** spymemcached's operation timeout in these tests. */
  static final long OPERATION_TIMEOUT_MILLIS = 1_000;

  /** The longest a test waits for one operation's future. */
  static final long WAIT_SECONDS = 5;

  private Clients() {}

  /** spymemcached settings: 1 s operation timeout, reconnect within 1 s, daemon threads. */
  static ConnectionFactoryBuilder settings() {
    return new ConnectionFactoryBuilder()
        .setOpTimeout(OPERATION_TIMEOUT_MILLIS)
        .setMaxReconnectDelay(1)
        .setDaemon(true);
  }

  static MemcachedClient start(HashRingConnectionFactory factory) {
    try {
      return new MemcachedClient(factory, factory.addresses());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Shuts {@code client} down, waiting up to 2 s for queued operations (a broadcast stuck on a dead
   * server in {@code FailureMode.Cancel} or {@code Retry} would hold it that long).
   */
  static void stop(MemcachedClient client) {
    if (client != null) {
      client.shutdown(2, TimeUnit.SECONDS);
    }
  }

  /** Stores {@code value} under {@code key} with flags 0 and no expiry; true when stored. */
  static boolean set(MemcachedClient client, String key, String value) {
    try {
      return client.set(key, 0, value).get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("set " + key + ": " + e, e);
    }
  }

  /** The value of {@code key}, or {@code null} on a miss. */
  static Object get(MemcachedClient client, String key) {
    try {
      return client.asyncGet(key).get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("get " + key + ": " + e, e);
    }
  }

  /** Whether {@code client} is connected to {@code server}, as spymemcached sees it. */
  static boolean isConnected(MemcachedClient client, Server server) {
    return node(client, server).isActive();
  }

  static MemcachedNode node(MemcachedClient client, Server server) {
    for (MemcachedNode node : client.getNodeLocator().getAll()) {
      InetSocketAddress address = (InetSocketAddress) node.getSocketAddress();
      if (address.getPort() == server.port()) {
        return node;
      }
    }
    throw new AssertionError("the client has no node for " + server);
  }

  /**
   * Waits until {@code client} sees that {@code server} is down, sending it {@code key} (a key it
   * holds) meanwhile: spymemcached watches a connection for reads only while it waits for an
   * answer, so it notices a dead server when it next talks to it.
   */
  static void awaitDown(MemcachedClient client, Server server, String key) {
    Await.until(
        10,
        () -> {
          if (isConnected(client, server)) {
            try {
              client.asyncGet(key).get(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException | RuntimeException expected) {
              // The operation that finds the server dead is cancelled.
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return !isConnected(client, server);
        },
        () -> "the client to see " + server + " down");
  }

  /** Waits until {@code client} is connected to every server of {@code factory}. */
  static void awaitConnected(MemcachedClient client, HashRingConnectionFactory factory) {
    Await.until(
        10,
        () -> factory.servers().stream().allMatch(server -> isConnected(client, server)),
        () -> "connections to " + factory.servers() + ": " + client.getNodeLocator().getAll());
  }
}
