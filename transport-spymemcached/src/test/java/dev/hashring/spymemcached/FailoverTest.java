package dev.hashring.spymemcached;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelectors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.spy.memcached.FailureMode;
import net.spy.memcached.MemcachedClient;
import net.spy.memcached.internal.OperationFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Servers die under a running client ({@code FailureMode.Redistribute}, spymemcached's default):
 * the client keeps serving the other servers' keys, sends a dead server's keys to the next server
 * of their failover sequence, never waits past its timeouts, and fails at once when every server is
 * down. Real memcached processes, killed with SIGKILL.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FailoverTest {

  private final List<MemcachedProcess> processes = new ArrayList<>();
  private MemcachedClient client;

  @AfterEach
  void stop() {
    Clients.stop(client);
    processes.forEach(MemcachedProcess::close);
  }

  private HashRingConnectionFactory start(int servers) {
    return start(servers, FailureMode.Redistribute);
  }

  private HashRingConnectionFactory start(int servers, FailureMode mode) {
    processes.addAll(MemcachedProcess.start(servers));
    HashRingConnectionFactory factory =
        HashRingConnectionFactory.builder()
            .selector("ketama")
            .servers(servers())
            .connectionFactoryBuilder(Clients.settings().setFailureMode(mode))
            .build();
    client = Clients.start(factory);
    Clients.awaitConnected(client, factory);
    return factory;
  }

  private List<Server> servers() {
    return processes.stream().map(MemcachedProcess::server).collect(Collectors.toList());
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

  @Test
  void killedServer_othersKeepServing_itsKeysGoToTheNextServerOfTheirSequence() {
    start(4);
    Ring ring = ServerSelectors.forName("ketama").ring(servers());
    List<String> keys = keys("failover:", 300);
    for (String key : keys) {
      assertThat(Clients.set(client, key, "before " + key)).as(key).isTrue();
    }
    Server victim = processes.get(1).server();
    List<String> victimKeys =
        keys.stream().filter(key -> ring.primary(key).equals(victim)).collect(Collectors.toList());
    List<String> otherKeys =
        keys.stream().filter(key -> !victimKeys.contains(key)).collect(Collectors.toList());
    assertThat(victimKeys).as("keys on %s", victim).isNotEmpty();

    process(victim).kill();
    Clients.awaitDown(client, victim, victimKeys.get(0));

    for (String key : otherKeys) {
      assertThat(Clients.get(client, key))
          .as("other server's key %s", key)
          .isEqualTo("before " + key);
    }
    Set<Server> takers = new HashSet<>();
    for (String key : victimKeys) {
      assertThat(Clients.get(client, key))
          .as("dead server's key %s, not on its next server", key)
          .isNull();
      assertThat(Clients.set(client, key, "after " + key)).as(key).isTrue();
      Iterator<Server> sequence = ring.failover(key);
      assertThat(sequence.next()).isEqualTo(victim);
      Server next = sequence.next();
      takers.add(next);
      assertThat(process(next).get(key))
          .as("%s on %s, the next server of its failover sequence", key, next)
          .hasValueSatisfying(item -> assertThat(item.text()).isEqualTo("after " + key));
      assertThat(Clients.get(client, key)).as(key).isEqualTo("after " + key);
    }
    // Ketama's sequence spreads a dead server's keys over the others, not onto one neighbour.
    assertThat(takers).as("servers that took %s's keys", victim).hasSizeGreaterThan(1);
  }

  @Test
  void restartedServer_getsItsKeysBack() {
    start(3);
    Ring ring = ServerSelectors.forName("ketama").ring(servers());
    MemcachedProcess victim = processes.get(0);
    String key =
        keys("return:", 100).stream()
            .filter(k -> ring.primary(k).equals(victim.server()))
            .findFirst()
            .orElseThrow();

    victim.kill();
    Clients.awaitDown(client, victim.server(), key);
    MemcachedProcess restarted = victim.restart();
    processes.set(0, restarted);
    Await.until(
        10,
        () -> Clients.isConnected(client, victim.server()),
        () -> "the client to reconnect to " + victim);

    assertThat(Clients.set(client, key, "back")).isTrue();
    assertThat(restarted.get(key))
        .hasValueSatisfying(item -> assertThat(item.text()).isEqualTo("back"));
  }

  @Test
  void serverKilledMidRun_noOperationOutlivesItsTimeout() throws Exception {
    start(3);
    List<String> keys = keys("midrun:", 200);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicBoolean noticed = new AtomicBoolean();
    List<String> failuresAfterNoticed = new CopyOnWriteArrayList<>();
    List<String> hangs = new CopyOnWriteArrayList<>();
    AtomicInteger doneBefore = new AtomicInteger();
    AtomicInteger doneAfter = new AtomicInteger();
    Thread load =
        new Thread(
            () -> {
              for (int i = 0; !stop.get(); i++) {
                String key = keys.get(i % keys.size());
                boolean afterNotice = noticed.get();
                OperationFuture<Boolean> write = client.set(key, 0, "load " + i);
                try {
                  // Far longer than the 1 s operation timeout: reaching it is a hang.
                  Boolean stored = write.get(Clients.WAIT_SECONDS, TimeUnit.SECONDS);
                  if (afterNotice && !Boolean.TRUE.equals(stored)) {
                    failuresAfterNoticed.add(key + ": not stored");
                  }
                  List<String> bulk = keys.subList(i % 190, i % 190 + 10);
                  client.asyncGetBulk(bulk).get(Clients.WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                  hangs.add(key + ": " + e);
                } catch (ExecutionException | RuntimeException e) {
                  if (afterNotice) {
                    failuresAfterNoticed.add(key + ": " + e);
                  }
                } catch (InterruptedException e) {
                  return;
                }
                (afterNotice ? doneAfter : doneBefore).incrementAndGet();
              }
            },
            "load");
    load.start();
    try {
      Await.until(10, () -> doneBefore.get() >= 200, () -> "200 writes before the kill");
      MemcachedProcess victim = processes.get(2);
      victim.kill();
      // The load sends the victim its keys, so the client notices soon.
      Await.until(
          10,
          () -> !Clients.isConnected(client, victim.server()),
          () -> "the client to notice " + victim);
      noticed.set(true);
      Await.until(20, () -> doneAfter.get() >= 300, () -> "300 writes after the client noticed");
    } finally {
      stop.set(true);
      load.join(TimeUnit.SECONDS.toMillis(2 * Clients.WAIT_SECONDS));
    }
    assertThat(load.isAlive()).as("the load thread ended").isFalse();
    assertThat(hangs).as("operations that outlived their timeout").isEmpty();
    assertThat(failuresAfterNoticed)
        .as("writes that failed after the client saw the server down")
        .isEmpty();
  }

  @Test
  void allServersDown_operationsFailAtOnceNamingTheServers() {
    start(2);
    List<String> keys = keys("down:", 20);
    for (String key : keys) {
      assertThat(Clients.set(client, key, "value")).isTrue();
    }
    processes.forEach(MemcachedProcess::kill);
    Ring ring = ServerSelectors.forName("ketama").ring(servers());
    for (Server server : servers()) {
      String key =
          keys("poke:", 100).stream()
              .filter(k -> ring.primary(k).equals(server))
              .findFirst()
              .orElseThrow();
      Clients.awaitDown(client, server, key);
    }
    String names = servers().stream().map(Server::toString).collect(Collectors.joining(", "));

    assertThatThrownBy(() -> client.get("down:1"))
        .isInstanceOf(AllServersDownException.class)
        .hasMessage(
            "no memcached server can take key 'down:1': all 2 are down ("
                + names
                + "); spymemcached reconnects in the background");
    assertThatThrownBy(() -> client.set("down:2", 0, "value"))
        .isInstanceOf(AllServersDownException.class)
        .hasMessageStartingWith("no memcached server can take key 'down:2': all 2 are down");
    assertThatThrownBy(() -> client.delete("down:3")).isInstanceOf(AllServersDownException.class);
    Throwable bulk = catchThrowable(() -> client.getBulk(keys));
    assertThat(bulk)
        .isInstanceOf(AllServersDownException.class)
        .hasMessageContaining(": all 2 are down (" + names + ")");
    assertThat(((AllServersDownException) bulk).servers()).isEqualTo(servers());
  }

  @Test
  void cancelMode_keepsSpymemcachedBehaviour_operationsOfADeadPrimaryAreCancelled() {
    start(2, FailureMode.Cancel);
    Ring ring = ServerSelectors.forName("ketama").ring(servers());
    Server victim = servers().get(0);
    String key =
        keys("cancel:", 100).stream()
            .filter(k -> ring.primary(k).equals(victim))
            .findFirst()
            .orElseThrow();
    process(victim).kill();
    Clients.awaitDown(client, victim, key);

    Throwable thrown =
        catchThrowable(() -> client.asyncGet(key).get(Clients.WAIT_SECONDS, TimeUnit.SECONDS));

    assertThat(thrown)
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(CancellationException.class);
  }
}
