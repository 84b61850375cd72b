package dev.hashring.cli;

import dev.hashring.Server;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The text {@code hashring simulate} prints: the scenario, a table, and what the columns mean. */
final class SimulationReport {

  private SimulationReport() {}

  /** The report of an in-process run. */
  static void print(
      PrintStream out,
      Scenario scenario,
      long keys,
      long seed,
      List<ChangeResult> results,
      long timingMillis) {
    header(out, scenario, keys, seed);
    TextTable table =
        new TextTable(
            "selector",
            "options",
            "stayed",
            "ideal",
            "kept->kept",
            "max before",
            "sd before",
            "max after",
            "sd after",
            "lookups/s");
    for (int column = 2; column <= 9; column++) {
      table.alignRight(column);
    }
    String ideal = percent(scenario.idealStay());
    StringBuilder refusals = new StringBuilder();
    for (ChangeResult result : results) {
      Configuration configuration = result.configuration();
      if (result.isRefused()) {
        table.row(configuration.selector().name(), configuration.optionText(), "refused");
        refusals
            .append("  ")
            .append(configuration.label())
            .append(": ")
            .append(result.refusal())
            .append('\n');
        continue;
      }
      LoadSpread before = LoadSpread.of(result.before(), scenario.before());
      LoadSpread after = LoadSpread.of(result.after(), scenario.after());
      table.row(
          configuration.selector().name(),
          configuration.optionText(),
          percent(result.stayedShare()),
          ideal,
          percent(result.movedAmongKeptShare()),
          ratio(before.maxOverFair()),
          percent(before.deviation()),
          ratio(after.maxOverFair()),
          percent(after.deviation()),
          rate(result.lookupsPerSecond()));
    }
    out.println();
    table.print(out);
    if (refusals.length() > 0) {
      out.println();
      out.println("Refused (the selector does not accept these servers or options):");
      out.print(refusals);
    }
    out.println();
    out.println("stayed      keys on the same server after the change");
    out.println(
        "ideal       the most that can stay when every server gets its fair share by weight");
    out.println(
        "kept->kept  keys that moved between two servers that were there before and after"
            + " (0 for minimal disruption)");
    out.println(
        "max         the fullest server's keys over its fair share by weight (1.00 is even)");
    out.println("sd          standard deviation of the servers' keys over their fair share");
    if (timingMillis > 0) {
      out.println(
          "lookups/s   primary(byte[]) on the ring after the change, one thread, "
              + String.format(Locale.ROOT, "%,d", Math.min(keys, ChangeMeasurement.TIMED_KEYS))
              + " distinct keys, after a warm-up; a rough figure (see bench for JMH)");
    }
  }

  /** The report of a live run. */
  static void printLive(
      PrintStream out,
      Scenario scenario,
      long keys,
      long seed,
      List<LiveChange.Result> results,
      boolean local) {
    out.println(
        "Live, through the spymemcached transport, on "
            + (local ? "local memcached processes started for this run" : "the servers given"));
    header(out, scenario, keys, seed);
    TextTable table = new TextTable("selector", "options", "stored", "found", "predicted", "ideal");
    for (int column = 2; column <= 5; column++) {
      table.alignRight(column);
    }
    String ideal = percent(scenario.idealStay());
    StringBuilder notes = new StringBuilder();
    for (LiveChange.Result result : results) {
      Configuration configuration = result.configuration();
      if (result.refusal() != null) {
        table.row(configuration.selector().name(), configuration.optionText(), "refused");
        notes.append("  ").append(configuration.label()).append(": ");
        notes.append(result.refusal()).append('\n');
        continue;
      }
      table.row(
          configuration.selector().name(),
          configuration.optionText(),
          percent(result.stored() / (double) result.keys()),
          percent(result.found() / (double) result.keys()),
          percent(result.predicted() / (double) result.keys()),
          ideal);
      if (result.stored() < result.keys()) {
        notes.append("  ").append(configuration.label()).append(": only ");
        notes.append(result.stored()).append(" of ").append(result.keys());
        notes.append(" keys were stored; is every server up?\n");
      }
    }
    out.println();
    table.print(out);
    if (notes.length() > 0) {
      out.println();
      out.print(notes);
    }
    out.println();
    out.println("stored     keys the servers confirmed storing before the change");
    out.println("found      keys read back after the change, by the same client");
    out.println("predicted  keys whose server is the same after the change, computed in process");
    out.println("ideal      the most that can stay when every server gets its fair share");
  }

  private static void header(PrintStream out, Scenario scenario, long keys, long seed) {
    out.println(
        String.format(Locale.ROOT, "%,d", keys)
            + " random keys (seed "
            + seed
            + ") on "
            + servers(scenario.before()));
    if (!scenario.removed().isEmpty()) {
      out.println("removed " + servers(scenario.removed()));
    }
    if (!scenario.added().isEmpty()) {
      out.println("added   " + servers(scenario.added()));
    }
    String fraction = scenario.idealFraction();
    out.println(
        "ideal   "
            + (fraction.isEmpty() ? "" : fraction + " = ")
            + percent(scenario.idealStay())
            + " of keys stay on their server");
  }

  /** {@code 8 servers: a, b, c, ..., h}: every server up to ten, else the first and last few. */
  static String servers(List<Server> servers) {
    StringBuilder text = new StringBuilder();
    text.append(servers.size()).append(servers.size() == 1 ? " server: " : " servers: ");
    if (servers.size() <= 10) {
      text.append(ServerListText.format(servers).replace(",", ", "));
    } else {
      text.append(ServerListText.format(servers.subList(0, 3)).replace(",", ", "));
      text.append(", ..., ");
      text.append(
          ServerListText.format(servers.subList(servers.size() - 2, servers.size()))
              .replace(",", ", "));
    }
    return text.toString();
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  private static String ratio(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** Formats a rate such as {@code 12.3 M}. */
  static String rate(double perSecond) {
    if (perSecond <= 0) {
      return "-";
    }
    if (perSecond >= 1e6) {
      return String.format(Locale.ROOT, "%.1f M", perSecond / 1e6);
    }
    return String.format(Locale.ROOT, "%.0f k", perSecond / 1e3);
  }
}
