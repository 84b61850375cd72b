package dev.hashring.spymemcached;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelector;
import dev.hashring.ServerSelectors;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import net.spy.memcached.ConnectionFactory;
import net.spy.memcached.ConnectionFactoryBuilder;
import net.spy.memcached.ConnectionObserver;
import net.spy.memcached.FailureMode;
import net.spy.memcached.MemcachedClient;
import net.spy.memcached.MemcachedConnection;
import net.spy.memcached.MemcachedNode;
import net.spy.memcached.NodeLocator;
import net.spy.memcached.OperationFactory;
import net.spy.memcached.auth.AuthDescriptor;
import net.spy.memcached.metrics.MetricCollector;
import net.spy.memcached.metrics.MetricType;
import net.spy.memcached.ops.Operation;
import net.spy.memcached.transcoders.Transcoder;

/**
 * A spymemcached {@link ConnectionFactory} whose clients place keys with any hashring {@link
 * ServerSelector}, fail over along the ring's failover sequence, and take servers added and removed
 * while they run.
 *
 * <pre>{@code
 * HashRingConnectionFactory factory =
 *     HashRingConnectionFactory.builder()
 *         .selector("ketama")
 *         .option("compat", "spymemcached")
 *         .servers(List.of(Server.parse("10.0.0.1:11211"), Server.parse("10.0.0.2:11211:2")))
 *         .connectionFactoryBuilder(new ConnectionFactoryBuilder().setOpTimeout(500))
 *         .build();
 * MemcachedClient client = new MemcachedClient(factory, factory.addresses());
 * }</pre>
 *
 * <p>The selector is found by name through {@link ServerSelectors#forName}, so the application puts
 * the jar of the selector it wants on its class path ({@code hashring-ketama}, {@code
 * hashring-modulo}, {@code hashring-jump}, ...). {@link Builder#properties} reads the same settings
 * from {@link Properties}, so that configuration, not code, picks the algorithm.
 *
 * <p><b>What comes from spymemcached.</b> Every setting of spymemcached's {@link
 * ConnectionFactoryBuilder} applies (timeouts, failure mode, protocol, transcoder, observers,
 * authentication, ...) except its locator type and hash algorithm, which the selector replaces:
 * this factory creates the connection and the {@link NodeLocator} and delegates every other method
 * to the factory the {@code ConnectionFactoryBuilder} builds.
 *
 * <p><b>Placement.</b> A key goes to the ring's primary for its UTF-8 bytes (spymemcached's key
 * bytes). Weights and names go from each {@link Server} to the ring, and the selector's compat
 * profile decides the node identity: with {@code selector=ketama, compat=spymemcached} every key
 * lands exactly where spymemcached's own {@code KetamaConnectionFactory} puts it; with {@code
 * compat=libmemcached-weighted} exactly where php-memcached with {@code OPT_LIBKETAMA_COMPATIBLE}
 * puts it.
 *
 * <p><b>Failover.</b> With {@link FailureMode#Redistribute} (spymemcached's default) an operation
 * whose primary is down goes to the next server of its key's failover sequence that is up; the
 * sequence lists every server once, so the search ends. When every server is down, the client
 * method that starts an operation throws {@link AllServersDownException} at once. Operations never
 * outlive spymemcached's operation timeout. {@code Retry} and {@code Cancel} keep spymemcached's
 * behaviour.
 *
 * <p><b>Servers changed at run time.</b> {@link #addServers}, {@link #removeServers} and {@link
 * #setServers} change the servers of every running client made from this factory, with no restart:
 * the new ring is built and checked first (a refused list changes nothing), then each client's I/O
 * thread opens connections to the new servers, publishes the new ring in one atomic write once they
 * are connected (or have failed to), and shuts the removed servers' connections down once the
 * operations they have in flight are done. Operations on other servers go on undisturbed, and keys
 * move only as the selector's traits say: with {@code MINIMAL_DISRUPTION} (ketama) adding or
 * removing a server moves only keys to or from it; jump moves only keys to a server added at the
 * end of the list; modulo moves almost every key.
 *
 * <p>A factory is thread-safe. It may serve several clients; they then share its servers.
 */
