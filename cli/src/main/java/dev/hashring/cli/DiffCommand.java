package dev.hashring.cli;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelector;
import dev.hashring.ServerSelectors;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hashring diff}: the share of keys that moves when the server list changes from one list to
 * another, in total and for each pair of servers, before the change is made. Exact for rings that
 * are {@link dev.hashring.spi.Continuum continua}; sampled otherwise, and the output says which.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Shows the share of keys that moves from one server list to another.",
      "",
      "Shows the share of keys that moves when the servers change from one list to another,"
          + " in total and for each pair of servers (from -> to).",
      "Exact for ketama rings (from the arcs of the two rings); sampled on random keys for other"
          + " selectors, and the output says which.",
      "",
      "Example:",
      "  hashring diff --selector ketama --from 10.0.0.1:11211,10.0.0.2:11211 \\",
      "      --to 10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211"
    })
final class DiffCommand implements Callable<Integer> {

  private final StandardStreams streams;

  @Option(
      names = "--selector",
      required = true,
      paramLabel = "NAME",
      description = "The selector, such as ketama, modulo or jump ('hashring list' shows all).")
  private String selectorName;

  @Option(
      names = "--option",
      paramLabel = "KEY=VALUE",
      description = "A selector option, such as compat=libmemcached; repeatable.")
  private List<String> optionPairs;

  @Option(
      names = "--to-option",
      paramLabel = "KEY=VALUE",
      description =
          "An option for the --to ring only, on top of --option and of what the selector records"
              + " for the change (anchor's history); repeatable.")
  private List<String> toOptionPairs;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "SPEC,SPEC,...",
      description = "The servers now, each host:port[:weight][ name].")
  private String fromList;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "SPEC,SPEC,...",
      description = "The servers after the change.")
  private String toList;

  @Option(
      names = "--samples",
      paramLabel = "N",
      defaultValue = "1000000",
      description =
          "Random keys to sample when the answer cannot be exact (default: ${DEFAULT-VALUE}).")
  private long samples;

  @Option(
      names = "--sample",
      description = "Sample even when an exact answer is possible (to compare the two).")
  private boolean forceSample;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "Seed of the sampled keys (default: ${DEFAULT-VALUE}).")
  private long seed;

  DiffCommand(StandardStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() {
    if (samples < 1) {
      throw CommandFailure.badInput("--samples must be at least 1: " + samples);
    }
    Map<String, String> options = SelectorOptions.parse(optionPairs);
    List<Server> from = ServerListText.parse("--from", fromList);
    List<Server> to = ServerListText.parse("--to", toList);
    ServerSelector selector = ServerSelectors.forName(selectorName);
    Map<String, String> explicitToOptions = SelectorOptions.parse(toOptionPairs, "--to-option");
    Ring before = ring(selector, from, options, "--from");
    // The options for the new list: as the selector records the change (anchor's history), then
    // what --to-option says.
    Map<String, String> toOptions = new LinkedHashMap<>(selector.optionsAfter(from, to, options));
    toOptions.putAll(explicitToOptions);
    Ring after = ring(selector, to, toOptions, "--to");
    String whyNotExact = ArcComparison.whyNotExact(before, after);
    Movement movement;
    if (whyNotExact == null && !forceSample) {
      movement = ArcComparison.compare(before, after);
    } else {
      String reason =
          whyNotExact == null
              ? "--sample was given"
              : "selector " + selector.name() + " cannot be exact here: " + whyNotExact;
      ProgressBar progress = ProgressBar.of(streams, samples);
      progress.label("sampling " + selector.name());
      try {
        movement = SampledComparison.compare(before, after, samples, seed, reason, progress);
      } finally {
        progress.finish();
      }
    }
    print(streams.out(), selector.name(), options, toOptions, from, to, movement);
    streams.out().flush();
    return 0;
  }

  private static Ring ring(
      ServerSelector selector, List<Server> servers, Map<String, String> options, String option) {
    try {
      return selector.ring(servers, options);
    } catch (IllegalArgumentException refused) {
      throw CommandFailure.badInput(option + ": " + refused.getMessage(), refused);
    }
  }

  /** Writes the report: the method, the total, the moves by pair, and each server's share. */
  static void print(
      PrintStream out,
      String selector,
      Map<String, String> options,
      Map<String, String> toOptions,
      List<Server> from,
      List<Server> to,
      Movement movement) {
    out.println("selector " + selector + " " + SelectorOptions.describe(options));
    if (!toOptions.equals(options)) {
      out.println("         after: " + SelectorOptions.describe(toOptions));
    }
    out.println("from     " + from.size() + " servers: " + ServerListText.format(from));
    out.println("to       " + to.size() + " servers: " + ServerListText.format(to));
    out.println("method   " + movement.method());
    double moved = movement.moved();
    out.println(
        "moved    "
            + percent(moved, movement)
            + " of keys move to another server; "
            + percent(1 - moved, movement)
            + " stay");
    double amongKept = 0;
    for (Map.Entry<Movement.Move, Double> move : movement.moves().entrySet()) {
      if (movement.before().containsKey(move.getKey().to())
          && movement.after().containsKey(move.getKey().from())) {
        amongKept += move.getValue();
      }
    }
    out.println(
        "         "
            + percent(amongKept, movement)
            + " move between servers that are in both lists (none, with minimal disruption)");
    out.println();

    TextTable moves = new TextTable("from", "to", "share of keys");
    moves.alignRight(2);
    List<Map.Entry<Movement.Move, Double>> sorted = new ArrayList<>(movement.moves().entrySet());
    sorted.sort(
        Map.Entry.<Movement.Move, Double>comparingByValue()
            .reversed()
            .thenComparing(entry -> entry.getKey().from())
            .thenComparing(entry -> entry.getKey().to()));
    for (Map.Entry<Movement.Move, Double> entry : sorted) {
      moves.row(
          entry.getKey().from(), "-> " + entry.getKey().to(), percent(entry.getValue(), movement));
    }
    if (sorted.isEmpty()) {
      out.println("No key moves.");
    } else {
      moves.print(out);
    }
    out.println();

    TextTable servers = new TextTable("server", "before", "after", "");
    servers.alignRight(1);
    servers.alignRight(2);
    for (Map.Entry<String, Double> entry : movement.before().entrySet()) {
      Double after = movement.after().get(entry.getKey());
      servers.row(
          entry.getKey(),
          percent(entry.getValue(), movement),
          after == null ? "-" : percent(after, movement),
          after == null ? "removed" : "");
    }
    for (Map.Entry<String, Double> entry : movement.after().entrySet()) {
      if (!movement.before().containsKey(entry.getKey())) {
        servers.row(entry.getKey(), "-", percent(entry.getValue(), movement), "added");
      }
    }
    servers.print(out);
  }

  /** A share as a percentage, with its 95% margin when sampled. */
  private static String percent(double share, Movement movement) {
    String text = String.format(Locale.ROOT, "%.3f%%", share * 100);
    if (movement.exact()) {
      return text;
    }
    return text + String.format(Locale.ROOT, " ±%.3f", movement.margin(share) * 100);
  }
}
