package dev.hashring.tck;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Run by {@link TckRunnerTest} in a JVM of its own: checks the jars named on the command line and
 * prints the report. It returns normally, so that JVM exits only if the TCK left no thread that
 * keeps it alive.
 */
public final class RunTckOnJars {

  private RunTckOnJars() {}

  /**
   * Checks jars.
   *
   * @param args the time limit per rule in milliseconds, then the jar files
   */
  public static void main(String[] args) {
    List<Path> jars = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      jars.add(Path.of(args[i]));
    }
    TckReport report =
        TckRunner.forJars(jars).timeLimit(Duration.ofMillis(Long.parseLong(args[0]))).run();
    System.out.print(report.text());
    System.out.flush();
  }
}