public final class HashRingConnectionFactory implements ConnectionFactory {

  /**
   * How long a change of servers waits for a client's I/O thread beyond the operation timeout
   * (which bounds the wait for new servers to connect).
   */
  private static final long CHANGE_TIMEOUT_SECONDS = 10;

  private final ServerSelector selector;
  private final ConnectionFactory spymemcached;
  private final List<HashRingConnection> connections = new CopyOnWriteArrayList<>();
  private volatile Servers current;

  /**
   * The servers, the options their ring was built with, the ring, and the address each server
   * connects to, in list order.
   */
  private static final class Servers {
    final Map<String, String> options;
    final Ring ring;
    final List<InetSocketAddress> addresses;

    Servers(Map<String, String> options, Ring ring, List<InetSocketAddress> addresses) {
      this.options = options;
      this.ring = ring;
      this.addresses = List.copyOf(addresses);
    }
  }

  private HashRingConnectionFactory(
      ServerSelector selector, Servers servers, ConnectionFactory spymemcached) {
    this.selector = selector;
    this.current = servers;
    this.spymemcached = spymemcached;
  }

  /**
   * A new builder.
   *
   * @return a builder with nothing set
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The addresses of the current servers, in list order: what to pass to {@code new
   * MemcachedClient(factory, factory.addresses())}. Host names were resolved when the servers were
   * set.
   *
   * @return an unmodifiable list
   */
  public List<InetSocketAddress> addresses() {
    return current.addresses;
  }

  /**
   * The current servers, in list order.
   *
   * @return an unmodifiable list, never empty
   */
  public List<Server> servers() {
    return current.ring.servers();
  }

  /**
   * The selector's options for the current servers. They are the options given to the builder until
   * the servers change; then they are what the selector's {@link ServerSelector#optionsAfter} makes
   * of them. For most selectors they never change; for a selector whose options record the list's
   * history (such as {@code anchor}'s {@code history}), this is the value every other client of the
   * cluster must be given.
   *
   * @return an unmodifiable map
   */
  public Map<String, String> options() {
    return current.options;
  }

  /**
   * Adds servers at the end of the list, in every running client of this factory. Returns once each
   * client sends new operations by the new ring (connections to the new servers may still be
   * opening; operations for them wait in their queues meanwhile, as when a client starts).
   *
   * @param servers the servers to add
   * @throws NullPointerException if {@code servers} or an element is {@code null}
   * @throws IllegalArgumentException if the selector refuses the longer list (a server listed
   *     twice, ...) or a host name does not resolve; nothing changes then
   * @throws IllegalStateException if a client's I/O thread fails to apply the change
   */
  public synchronized void addServers(List<Server> servers) {
    Objects.requireNonNull(servers, "servers");
    List<Server> next = new ArrayList<>(servers());
    next.addAll(servers);
    setServers(next);
  }

  /**
   * Removes servers, in every running client of this factory. A server is matched by host and port,
   * whatever its weight and name. Returns once each client sends new operations by the new ring;
   * the removed servers' connections close once their operations in flight are done, at the latest
   * after the operation timeout.
   *
   * @param servers the servers to remove
   * @throws NullPointerException if {@code servers} or an element is {@code null}
   * @throws IllegalArgumentException if a server is not one of the current servers, or none would
   *     be left; nothing changes then
   * @throws IllegalStateException if a client's I/O thread fails to apply the change
   */
  public synchronized void removeServers(List<Server> servers) {
    Objects.requireNonNull(servers, "servers");
    Map<String, Server> remaining = new LinkedHashMap<>();
    for (Server server : servers()) {
      remaining.put(server.address(), server);
    }
    for (Server server : servers) {
      Objects.requireNonNull(server, "servers contains null");
      if (remaining.remove(server.address()) == null) {
        throw new IllegalArgumentException(
            "server "
                + server.address()
                + " is not one of the servers ("
                + describe(servers())
                + "); nothing was removed");
      }
    }
    if (remaining.isEmpty()) {
      throw new IllegalArgumentException(
          "removing "
              + describe(servers)
              + " would leave no server, and a client needs one; nothing was removed");
    }
    setServers(new ArrayList<>(remaining.values()));
  }

