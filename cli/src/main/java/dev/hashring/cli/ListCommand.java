package dev.hashring.cli;

import dev.hashring.HashAlgorithm;
import dev.hashring.HashAlgorithms;
import dev.hashring.ProviderProblem;
import dev.hashring.Registry;
import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelector;
import dev.hashring.ServerSelectors;
import dev.hashring.Trait;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/**
 * {@code hashring list}: every selector and hash algorithm this command can see, with where each
 * comes from, and every provider that was found but could not be used.
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the selectors and hash algorithms found, and providers that failed to load.",
      "",
      "Lists every selector (with its jar, compat profiles, options and the traits of each profile)"
          + " and every hash algorithm (bits, aliases, jar), then every provider that could not be"
          + " loaded."
    })
final class ListCommand implements Callable<Integer> {

  /** The equal-weight servers a ring is built on to ask for its traits. */
  static final List<Server> TRAIT_SERVERS =
      List.of(
          Server.of("127.0.0.1", 11211),
          Server.of("127.0.0.1", 11212),
          Server.of("127.0.0.1", 11213),
          Server.of("127.0.0.1", 11214));

  private final StandardStreams streams;

  ListCommand(StandardStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() {
    PrintStream out = streams.out();
    Registry<ServerSelector> selectors = ServerSelectors.registry();
    Registry<HashAlgorithm> hashes = HashAlgorithms.registry();

    out.println("Selectors (" + selectors.all().size() + ")");
    for (ServerSelector selector : selectors.all()) {
      out.println();
      out.println(selector.name() + "  " + selectors.source(selector));
      out.println("  class:   " + selector.getClass().getName());
      List<String> profiles = selector.compatProfiles();
      out.println("  compat:  " + (profiles.isEmpty() ? "(none)" : String.join(", ", profiles)));
      Map<String, String> options = selector.options();
      if (options.isEmpty()) {
        out.println("  options: (none)");
      } else {
        out.println("  options:");
        int width = options.keySet().stream().mapToInt(String::length).max().orElse(0);
        options.forEach(
            (key, text) ->
                out.println("    " + key + " ".repeat(width - key.length()) + "  " + text));
      }
      out.println("  traits of a ring of " + TRAIT_SERVERS.size() + " servers of weight 1:");
      List<String> labels = new ArrayList<>();
      List<Map<String, String>> optionMaps = new ArrayList<>();
      if (profiles.isEmpty()) {
        labels.add("(default options)");
        optionMaps.add(Map.of());
      } else {
        for (String profile : profiles) {
          labels.add("compat=" + profile);
          optionMaps.add(Map.of("compat", profile));
        }
      }
      int width = labels.stream().mapToInt(String::length).max().orElse(0);
      for (int i = 0; i < labels.size(); i++) {
        out.println(
            "    "
                + labels.get(i)
                + " ".repeat(width - labels.get(i).length())
                + "  "
                + traits(selector, optionMaps.get(i)));
      }
    }

    out.println();
    out.println("Hash algorithms (" + hashes.all().size() + ")");
    TextTable table = new TextTable("name", "bits", "aliases", "class", "jar");
    table.alignRight(1);
    for (HashAlgorithm algorithm : hashes.all()) {
      table.row(
          algorithm.name(),
          Integer.toString(algorithm.bits()),
          algorithm.aliases().isEmpty()
              ? "-"
              : String.join(", ", new TreeSet<>(algorithm.aliases())),
          algorithm.getClass().getName(),
          hashes.source(algorithm));
    }
    table.print(out);

    List<ProviderProblem> problems = new ArrayList<>(selectors.problems());
    problems.addAll(hashes.problems());
    out.println();
    if (problems.isEmpty()) {
      out.println("Provider problems: none");
    } else {
      out.println("PROVIDER PROBLEMS (" + problems.size() + "): these providers cannot be used");
      for (ProviderProblem problem : problems) {
        out.println("  " + problem);
      }
      streams
          .err()
          .println(
              "hashring list: WARNING: "
                  + problems.size()
                  + " provider"
                  + (problems.size() == 1 ? "" : "s")
                  + " could not be used: "
                  + problems.stream()
                      .map(ProviderProblem::toString)
                      .collect(Collectors.joining("; ")));
    }
    out.flush();
    return 0;
  }

  /** The traits of a small equal-weight ring, or why it cannot be built. */
  private static String traits(ServerSelector selector, Map<String, String> options) {
    try {
      Ring ring = selector.ring(TRAIT_SERVERS, options);
      if (ring.traits().isEmpty()) {
        return "(no traits)";
      }
      return ring.traits().stream().sorted().map(Trait::name).collect(Collectors.joining(", "));
    } catch (RuntimeException refused) {
      return "cannot build this ring: " + refused.getMessage();
    }
  }
}
