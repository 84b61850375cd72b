package dev.hashring.cli;

import dev.hashring.tck.TckReport;
import dev.hashring.tck.TckRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hashring tck}: checks the selectors and hash algorithms of provider jars against every
 * rule of the TCK, with {@link TckRunner}, and prints a line per rule. Exits with 0 only when every
 * rule that applies passed and every provider loaded.
 */
@Command(
    name = "tck",
    mixinStandardHelpOptions = true,
    description = {
      "Checks the providers of a jar against every rule of the TCK.",
      "",
      "Checks the selectors and hash algorithms of provider jars against every rule of the TCK"
          + " (docs/TCK.md) and prints a line per rule: passed, FAILED with what to check, or"
          + " skipped with the reason.",
      "Exit status 0 only when every rule that applies passes; 1 when one fails; 2 for bad"
          + " arguments. A provider that loops fails its rule after the time limit; it cannot hang"
          + " the command.",
      "",
      "Example:",
      "  hashring tck --jar acme-ring.jar --selector acme --option compat=native"
    })
final class TckCommand implements Callable<Integer> {

  private final StandardStreams streams;

  @Option(
      names = "--jar",
      required = true,
      paramLabel = "FILE",
      description =
          "A jar of providers (META-INF/services); repeatable, for a jar and its"
              + " dependencies.")
  private List<Path> jars;

  @Option(
      names = "--selector",
      paramLabel = "NAME",
      description = "Check only the selector of this name.")
  private String selectorName;

  @Option(
      names = "--hash",
      paramLabel = "NAME",
      description = "Check only the hash algorithm of this name.")
  private String hashName;

  @Option(
      names = "--option",
      paramLabel = "KEY=VALUE",
      description = "An option given to every selector checked; repeatable.")
  private List<String> optionPairs;

  @Option(
      names = "--time-limit",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description =
          "How long one rule may take for one provider before it fails as hanging"
              + " (default: ${DEFAULT-VALUE}).")
  private long timeLimitSeconds;

  TckCommand(StandardStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() {
    if (timeLimitSeconds < 1) {
      throw CommandFailure.badInput("--time-limit must be at least 1 second: " + timeLimitSeconds);
    }
    Map<String, String> options = SelectorOptions.parse(optionPairs);
    TckRunner runner =
        TckRunner.forJars(jars).options(options).timeLimit(Duration.ofSeconds(timeLimitSeconds));
    if (selectorName != null) {
      runner = runner.selector(selectorName);
    }
    if (hashName != null) {
      runner = runner.hash(hashName);
    }
    TckReport report = runner.run();
    streams.out().print(report.text());
    streams.out().flush();
    return report.passed() ? 0 : CommandFailure.CHECK_FAILED;
  }
}