  /**
   * Replaces the list of servers, in every running client of this factory. A server whose host and
   * port stay keeps its connection, even with another weight or name; the others are connected or
   * closed as {@link #addServers} and {@link #removeServers} do. The order matters to selectors
   * such as modulo and jump. The new ring is built with the options the selector's {@link
   * ServerSelector#optionsAfter} gives for the change (see {@link #options()}).
   *
   * @param servers the new list
   * @throws NullPointerException if {@code servers} or an element is {@code null}
   * @throws IllegalArgumentException if the selector refuses the list (empty, a server listed
   *     twice, ...) or a host name does not resolve; nothing changes then
   * @throws IllegalStateException if a client's I/O thread fails to apply the change
   */
  public synchronized void setServers(List<Server> servers) {
    Objects.requireNonNull(servers, "servers");
    Servers before = current;
    Map<String, String> options =
        Map.copyOf(selector.optionsAfter(before.ring.servers(), servers, before.options));
    Ring ring = selector.ring(servers, options);
    Servers next = new Servers(options, ring, resolve(ring.servers(), before));
    current = next;
    connections.removeIf(MemcachedConnection::isShutDown);
    long timeoutNanos = TimeUnit.MILLISECONDS.toNanos(getOperationTimeout());
    List<CompletableFuture<Void>> changes = new ArrayList<>();
    for (HashRingConnection connection : connections) {
      changes.add(
          connection.changeServers(
              new ServerChange(ring, next.addresses, timeoutNanos, timeoutNanos)));
    }
    long waitNanos = timeoutNanos + TimeUnit.SECONDS.toNanos(CHANGE_TIMEOUT_SECONDS);
    for (CompletableFuture<Void> change : changes) {
      awaitChange(change, waitNanos);
    }
  }

  private static void awaitChange(CompletableFuture<Void> change, long waitNanos) {
    try {
      change.get(waitNanos, TimeUnit.NANOSECONDS);
    } catch (CancellationException clientShutDown) {
      // A client shut down meanwhile has no servers to change.
    } catch (ExecutionException failed) {
      throw new IllegalStateException(
          "a client could not apply the new servers: " + failed.getCause(), failed.getCause());
    } catch (TimeoutException stuck) {
      change.cancel(false);
      throw new IllegalStateException(
          "a client's I/O thread did not apply the new servers within "
              + TimeUnit.NANOSECONDS.toMillis(waitNanos)
              + " ms; is it running?");
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while a client applied the new servers");
    }
  }

  /**
   * The address of each server, resolving host names; a server already in {@code known} keeps its
   * address object, which is how the connection recognises its nodes.
   */
  private static List<InetSocketAddress> resolve(List<Server> servers, Servers known) {
    Map<String, InetSocketAddress> before = new HashMap<>();
    if (known != null) {
      List<Server> knownServers = known.ring.servers();
      for (int i = 0; i < knownServers.size(); i++) {
        before.put(knownServers.get(i).address(), known.addresses.get(i));
      }
    }
    List<InetSocketAddress> addresses = new ArrayList<>(servers.size());
    Map<InetSocketAddress, Server> seen = new HashMap<>();
    for (Server server : servers) {
      InetSocketAddress address = before.get(server.address());
      if (address == null) {
        address = new InetSocketAddress(server.host(), server.port());
        if (address.isUnresolved()) {
          throw new IllegalArgumentException(
              "host '" + server.host() + "' of server " + server + " does not resolve");
        }
      }
      Server same = seen.putIfAbsent(address, server);
      if (same != null) {
        throw new IllegalArgumentException(
            "servers "
                + same
                + " and "
                + server
                + " are one memcached server, "
                + address.getAddress().getHostAddress()
                + " port "
                + address.getPort()
                + "; list each server once");
      }
      addresses.add(address);
    }
    return addresses;
  }

