package dev.hashring.cli;

import dev.hashring.Server;
import dev.hashring.ServerSelector;
import dev.hashring.ServerSelectors;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hashring simulate}: the experiment this project started from. Keys are placed on a list of
 * servers, servers are added (or removed), and each selector reports how many keys are still where
 * they were, next to the ideal, how evenly keys are spread, and how fast it looks them up. In
 * process by default; with {@code --memcached} or {@code --memcached-local}, live on real servers
 * through the spymemcached transport.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Adds or removes servers and shows, per selector, how many keys stay where they were.",
      "",
      "Places random keys on servers, changes the servers (by default: 8 servers, 500 keys, 5"
          + " servers added), and shows for each selector the share of keys still on their"
          + " server next to the ideal, the keys that moved between servers that did not change,"
          + " how evenly keys are spread before and after, and lookups per second.",
      "In process, no server needed; with --memcached or --memcached-local, live through a"
          + " spymemcached client on real memcached servers.",
      ""
    })
final class SimulateCommand implements Callable<Integer> {

  private static final int DEFAULT_SERVERS = 8;
  private static final int DEFAULT_ADD = 5;
  private static final int MAX_SERVERS = 10_000;
  private static final int MAX_RANDOM_WEIGHT = 5;

  private final StandardStreams streams;

  @Option(
      names = "--servers",
      paramLabel = "N",
      description = "Servers before the change, 10.0.0.1:11211 and on (default: 8).")
  private Integer serverCount;

  @Option(
      names = "--server-list",
      paramLabel = "SPEC,SPEC,...",
      description = "The servers before the change, each host:port[:weight][ name].")
  private String serverList;

  @Option(
      names = "--keys",
      paramLabel = "N",
      defaultValue = "500",
      description = "Random keys to place (default: ${DEFAULT-VALUE}).")
  private long keyCount;

  @Option(
      names = "--add",
      paramLabel = "N",
      description = "Servers to add (default: 5, or 0 when --remove is given).")
  private Integer addCount;

  @Option(
      names = "--remove",
      paramLabel = "N",
      defaultValue = "0",
      description = "Servers to remove, chosen at random (seeded) from the list before.")
  private int removeCount;

  @Option(
      names = "--weights",
      paramLabel = "W,W,...|random",
      description =
          "Weights of the servers, in order, those before the change then those added; or"
              + " 'random' for seeded weights from 1 to "
              + MAX_RANDOM_WEIGHT
              + " (default: weight 1, or as the --server-list specs say).")
  private String weights;

  @Option(
      names = "--selector",
      paramLabel = "NAME",
      description = "A selector to run; repeatable (default: every selector found).")
  private List<String> selectorNames;

  @Option(
      names = "--option",
      paramLabel = "KEY=VALUE",
      description = "A selector option for every selector run, such as hash=md5; repeatable.")
  private List<String> optionPairs;

  @Option(
      names = "--option-after",
      paramLabel = "KEY=VALUE",
      description =
          "An option for the rings after the change only, on top of --option and of what the"
              + " selector records for the change (anchor's history); repeatable.")
  private List<String> optionAfterPairs;

