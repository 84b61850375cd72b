package dev.hashring.spymemcached;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.spy.memcached.MemcachedClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The original experiment, live: a client on 8 real memcached servers stores 500 keys, 5 servers
 * are added while it runs, and it reads every key back. A key is still found when its primary did
 * not change.
 *
 * <p>Bounds. With consistent hashing a key keeps its server with probability 8/13 = 0.615. For jump
 * that probability holds for each key independently, so the share found among 500 keys has standard
 * deviation sqrt(0.615 × 0.385 / 500) = 0.022. For ketama the five new servers' share of the ring
 * also varies: 800 of 2080 points, a share whose deviation is about sqrt(0.615 × 0.385 / 2081) =
 * 0.011; together 0.024. The test accepts 0.615 ± 0.125, five deviations of the larger. For modulo
 * a key stays when {@code n mod 8 = n mod 13}, true for 8 of every 104 numbers, 1/13 = 0.077 with
 * deviation sqrt(0.077 × 0.923 / 500) = 0.012; the test accepts up to 0.14, five deviations above.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LiveExperimentTest {

  private static final int KEYS = 500;
  private static List<MemcachedProcess> servers;

  @BeforeAll
  static void startServers() {
    servers = MemcachedProcess.start(13);
  }

  @AfterAll
  static void stopServers() {
    if (servers != null) {
      servers.forEach(MemcachedProcess::close);
    }
  }

  @BeforeEach
  void emptyServers() {
    servers.forEach(MemcachedProcess::flush);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"ketama, 0.49, 0.74", "jump, 0.49, 0.74", "modulo, 0.0, 0.14"})
  void addingFiveServersToEight_keepsTheKeysWhosePrimaryStayed(
      String selector, double lowest, double highest) {
    // Named servers: ketama hashes the names, so its ring, and the share found, do not depend on
    // the ports the servers happened to get (jump and modulo place by list order).
    List<Server> named = new ArrayList<>();
    for (int i = 0; i < servers.size(); i++) {
      named.add(servers.get(i).server().withName("cache-" + (i + 1)));
    }
    List<Server> first = named.subList(0, 8);
    List<Server> added = named.subList(8, 13);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < KEYS; i++) {
      keys.add("experiment:" + i);
    }
    HashRingConnectionFactory factory =
        HashRingConnectionFactory.builder()
            .selector(selector)
            .servers(first)
            .connectionFactoryBuilder(Clients.settings())
            .build();
    MemcachedClient client = Clients.start(factory);
    try {
      for (String key : keys) {
        assertThat(Clients.set(client, key, "value of " + key)).as(key).isTrue();
      }
      long stored = servers.stream().mapToLong(MemcachedProcess::items).sum();
      assertThat(stored).as("items on the servers").isEqualTo(KEYS);

      factory.addServers(added);

      Map<String, Object> found =
          client.asyncGetBulk(keys).get(Clients.WAIT_SECONDS, TimeUnit.SECONDS);
      int stayed = primaryStayed(selector, first, added, keys);
      double share = found.size() / (double) KEYS;
      System.out.printf(
          "live experiment, %s: %d of %d keys found after adding 5 servers to 8 (share %.3f;"
              + " 8/13 = 0.615), %d keys kept their primary%n",
          selector, found.size(), KEYS, share, stayed);

      assertThat(found.size())
          .as("keys found = keys whose primary stayed (%s)", selector)
          .isEqualTo(stayed);
      found.forEach((key, value) -> assertThat(value).as(key).isEqualTo("value of " + key));
      assertThat(share)
          .as("share of keys found after adding 5 servers to 8, %s", selector)
          .isBetween(lowest, highest);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new AssertionError(e);
    } finally {
      Clients.stop(client);
    }
  }

  /** Keys whose primary is the same in the selector's rings of 8 and of 13 servers. */
  private static int primaryStayed(
      String selector, List<Server> first, List<Server> added, List<String> keys) {
    List<Server> all = new ArrayList<>(first);
    all.addAll(added);
    Ring before = ServerSelectors.forName(selector).ring(first);
    Ring after = ServerSelectors.forName(selector).ring(all);
    int stayed = 0;
    for (String key : keys) {
      if (before.primary(key).equals(after.primary(key))) {
        stayed++;
      }
    }
    return stayed;
  }
}