  private static String describe(List<Server> servers) {
    return servers.stream().map(Server::toString).collect(Collectors.joining(", "));
  }

  /**
   * Creates the connection of a {@link MemcachedClient}: spymemcached's, with this factory's
   * locator, failover and run-time server changes.
   *
   * @param addrs {@link #addresses()}, in any order
   * @throws IllegalArgumentException if {@code addrs} are not this factory's servers; no connection
   *     is opened then
   */
  @Override
  public synchronized MemcachedConnection createConnection(List<InetSocketAddress> addrs)
      throws IOException {
    Objects.requireNonNull(addrs, "addrs");
    Servers servers = current;
    if (addrs.size() != servers.addresses.size()
        || !new HashSet<>(addrs).equals(new HashSet<>(servers.addresses))) {
      throw new IllegalArgumentException(
          "the client was given "
              + addrs
              + ", not the servers of this factory ("
              + describe(servers.ring.servers())
              + "); create it with new MemcachedClient(factory, factory.addresses())");
    }
    HashRingConnection connection = new HashRingConnection(this, servers.addresses);
    connections.removeIf(MemcachedConnection::isShutDown);
    connections.add(connection);
    return connection;
  }

  /**
   * The locator of the current servers' ring, for the nodes of those servers.
   *
   * @param nodes one node for each current server, in any order, matched by socket address
   * @throws IllegalArgumentException if the nodes are not those of the current servers
   */
  @Override
  public NodeLocator createLocator(List<MemcachedNode> nodes) {
    Servers servers = current;
    List<MemcachedNode> ordered = new ArrayList<>(servers.addresses.size());
    for (int i = 0; i < servers.addresses.size(); i++) {
      ordered.add(nodeAt(servers.addresses.get(i), servers.ring.servers().get(i), nodes));
    }
    if (nodes.size() != ordered.size()) {
      throw new IllegalArgumentException(
          nodes.size()
              + " nodes for "
              + ordered.size()
              + " servers: "
              + nodes
              + " are not the nodes of "
              + describe(servers.ring.servers()));
    }
    RingNodeLocator locator = new RingNodeLocator(Topology.of(servers.ring, ordered), this::ring);
    locator.awaitFirstConnect(
        ordered, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(getOperationTimeout()));
    return locator;
  }

  private static MemcachedNode nodeAt(
      InetSocketAddress address, Server server, List<MemcachedNode> nodes) {
    for (MemcachedNode node : nodes) {
      if (node.getSocketAddress() == address) {
        return node;
      }
    }
    for (MemcachedNode node : nodes) {
      if (address.equals(node.getSocketAddress())) {
        return node;
      }
    }
    throw new IllegalArgumentException("no node for server " + server + " among " + nodes);
  }

  private Ring ring(List<Server> servers) {
    Servers before = current;
    return selector.ring(
        servers, selector.optionsAfter(before.ring.servers(), servers, before.options));
  }

  @Override
  public String toString() {
    return "HashRingConnectionFactory[selector="
        + selector.name()
        + ", options="
        + options()
        + ", servers="
        + servers()
        + "]";
  }

  // Everything else is spymemcached's, from the ConnectionFactoryBuilder.

  @Override
  public MemcachedNode createMemcachedNode(
      java.net.SocketAddress sa, java.nio.channels.SocketChannel c, int bufSize) {
    return spymemcached.createMemcachedNode(sa, c, bufSize);
  }

  @Override
  public BlockingQueue<Operation> createOperationQueue() {
    return spymemcached.createOperationQueue();
  }

  @Override
  public BlockingQueue<Operation> createReadOperationQueue() {
    return spymemcached.createReadOperationQueue();
  }

  @Override
  public BlockingQueue<Operation> createWriteOperationQueue() {
    return spymemcached.createWriteOperationQueue();
  }

