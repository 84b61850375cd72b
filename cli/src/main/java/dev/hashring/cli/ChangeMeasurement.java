package dev.hashring.cli;

import dev.hashring.Ring;
import dev.hashring.Server;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a {@link Scenario} for one {@link Configuration} in process: builds the rings before and
 * after the change, looks every key up on both, and times lookups.
 */
final class ChangeMeasurement {

  /** At most this many distinct keys are kept in memory for the lookup timing. */
  static final int TIMED_KEYS = 100_000;

  private ChangeMeasurement() {}

  /**
   * Measures one configuration.
   *
   * @param keyCount how many keys to look up
   * @param timingMillis time for the lookup rate; 0 to skip it
   * @param progress told of every 65,536 keys looked up on both rings
   */
  static ChangeResult run(
      Scenario scenario,
      Configuration configuration,
      SeededKeys keys,
      long keyCount,
      long timingMillis,
      ProgressBar progress) {
    Ring before;
    Ring after;
    try {
      before = configuration.ringBefore(scenario.before());
      after = configuration.ringAfter(scenario.before(), scenario.after());
    } catch (IllegalArgumentException refused) {
      return ChangeResult.refused(configuration, refused.getMessage());
    }
    List<Server> afterServers = after.servers();
    ServerIndex beforeIndex = new ServerIndex(before.servers());
    ServerIndex afterIndex = new ServerIndex(afterServers);
    // Give each address one number, shared by both lists, so that a key's stay is one comparison.
    Map<String, Integer> ids = new HashMap<>();
    int[] beforeIds = ids(before.servers(), ids);
    int[] afterIds = ids(afterServers, ids);
    boolean[] kept = new boolean[ids.size()];
    Set<String> keptAddresses = scenario.kept();
    ids.forEach((address, id) -> kept[id] = keptAddresses.contains(address));

    long[] beforeCounts = new long[before.servers().size()];
    long[] afterCounts = new long[afterServers.size()];
    long stayed = 0;
    long movedAmongKept = 0;
    for (long i = 0; i < keyCount; i++) {
      byte[] key = keys.key(i);
      int from = beforeIndex.of(before.primary(key));
      int to = afterIndex.of(after.primary(key));
      beforeCounts[from]++;
      afterCounts[to]++;
      int fromId = beforeIds[from];
      int toId = afterIds[to];
      if (fromId == toId) {
        stayed++;
      } else if (kept[fromId] && kept[toId]) {
        movedAmongKept++;
      }
      if ((i & 0xFFFF) == 0xFFFF) {
        progress.advance(0x10000);
      }
    }
    progress.advance(keyCount & 0xFFFF);

    double rate = 0;
    if (timingMillis > 0) {
      byte[][] timed = new byte[(int) Math.min(keyCount, TIMED_KEYS)][];
      for (int i = 0; i < timed.length; i++) {
        timed[i] = keys.copy(i);
      }
      rate = LookupRate.measure(after, timed, timingMillis);
    }
    return new ChangeResult(
        configuration, null, keyCount, stayed, movedAmongKept, beforeCounts, afterCounts, rate);
  }

  private static int[] ids(List<Server> servers, Map<String, Integer> ids) {
    int[] result = new int[servers.size()];
    for (int i = 0; i < servers.size(); i++) {
      result[i] = ids.computeIfAbsent(servers.get(i).address(), address -> ids.size());
    }
    return result;
  }
}
