package dev.hashring.cli;

import dev.hashring.Ring;
import dev.hashring.spymemcached.HashRingConnectionFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.spy.memcached.ConnectionFactoryBuilder;
import net.spy.memcached.MemcachedClient;

/**
 * The original experiment, live: a spymemcached client placing keys with one configuration stores
 * every key on real memcached servers, the servers change while it runs, and it reads every key
 * back. A key is found when its server did not change; the in-process prediction says how many
 * should be.
 */
final class LiveChange {

  /** Stored keys expire after this many seconds, so that a run leaves nothing behind for long. */
  static final int EXPIRY_SECONDS = 600;

  private static final long WAIT_SECONDS = 10;
  private static final int BATCH = 1_000;

  /**
   * spymemcached logs every connection at INFO, under the class names of its objects, which for the
   * transport's connection are in {@code dev.hashring.spymemcached}; keep warnings only. Held here
   * because java.util.logging keeps loggers only while someone does.
   */
  private static final List<Logger> CONNECTION_LOGS =
      List.of(Logger.getLogger("net.spy.memcached"), Logger.getLogger("dev.hashring.spymemcached"));

  private LiveChange() {}

  /**
   * What one configuration found.
   *
   * @param configuration the selector and options
   * @param refusal the selector's message when it refused the servers or options, else {@code null}
   * @param keys keys written
   * @param stored keys the servers confirmed storing
   * @param found keys read back after the change
   * @param predicted keys whose server is the same after the change, computed in process
   */
  record Result(
      Configuration configuration,
      String refusal,
      long keys,
      long stored,
      long found,
      long predicted) {}

  /** Makes spymemcached log through java.util.logging, warnings only; call before its first use. */
  static void quietSpymemcached() {
    System.setProperty("net.spy.log.LoggerImpl", "net.spy.memcached.compat.log.SunLogger");
    CONNECTION_LOGS.forEach(log -> log.setLevel(Level.WARNING));
  }

  /**
   * Runs the experiment for one configuration.
   *
   * @param keyPrefix put before every key, so that runs never read each other's keys
   */
  static Result run(
      Scenario scenario,
      Configuration configuration,
      SeededKeys seededKeys,
      int keyCount,
      String keyPrefix,
      ProgressBar progress) {
    List<String> keys = new ArrayList<>(keyCount);
    for (int i = 0; i < keyCount; i++) {
      keys.add(keyPrefix + seededKeys.text(i));
    }
    long predicted = 0;
    try {
      Ring before = configuration.ringBefore(scenario.before());
      Ring after = configuration.ringAfter(scenario.before(), scenario.after());
      for (String key : keys) {
        if (before.primary(key).address().equals(after.primary(key).address())) {
          predicted++;
        }
      }
    } catch (IllegalArgumentException refused) {
      return new Result(configuration, refused.getMessage(), keyCount, 0, 0, 0);
    }

    HashRingConnectionFactory.Builder builder =
        HashRingConnectionFactory.builder()
            .selector(configuration.selector().name())
            .servers(scenario.before())
            .connectionFactoryBuilder(
                new ConnectionFactoryBuilder()
                    .setOpTimeout(2_000)
                    .setMaxReconnectDelay(1)
                    .setDaemon(true));
    for (Map.Entry<String, String> option : configuration.options().entrySet()) {
      builder.option(option.getKey(), option.getValue());
    }
    HashRingConnectionFactory factory = builder.build();
    MemcachedClient client;
    try {
      client = new MemcachedClient(factory, factory.addresses());
    } catch (IOException e) {
      throw CommandFailure.badInput("cannot connect to " + factory.addresses() + ": " + e);
    }
    try {
      long stored = store(client, keys, progress);
      if (!scenario.removed().isEmpty()) {
        factory.removeServers(scenario.removed());
      }
      if (!scenario.added().isEmpty()) {
        factory.addServers(scenario.added());
      }
      long found = readBack(client, keys, progress);
      return new Result(configuration, null, keyCount, stored, found, predicted);
    } finally {
      client.shutdown(WAIT_SECONDS, TimeUnit.SECONDS);
    }
  }

  private static long store(MemcachedClient client, List<String> keys, ProgressBar progress) {
    long stored = 0;
    for (int start = 0; start < keys.size(); start += BATCH) {
      List<Future<Boolean>> writes = new ArrayList<>();
      for (String key : keys.subList(start, Math.min(keys.size(), start + BATCH))) {
        writes.add(client.set(key, EXPIRY_SECONDS, "stored by hashring simulate"));
      }
      for (Future<Boolean> write : writes) {
        if (Boolean.TRUE.equals(await(write))) {
          stored++;
        }
      }
      progress.advance(writes.size());
    }
    return stored;
  }

  private static long readBack(MemcachedClient client, List<String> keys, ProgressBar progress) {
    long found = 0;
    for (int start = 0; start < keys.size(); start += BATCH) {
      List<String> batch = keys.subList(start, Math.min(keys.size(), start + BATCH));
      Map<String, Object> values = await(client.asyncGetBulk(batch));
      found += values == null ? 0 : values.size();
      progress.advance(batch.size());
    }
    return found;
  }

  /** The result of an operation, or {@code null} when it failed or timed out. */
  private static <T> T await(Future<T> operation) {
    try {
      return operation.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CommandFailure.checkFailed("interrupted while waiting for memcached");
    } catch (ExecutionException | TimeoutException | RuntimeException failed) {
      return null;
    }
  }
}