  @Override
  public long getOpQueueMaxBlockTime() {
    return spymemcached.getOpQueueMaxBlockTime();
  }

  @Override
  public ExecutorService getListenerExecutorService() {
    return spymemcached.getListenerExecutorService();
  }

  @Override
  public boolean isDefaultExecutorService() {
    return spymemcached.isDefaultExecutorService();
  }

  @Override
  public OperationFactory getOperationFactory() {
    return spymemcached.getOperationFactory();
  }

  @Override
  public long getOperationTimeout() {
    return spymemcached.getOperationTimeout();
  }

  @Override
  public boolean isDaemon() {
    return spymemcached.isDaemon();
  }

  @Override
  public boolean useNagleAlgorithm() {
    return spymemcached.useNagleAlgorithm();
  }

  @Override
  public Collection<ConnectionObserver> getInitialObservers() {
    return spymemcached.getInitialObservers();
  }

  @Override
  public FailureMode getFailureMode() {
    return spymemcached.getFailureMode();
  }

  @Override
  public Transcoder<Object> getDefaultTranscoder() {
    return spymemcached.getDefaultTranscoder();
  }

  @Override
  public boolean shouldOptimize() {
    return spymemcached.shouldOptimize();
  }

  @Override
  public int getReadBufSize() {
    return spymemcached.getReadBufSize();
  }

  /**
   * spymemcached's hash algorithm setting, which only spymemcached's own locators use; keys are
   * hashed by the selector's {@code hash} option.
   */
  @Override
  public net.spy.memcached.HashAlgorithm getHashAlg() {
    return spymemcached.getHashAlg();
  }

  @Override
  public long getMaxReconnectDelay() {
    return spymemcached.getMaxReconnectDelay();
  }

  @Override
  public AuthDescriptor getAuthDescriptor() {
    return spymemcached.getAuthDescriptor();
  }

  @Override
  public int getTimeoutExceptionThreshold() {
    return spymemcached.getTimeoutExceptionThreshold();
  }

  @Override
  public MetricType enableMetrics() {
    return spymemcached.enableMetrics();
  }

  @Override
  public MetricCollector getMetricCollector() {
    return spymemcached.getMetricCollector();
  }

  @Override
  public long getAuthWaitTime() {
    return spymemcached.getAuthWaitTime();
  }

  /**
   * Collects the settings of a {@link HashRingConnectionFactory}. Each setting may be given once;
   * giving it again is an error rather than a silent replacement. Not thread-safe.
   */
  public static final class Builder {

    private String selector;
    private final Map<String, String> options = new LinkedHashMap<>();
    private List<Server> servers;
    private ConnectionFactoryBuilder spymemcached;

    private Builder() {}

    /**
     * The selector, by registry name.
     *
     * @param name for example {@code "ketama"}, {@code "jump"} or {@code "modulo"}
     * @return this builder
     * @throws NullPointerException if {@code name} is {@code null}
     * @throws IllegalStateException if the selector was already set
     */
    public Builder selector(String name) {
      Objects.requireNonNull(name, "name");
      if (selector != null) {
        throw new IllegalStateException("selector was already set to '" + selector + "'");
      }
      selector = name;
      return this;
    }

