package dev.hashring.spymemcached;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelectors;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.spy.memcached.MemcachedClient;
import net.spy.memcached.MemcachedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Servers added, removed and reweighted while clients run, against real memcached processes: no
 * restart, operations on other servers unaffected, keys moving only as the ring says, removed
 * servers' connections closed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RuntimeChangesTest {

  private final List<MemcachedProcess> processes = new ArrayList<>();
  private final List<MemcachedClient> clients = new ArrayList<>();

  @AfterEach
  void stop() {
    clients.forEach(Clients::stop);
    processes.forEach(MemcachedProcess::close);
  }

  private List<Server> startServers(int count) {
    List<MemcachedProcess> started = MemcachedProcess.start(count);
    processes.addAll(started);
    return started.stream().map(MemcachedProcess::server).collect(Collectors.toList());
  }

  private HashRingConnectionFactory factory(List<Server> servers) {
    return HashRingConnectionFactory.builder()
        .selector("ketama")
        .servers(servers)
        .connectionFactoryBuilder(Clients.settings())
        .build();
  }

  private MemcachedClient client(HashRingConnectionFactory factory) {
    MemcachedClient client = Clients.start(factory);
    clients.add(client);
    Clients.awaitConnected(client, factory);
    return client;
  }

  private MemcachedProcess process(Server server) {
    return processes.stream()
        .filter(process -> process.port() == server.port())
        .findFirst()
        .orElseThrow();
  }

  private static List<String> keys(String prefix, int count) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      keys.add(prefix + i);
    }
    return keys;
  }

  private static List<Server> without(List<Server> servers, Server removed) {
    return servers.stream().filter(server -> !server.equals(removed)).collect(Collectors.toList());
  }

  @Test
  void removeServer_movesOnlyItsKeys_andClosesItsConnection() {
    List<Server> servers = startServers(4);
    HashRingConnectionFactory factory = factory(servers);
    MemcachedClient client = client(factory);
    Ring ring = ServerSelectors.forName("ketama").ring(servers);
    List<String> keys = keys("remove:", 300);
    for (String key : keys) {
      assertThat(Clients.set(client, key, "v " + key)).isTrue();
    }
    Server removed = servers.get(2);
    long connectionsBefore = process(removed).connections();

    factory.removeServers(List.of(Server.of(removed.host(), removed.port())));

    assertThat(factory.servers()).isEqualTo(without(servers, removed));
    assertThat(client.getNodeLocator().getAll())
        .extracting(node -> ((InetSocketAddress) node.getSocketAddress()).getPort())
        .doesNotContain(removed.port());
    int moved = 0;
    for (String key : keys) {
      Object value = Clients.get(client, key);
      if (ring.primary(key).equals(removed)) {
        moved++;
        assertThat(value).as("key %s of the removed server", key).isNull();
      } else {
        assertThat(value).as("key %s of a server that stayed", key).isEqualTo("v " + key);
      }
    }
    assertThat(moved).as("keys of the removed server").isPositive();
    Await.until(
        10,
        () -> process(removed).connections() == connectionsBefore - 1,
        () -> "the client's connection to the removed server to close");
  }

  @Test
  void statefulSelector_removingAMiddleServer_recordsItInTheOptions_andMovesOnlyItsKeys() {
    List<Server> servers = startServers(4);
    HashRingConnectionFactory factory =
        HashRingConnectionFactory.builder()
            .selector("anchor")
            .servers(servers)
            .connectionFactoryBuilder(Clients.settings())
            .build();
    MemcachedClient client = client(factory);
    Ring ring = ServerSelectors.forName("anchor").ring(servers);
    List<String> keys = keys("anchor:", 300);
    for (String key : keys) {
      assertThat(Clients.set(client, key, "v " + key)).isTrue();
    }
    Server removed = servers.get(1);

    factory.removeServers(List.of(removed));

    StringBuilder history = new StringBuilder();
    for (Server server : servers) {
      history.append(history.length() == 0 ? "+" : ",+").append(server);
    }
    history.append(",-").append(removed.address());
    assertThat(factory.options()).containsEntry("history", history.toString());
    for (String key : keys) {
      Object value = Clients.get(client, key);
      if (ring.primary(key).equals(removed)) {
        assertThat(value).as("key %s of the removed server", key).isNull();
      } else {
        assertThat(value).as("key %s of a server that stayed", key).isEqualTo("v " + key);
      }
    }
  }

  @Test
  void changesWhileOperationsRun_leaveOperationsOnOtherServersUndisturbed() throws Exception {
    List<Server> servers = startServers(6);
    List<Server> first = servers.subList(0, 4);
    HashRingConnectionFactory factory = factory(first);
    MemcachedClient client = client(factory);
    // The changes: add servers 4 and 5, remove server 3, double the weight of server 2.
    List<List<Server>> lists = new ArrayList<>();
    lists.add(first);
    lists.add(servers.subList(0, 6));
    lists.add(without(servers.subList(0, 6), servers.get(3)));
    List<Server> reweighted = new ArrayList<>(lists.get(2));
    reweighted.set(2, servers.get(2).withWeight(2));
    lists.add(reweighted);
    // Keys whose server is the same in every one of those lists: nothing should disturb them.
    List<Ring> rings =
        lists.stream().map(ServerSelectors.forName("ketama")::ring).collect(Collectors.toList());
    List<String> steady =
        keys("steady:", 2_000).stream()
            .filter(
                key ->
                    rings.stream()
                        .allMatch(
                            ring ->
                                ring.primary(key)
                                    .address()
                                    .equals(rings.get(0).primary(key).address())))
            .limit(200)
            .collect(Collectors.toList());
    assertThat(steady).hasSize(200);
    for (String key : steady) {
      assertThat(Clients.set(client, key, "steady")).isTrue();
    }

    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger operations = new AtomicInteger();
    List<String> failures = new CopyOnWriteArrayList<>();
    Thread load =
        new Thread(
            () -> {
              for (int i = 0; !stop.get(); i++) {
                String key = steady.get(i % steady.size());
                try {
                  Object value = client.asyncGet(key).get(Clients.WAIT_SECONDS, TimeUnit.SECONDS);
                  if (!"steady".equals(value)) {
                    failures.add(key + ": read " + value);
                  }
                  if (!client.set(key, 0, "steady").get(Clients.WAIT_SECONDS, TimeUnit.SECONDS)) {
                    failures.add(key + ": not stored");
                  }
                } catch (InterruptedException e) {
                  return;
                } catch (Exception e) {
                  failures.add(key + ": " + e);
                }
                operations.incrementAndGet();
              }
            },
            "load");
    load.start();
    try {
      for (List<Server> list : lists.subList(1, lists.size())) {
        int before = operations.get();
        factory.setServers(list);
        Await.until(
            10, () -> operations.get() >= before + 100, () -> "100 operations after " + list);
      }
    } finally {
      stop.set(true);
      load.join(TimeUnit.SECONDS.toMillis(2 * Clients.WAIT_SECONDS));
    }
    assertThat(load.isAlive()).isFalse();
    assertThat(failures)
        .as("operations on undisturbed keys that failed (of %s)", operations)
        .isEmpty();
    assertThat(factory.servers()).isEqualTo(reweighted);
  }

  @Test
  void reweight_keepsTheConnection_andPlacesKeysByTheNewRing() {
    List<Server> servers = startServers(3);
    HashRingConnectionFactory factory = factory(servers);
    MemcachedClient client = client(factory);
    long[] connections = processes.stream().mapToLong(MemcachedProcess::connections).toArray();
    List<Server> reweighted = List.of(servers.get(0).withWeight(5), servers.get(1), servers.get(2));

    factory.setServers(reweighted);

    Ring ring = ServerSelectors.forName("ketama").ring(reweighted);
    int onHeavy = 0;
    for (String key : keys("weight:", 300)) {
      assertThat(Clients.set(client, key, "w")).isTrue();
      Server primary = ring.primary(key);
      assertThat(process(primary).get(key)).as("%s on %s", key, primary).isPresent();
      onHeavy += primary.port() == servers.get(0).port() ? 1 : 0;
    }
    assertThat(onHeavy).as("keys on the server of weight 5 of 7").isGreaterThan(150);
    assertThat(processes.stream().mapToLong(MemcachedProcess::connections).toArray())
        .as("connections per server: none closed or opened")
        .isEqualTo(connections);
  }

  @Test
  void refusedChange_changesNothing() {
    List<Server> servers = startServers(2);
    HashRingConnectionFactory factory = factory(servers);
    MemcachedClient client = client(factory);
    Server unknown = Server.of("127.0.0.1", 1);

    assertThatThrownBy(() -> factory.addServers(List.of(servers.get(1).withWeight(3))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "duplicate server "
                + servers.get(1).address()
                + " at positions 1 and 2: each memcached server may be listed once");
    assertThatThrownBy(() -> factory.removeServers(List.of(unknown)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "server 127.0.0.1:1 is not one of the servers ("
                + servers.get(0)
                + ", "
                + servers.get(1)
                + "); nothing was removed");
    assertThatThrownBy(() -> factory.removeServers(servers))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "removing "
                + servers.get(0)
                + ", "
                + servers.get(1)
                + " would leave no server, and a client needs one; nothing was removed");
    assertThatThrownBy(() -> factory.setServers(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("servers must not be empty");

    assertThat(factory.servers()).isEqualTo(servers);
    assertThat(client.getNodeLocator().getAll()).hasSize(2);
    assertThat(Clients.set(client, "still", "works")).isTrue();
  }

  @Test
  void addedServerThatRefusesConnections_itsKeysFailOver_untilItRuns() throws Exception {
    List<Server> servers = startServers(2);
    HashRingConnectionFactory factory = factory(servers);
    MemcachedClient client = client(factory);
    int freePort;
    try (ServerSocket socket = new ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }
    Server silent = Server.of("127.0.0.1", freePort);

    factory.addServers(List.of(silent));

    List<Server> all = List.of(servers.get(0), servers.get(1), silent);
    Ring ring = ServerSelectors.forName("ketama").ring(all);
    List<String> silentKeys =
        keys("silent:", 200).stream()
            .filter(key -> ring.primary(key).equals(silent))
            .limit(20)
            .collect(Collectors.toList());
    for (String key : silentKeys) {
      assertThat(Clients.set(client, key, "elsewhere")).as(key).isTrue();
      Iterator<Server> sequence = ring.failover(key);
      sequence.next();
      Server next = sequence.next();
      assertThat(process(next).get(key)).as("%s on %s", key, next).isPresent();
    }

    MemcachedProcess started = MemcachedProcess.startOn(freePort);
    processes.add(started);
    Await.until(
        10, () -> Clients.isConnected(client, silent), () -> "the client to connect to " + silent);
    for (String key : silentKeys) {
      assertThat(Clients.set(client, key, "home")).as(key).isTrue();
      assertThat(started.get(key))
          .as("%s on %s", key, silent)
          .hasValueSatisfying(item -> assertThat(item.text()).isEqualTo("home"));
    }
  }

  @Test
  void everyRunningClientFollows_andShutDownClientsAreLeftAlone() {
    List<Server> servers = startServers(3);
    HashRingConnectionFactory factory = factory(servers.subList(0, 2));
    MemcachedClient running = client(factory);
    MemcachedClient other = client(factory);
    MemcachedClient stopped = client(factory);
    Clients.stop(stopped);

    factory.addServers(List.of(servers.get(2)));

    Ring ring = ServerSelectors.forName("ketama").ring(servers);
    for (MemcachedClient client : List.of(running, other)) {
      Clients.awaitConnected(client, factory);
      for (String key : keys("both:", 100)) {
        MemcachedNode node = client.getNodeLocator().getPrimary(key);
        assertThat(((InetSocketAddress) node.getSocketAddress()).getPort())
            .as(key)
            .isEqualTo(ring.primary(key).port());
      }
    }
    assertThat(stopped.getNodeLocator().getAll()).hasSize(2);
  }
}
