package dev.hashring.maglev;

import dev.hashring.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Measures how many keys a Maglev ring moves between servers that did not change, when one server
 * leaves or joins. It compares the tables slot by slot; keys hash uniformly onto slots, so the
 * share of slots is exactly the expected share of keys.
 *
 * <p>Run it (prints the table of docs/MAGLEV.md):
 *
 * <pre>
 * ./mvnw -q -pl spi-maglev -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test -Dspotless.check.skip
 * java -cp "spi-maglev/target/test-classes:spi-maglev/target/classes:$(cat spi-maglev/target/test.classpath)" \
 *     dev.hashring.maglev.MaglevDisruption
 * </pre>
 */
final class MaglevDisruption {

  /**
   * Averages over trials, as shares of all keys: the keys that had to move (those of the server
   * that left, or those the new server takes), and the keys that moved between other servers.
   */
  record Result(int servers, int table, int trials, double necessary, double extra, double worst) {

    /** Extra moves per necessary move. */
    double ratio() {
      return extra / necessary;
    }
  }

  private MaglevDisruption() {}

  /** One server, at a random position, leaves a list of {@code n} random servers. */
  static Result leave(int n, int table, int trials, long seed) {
    return measure(n, table, trials, seed, false);
  }

  /** One server joins, at a random position, a list of {@code n - 1} random servers. */
  static Result join(int n, int table, int trials, long seed) {
    return measure(n, table, trials, seed, true);
  }

  private static Result measure(int n, int table, int trials, long seed, boolean join) {
    SplittableRandom random = new SplittableRandom(seed);
    MaglevSelector selector = new MaglevSelector();
    Map<String, String> options = Map.of("table", Integer.toString(table));
    double necessary = 0;
    double extra = 0;
    double worst = 0;
    for (int trial = 0; trial < trials; trial++) {
      List<Server> small = randomServers(n - 1, random);
      List<Server> large = new ArrayList<>(small);
      Server changed =
          Server.of("172.16." + random.nextInt(256) + "." + random.nextInt(256), 11211);
      large.add(random.nextInt(large.size() + 1), changed);
      MaglevRing before = (MaglevRing) selector.ring(join ? small : large, options);
      MaglevRing after = (MaglevRing) selector.ring(join ? large : small, options);
      int forced = 0;
      int moved = 0;
      for (int slot = 0; slot < table; slot++) {
        Server was = before.servers().get(before.serverAt(slot));
        Server is = after.servers().get(after.serverAt(slot));
        if (was.equals(is)) {
          continue;
        }
        if (was.equals(changed) || is.equals(changed)) {
          forced++;
        } else {
          moved++;
        }
      }
      necessary += (double) forced / table;
      extra += (double) moved / table;
      worst = Math.max(worst, (double) moved / table);
    }
    return new Result(n, table, trials, necessary / trials, extra / trials, worst);
  }

  static List<Server> randomServers(int n, SplittableRandom random) {
    List<Server> servers = new ArrayList<>();
    while (servers.size() < n) {
      Server server =
          Server.of(
              "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256),
              11211);
      if (!servers.contains(server)) {
        servers.add(server);
      }
    }
    return servers;
  }

  public static void main(String[] args) {
    System.out.println(
        "| servers | table | event | keys that must move | keys moved between other servers"
            + " (mean) | (worst trial) | extra per necessary move |");
    System.out.println("|---:|---:|---|---:|---:|---:|---:|");
    for (int n : new int[] {3, 5, 10, 50, 100, 500}) {
      List<Integer> tables = new ArrayList<>();
      tables.add((int) TableSize.nextPrime(TableSize.minimumFor(n)));
      if (TableSize.minimumFor(n) <= TableSize.DEFAULT) {
        tables.add(TableSize.DEFAULT);
      }
      tables.add((int) TableSize.nextPrime(1000L * n));
      for (int table : tables.stream().distinct().sorted().toList()) {
        int trials = table > 200_000 ? 5 : 20;
        print(leave(n, table, trials, 1), "leave");
        print(join(n, table, trials, 2), "join");
      }
    }
  }

  private static void print(Result r, String event) {
    System.out.println(
        String.format(
            Locale.ROOT,
            "| %d | %d | %s | %.2f%% | %.3f%% | %.3f%% | %.3f |",
            r.servers(),
            r.table(),
            event,
            100 * r.necessary(),
            100 * r.extra(),
            100 * r.worst(),
            r.ratio()));
  }
}