    /**
     * An option of the selector, such as {@code compat} or {@code hash}; the selector checks it in
     * {@link #build()}.
     *
     * @param key the option
     * @param value its value
     * @return this builder
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalStateException if the option was already set
     */
    public Builder option(String key, String value) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, () -> "value of option '" + key + "'");
      String before = options.putIfAbsent(key, value);
      if (before != null) {
        throw new IllegalStateException("option '" + key + "' was already set to '" + before + "'");
      }
      return this;
    }

    /**
     * The servers, in the order that matters to the selector.
     *
     * @param servers the servers; the builder keeps a copy
     * @return this builder
     * @throws NullPointerException if {@code servers} or an element is {@code null}
     * @throws IllegalStateException if the servers were already set
     */
    public Builder servers(List<Server> servers) {
      Objects.requireNonNull(servers, "servers");
      if (this.servers != null) {
        throw new IllegalStateException("servers were already set to " + this.servers);
      }
      for (int i = 0; i < servers.size(); i++) {
        Objects.requireNonNull(servers.get(i), "servers[" + i + "] is null");
      }
      this.servers = List.copyOf(servers);
      return this;
    }

    /**
     * spymemcached's settings: timeouts, failure mode, protocol, transcoder, observers,
     * authentication and the rest. Its locator type and hash algorithm play no part; the selector
     * places keys. Without this, spymemcached's defaults apply ({@code new
     * ConnectionFactoryBuilder()}).
     *
     * @param settings the builder whose {@code build()} makes the factory this one delegates to
     * @return this builder
     * @throws NullPointerException if {@code settings} is {@code null}
     * @throws IllegalStateException if the settings were already given
     */
    public Builder connectionFactoryBuilder(ConnectionFactoryBuilder settings) {
      Objects.requireNonNull(settings, "settings");
      if (spymemcached != null) {
        throw new IllegalStateException("the ConnectionFactoryBuilder was already given");
      }
      spymemcached = settings;
      return this;
    }

    /**
     * Reads the selector, its options and the servers from properties, so that configuration picks
     * the algorithm:
     *
     * <table>
     *   <caption>Properties read</caption>
     *   <tr><th>key</th><th>value</th><th>example</th></tr>
     *   <tr><td>{@code hashring.selector}</td><td>the selector's name</td>
     *       <td>{@code ketama}</td></tr>
     *   <tr><td>{@code hashring.option.<key>}</td><td>the selector's option {@code <key>}</td>
     *       <td>{@code hashring.option.compat=libmemcached-weighted}</td></tr>
     *   <tr><td>{@code hashring.servers}</td><td>server specs ({@link Server#parse}) separated by
     *       commas</td><td>{@code 10.0.0.1:11211:2, 10.0.0.2:11211}</td></tr>
     * </table>
     *
     * <p>Keys that do not start with {@code hashring.} are left alone; any other key that does is
     * an error, so that a misspelt setting is not silently ignored. Defaults of {@code properties}
     * count. What the properties set counts as set: setting it again, here or in code, is an error.
     *
     * @param properties the properties
     * @return this builder
     * @throws NullPointerException if {@code properties} is {@code null}
     * @throws IllegalArgumentException if a {@code hashring.} key is unknown, or a value is not a
     *     string or not valid
     * @throws IllegalStateException if a setting read was already set
     */
    public Builder properties(Properties properties) {
      HashRingProperties.applyTo(this, Objects.requireNonNull(properties, "properties"));
      return this;
    }

    /**
     * Finds the selector, builds and checks the ring of the servers, and resolves their host names.
     * No connection is opened; {@code new MemcachedClient(factory, factory.addresses())} opens
     * them.
     *
     * @return the factory
     * @throws IllegalStateException if the selector or the servers were not set
     * @throws IllegalArgumentException if no selector has that name, the selector refuses an option
     *     or the server list (empty, a server listed twice, ...), or a host name does not resolve;
     *     the message is the registry's or the selector's, which lists what is accepted
     */
    public HashRingConnectionFactory build() {
      if (selector == null) {
        throw new IllegalStateException(
            "no selector: call selector(name) or set the property hashring.selector; available: "
                + String.join(", ", ServerSelectors.registry().names()));
      }
      ServerSelector found = ServerSelectors.forName(selector);
      if (servers == null) {
        throw new IllegalStateException(
            "no servers: call servers(list) or set the property hashring.servers");
      }
      Map<String, String> frozen = Collections.unmodifiableMap(new LinkedHashMap<>(options));
      Ring ring = found.ring(servers, frozen);
      Servers resolved = new Servers(frozen, ring, resolve(ring.servers(), null));
      ConnectionFactoryBuilder settings =
          spymemcached != null ? spymemcached : new ConnectionFactoryBuilder();
      return new HashRingConnectionFactory(found, resolved, settings.build());
    }
  }
}