  @Option(
      names = "--all-profiles",
      description = "Run every compat profile of every selector, not only its default.")
  private boolean allProfiles;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "Seed of the keys, the removed servers and random weights (default: 1).")
  private long seed;

  @Option(
      names = "--plot",
      paramLabel = "FILE",
      description = "Also draw the load per server and the keys moved: FILE.svg or FILE.png.")
  private Path plot;

  @Option(
      names = "--timing",
      paramLabel = "MS",
      defaultValue = "300",
      description =
          "Milliseconds per selector to measure lookups per second, after warming up until the"
              + " rate stops rising (default: ${DEFAULT-VALUE}; 0 skips it).")
  private long timingMillis;

  @Option(
      names = "--memcached",
      paramLabel = "HOST:PORT,...",
      description =
          "Run live on these memcached servers: the first ones are the servers before the change,"
              + " the last --add of them are added. Keys expire after 10 minutes.")
  private String memcachedList;

  @Option(
      names = "--memcached-local",
      paramLabel = "N",
      description =
          "Run live on N local memcached processes (plus --add more to add), started on free"
              + " loopback ports and stopped afterwards.")
  private Integer memcachedLocal;

  SimulateCommand(StandardStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() {
    checkCounts();
    Map<String, String> options = SelectorOptions.parse(optionPairs);
    Map<String, String> optionsAfter = SelectorOptions.parse(optionAfterPairs, "--option-after");
    List<Configuration> configurations = configurations(options, optionsAfter);
    if (plot != null) {
      LoadChart.Format.of(plot); // refuse a bad file name before the work, not after
    }
    if (memcachedList != null || memcachedLocal != null) {
      return live(configurations);
    }
    List<Server> initial = initialServers();
    Scenario scenario = scenario(initial, generatedServers(add(), initial));
    SeededKeys keys = new SeededKeys(seed);
    ProgressBar progress = ProgressBar.of(streams, keyCount * configurations.size());
    List<ChangeResult> results = new ArrayList<>();
    try {
      for (Configuration configuration : configurations) {
        progress.label(configuration.label());
        results.add(
            ChangeMeasurement.run(scenario, configuration, keys, keyCount, timingMillis, progress));
      }
    } finally {
      progress.finish();
    }
    PrintStream out = streams.out();
    SimulationReport.print(out, scenario, keyCount, seed, results, timingMillis);
    if (plot != null) {
      LoadChart.write(plot, scenario, keyCount, results);
      out.println();
      out.println("Chart written to " + plot);
    }
    out.flush();
    return 0;
  }

  private void checkCounts() {
    if (serverCount != null && serverList != null) {
      throw CommandFailure.badInput("give --servers N or --server-list SPECS, not both");
    }
    if (serverCount != null && (serverCount < 1 || serverCount > MAX_SERVERS)) {
      throw CommandFailure.badInput(
          "--servers must be from 1 to " + MAX_SERVERS + ": " + serverCount);
    }
    if (keyCount < 1 || keyCount > Integer.MAX_VALUE) {
      throw CommandFailure.badInput(
          "--keys must be from 1 to " + Integer.MAX_VALUE + ": " + keyCount);
    }
    if (addCount != null && (addCount < 0 || addCount > MAX_SERVERS)) {
      throw CommandFailure.badInput("--add must be from 0 to " + MAX_SERVERS + ": " + addCount);
    }
    if (removeCount < 0) {
      throw CommandFailure.badInput("--remove must be 0 or more: " + removeCount);
    }
    if (timingMillis < 0 || timingMillis > 60_000) {
      throw CommandFailure.badInput("--timing must be from 0 to 60000 ms: " + timingMillis);
    }
    if (memcachedList != null && memcachedLocal != null) {
      throw CommandFailure.badInput("give --memcached or --memcached-local, not both");
    }
    if ((memcachedList != null || memcachedLocal != null)
        && (serverCount != null || serverList != null)) {
      throw CommandFailure.badInput(
          "--servers and --server-list are for in-process runs; with "
              + (memcachedList != null ? "--memcached" : "--memcached-local")
              + " the servers are the memcached ones");
    }
    if ((memcachedList != null || memcachedLocal != null) && optionAfterPairs != null) {
      throw CommandFailure.badInput(
          "--option-after is for in-process runs: a running client changes its servers, not its"
              + " options");
    }
    if ((memcachedList != null || memcachedLocal != null) && plot != null) {
      throw CommandFailure.badInput("--plot draws in-process runs only, not --memcached ones");
    }
    if (memcachedLocal != null && (memcachedLocal < 1 || memcachedLocal > 100)) {
      throw CommandFailure.badInput("--memcached-local must be from 1 to 100: " + memcachedLocal);
    }
    if (memcachedLocal != null && add() > 100) {
      throw CommandFailure.badInput(
          "--add with --memcached-local starts that many more servers: at most 100: " + add());
    }
  }

  private int add() {
    if (addCount != null) {
      return addCount;
    }
    return removeCount > 0 ? 0 : DEFAULT_ADD;
  }

  /** The selectors and options to run, in registry order, each profile if asked. */
  private List<Configuration> configurations(
      Map<String, String> options, Map<String, String> optionsAfter) {
    List<ServerSelector> selectors = new ArrayList<>();
    if (selectorNames == null || selectorNames.isEmpty()) {
      selectors.addAll(ServerSelectors.all());
      if (selectors.isEmpty()) {
        throw CommandFailure.badInput(
            "no selector found on the class path: " + ServerSelectors.registry().problems());
      }
    } else {
      Set<String> seen = new HashSet<>();
      for (String name : selectorNames) {
        if (!seen.add(name)) {
          throw CommandFailure.badInput("--selector " + name + " is given twice");
        }
        selectors.add(ServerSelectors.forName(name));
      }
    }
    if (allProfiles && options.containsKey("compat")) {
      throw CommandFailure.badInput(
          "--all-profiles runs every compat profile: it cannot be combined with --option compat="
              + options.get("compat"));
    }
    List<Configuration> configurations = new ArrayList<>();
    for (ServerSelector selector : selectors) {
      if (allProfiles && !selector.compatProfiles().isEmpty()) {
        for (String profile : selector.compatProfiles()) {
          Map<String, String> withProfile = new LinkedHashMap<>();
          withProfile.put("compat", profile);
          withProfile.putAll(options);
          configurations.add(new Configuration(selector, withProfile, optionsAfter));
        }
      } else {
        configurations.add(new Configuration(selector, options, optionsAfter));
      }
    }
    return configurations;
  }

  /** The servers before the change, weights not yet applied. */
  private List<Server> initialServers() {
    if (serverList != null) {
      return ServerListText.parse("--server-list", serverList);
    }
    return generatedServers(serverCount == null ? DEFAULT_SERVERS : serverCount, List.of());
  }

  /**
   * {@code count} servers {@code 10.0.0.1:11211}, {@code 10.0.0.2:11211}, ... (then {@code
   * 10.0.1.1}, ...), skipping addresses already in {@code taken}.
   */
  static List<Server> generatedServers(int count, List<Server> taken) {
    Set<String> used = new HashSet<>();
    taken.forEach(server -> used.add(server.address()));
    List<Server> servers = new ArrayList<>(count);
    for (int k = 0; servers.size() < count; k++) {
      Server server = Server.of("10.0." + (k / 254) + "." + (k % 254 + 1), 11211);
      if (used.add(server.address())) {
        servers.add(server);
      }
    }
    return servers;
  }

  /** The scenario: weights applied, the servers to remove chosen. */
  private Scenario scenario(List<Server> initial, List<Server> added) {
    if (removeCount >= initial.size()) {
      throw CommandFailure.badInput(
          "--remove "
              + removeCount
              + " would leave no server of the "
              + initial.size()
              + " before the change; remove at most "
              + (initial.size() - 1));
    }
    List<Server> all = new ArrayList<>(initial);
    all.addAll(added);
    all = weighted(all, initial.size(), added.size());
    List<Server> before = all.subList(0, initial.size());
    List<Server> newServers = all.subList(initial.size(), all.size());
    List<Server> shuffled = new ArrayList<>(before);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = shuffled.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Server swap = shuffled.get(i);
      shuffled.set(i, shuffled.get(j));
      shuffled.set(j, swap);
    }
    List<Server> removed = new ArrayList<>();
    for (Server server : before) {
      if (shuffled.subList(0, removeCount).contains(server)) {
        removed.add(server); // in list order, for a readable report
      }
    }
    try {
      return new Scenario(before, removed, newServers);
    } catch (IllegalArgumentException overlap) {
      throw CommandFailure.badInput(overlap.getMessage(), overlap);
    }
  }

  /** The servers with the weights of --weights, if given. */
  private List<Server> weighted(List<Server> servers, int before, int added) {
    if (weights == null) {
      return servers;
    }
    if (serverList != null) {
      throw CommandFailure.badInput(
          "give weights in the --server-list specs (host:port:weight) or with --weights, not both");
    }
    List<Server> result = new ArrayList<>(servers.size());
    if (weights.equals("random")) {
      SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
      for (Server server : servers) {
        result.add(server.withWeight(1 + random.nextInt(MAX_RANDOM_WEIGHT)));
      }
      return result;
    }
    String[] parts = weights.split(",", -1);
    if (parts.length != servers.size()) {
      throw CommandFailure.badInput(
          "--weights gives "
              + parts.length
              + (parts.length == 1 ? " weight" : " weights")
              + " for "
              + servers.size()
              + " servers ("
              + before
              + " before the change and "
              + added
              + " added): give one per server, in order, or 'random'");
    }
    for (int i = 0; i < parts.length; i++) {
      int weight;
      try {
        weight = parts[i].strip().matches("[0-9]{1,9}") ? Integer.parseInt(parts[i].strip()) : -1;
      } catch (NumberFormatException impossible) {
        weight = -1;
      }
      if (weight < Server.MIN_WEIGHT || weight > Server.MAX_WEIGHT) {
        throw CommandFailure.badInput(
            "--weights: weight "
                + (i + 1)
                + " must be an integer from "
                + Server.MIN_WEIGHT
                + " to "
                + Server.MAX_WEIGHT
                + ": '"
                + parts[i]
                + "'");
      }
      result.add(servers.get(i).withWeight(weight));
    }
    return result;
  }

  /** The experiment on real memcached servers. */
  private int live(List<Configuration> configurations) {
    if (keyCount > 10_000_000) {
      throw CommandFailure.badInput(
          "--keys with --memcached is at most 10000000 (each key is written and read): "
              + keyCount);
    }
    LiveChange.quietSpymemcached();
    int add = add();
    LocalMemcached local = null;
    try {
      List<Server> initial;
      List<Server> added;
      if (memcachedLocal != null) {
        local = LocalMemcached.start(memcachedLocal + add);
        List<Server> started = local.servers();
        initial = started.subList(0, memcachedLocal);
        added = started.subList(memcachedLocal, started.size());
      } else {
        List<Server> listed = ServerListText.parse("--memcached", memcachedList);
        if (listed.size() - add < 1) {
          throw CommandFailure.badInput(
              "--memcached lists "
                  + listed.size()
                  + " servers and --add is "
                  + add
                  + ": the last "
                  + add
                  + " are added, so list at least "
                  + (add + 1));
        }
        initial = listed.subList(0, listed.size() - add);
        added = listed.subList(listed.size() - add, listed.size());
      }
      Scenario scenario = scenario(initial, added);
      SeededKeys keys = new SeededKeys(seed);
      String runId = Long.toString(System.currentTimeMillis(), 36);
      ProgressBar progress = ProgressBar.of(streams, 2 * keyCount * configurations.size());
      List<LiveChange.Result> results = new ArrayList<>();
      try {
        for (int i = 0; i < configurations.size(); i++) {
          Configuration configuration = configurations.get(i);
          progress.label(configuration.label() + " (live)");
          results.add(
              LiveChange.run(
                  scenario,
                  configuration,
                  keys,
                  (int) keyCount,
                  "hashring-simulate:" + runId + ":" + i + ":",
                  progress));
        }
      } finally {
        progress.finish();
      }
      SimulationReport.printLive(streams.out(), scenario, keyCount, seed, results, local != null);
      streams.out().flush();
      return 0;
    } finally {
      if (local != null) {
        local.close();
      }
    }
  }
}
