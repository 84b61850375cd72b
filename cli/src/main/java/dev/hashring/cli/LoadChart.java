package dev.hashring.cli;

import dev.hashring.Server;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The chart of {@code simulate --plot FILE}: a band per selector, with each server's keys over its
 * fair share before (grey) and after (blue) the change, and a bar of the keys that stayed, moved to
 * or from changed servers, and moved between kept servers, with the ideal marked.
 */
final class LoadChart {

  /** The file formats, chosen by the file name's extension. */
  enum Format {
    SVG,
    PNG;

    /**
     * The format of {@code file}.
     *
     * @throws CommandFailure if the name ends in neither {@code .svg} nor {@code .png}
     */
    static Format of(Path file) {
      String name = file.getFileName() == null ? "" : file.getFileName().toString();
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".svg")) {
        return SVG;
      }
      if (lower.endsWith(".png")) {
        return PNG;
      }
      throw CommandFailure.badInput(
          "--plot: the file name must end in .svg or .png, which say the format: '" + file + "'");
    }
  }

  private static final int WIDTH = 960;
  private static final int TOP = 70;
  private static final int ROW = 96;
  private static final int LABEL_RIGHT = 200;
  private static final int LOAD_LEFT = 210;
  private static final int LOAD_RIGHT = 680;
  private static final int MOVE_LEFT = 710;
  private static final int MOVE_RIGHT = 940;
  private static final double MAX_RATIO = 2.0;

  private static final String BEFORE = "#9e9e9e";
  private static final String AFTER = "#3b6fb6";
  private static final String STAYED = "#4caf50";
  private static final String MOVED = "#f0a030";
  private static final String MOVED_AMONG_KEPT = "#d32f2f";
  private static final String INK = "#222222";
  private static final String FAINT = "#cccccc";

  private LoadChart() {}

  /**
   * Draws the results and writes the file.
   *
   * @throws CommandFailure if the file name has no known extension or cannot be written
   */
  static void write(Path file, Scenario scenario, long keys, List<ChangeResult> results) {
    Format format = Format.of(file);
    int height = TOP + ROW * Math.max(1, results.size()) + 20;
    ChartCanvas canvas =
        format == Format.SVG ? new SvgCanvas(WIDTH, height) : new PngCanvas(WIDTH, height);
    draw(canvas, scenario, keys, results);
    try {
      Files.write(file, canvas.bytes());
    } catch (IOException e) {
      throw CommandFailure.badInput("--plot: cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static void draw(ChartCanvas canvas, Scenario scenario, long keys, List<ChangeResult> results) {
    StringBuilder title = new StringBuilder("hashring simulate: ");
    title.append(String.format(Locale.ROOT, "%,d", keys)).append(" keys, ");
    title.append(scenario.before().size()).append(" servers");
    if (!scenario.removed().isEmpty()) {
      title.append(", ").append(scenario.removed().size()).append(" removed");
    }
    if (!scenario.added().isEmpty()) {
      title.append(", ").append(scenario.added().size()).append(" added");
    }
    canvas.text(10, 22, title.toString(), 15, true, ChartCanvas.Anchor.START, INK);

    double y = 44;
    legend(canvas, LOAD_LEFT, y, BEFORE, "keys before / fair share");
    legend(canvas, LOAD_LEFT + 170, y, AFTER, "after");
    canvas.line(LOAD_LEFT + 240, y - 4, LOAD_LEFT + 262, y - 4, INK, true);
    canvas.text(LOAD_LEFT + 266, y, "fair share", 11, false, ChartCanvas.Anchor.START, INK);
    legend(canvas, MOVE_LEFT, y, STAYED, "stayed");
    legend(canvas, MOVE_LEFT + 64, y, MOVED, "moved");
    legend(canvas, MOVE_LEFT + 128, y, MOVED_AMONG_KEPT, "kept->kept");
    canvas.line(MOVE_LEFT + 5, y + 4, MOVE_LEFT + 5, y + 16, INK, false);
    canvas.text(MOVE_LEFT + 14, y + 15, "ideal", 11, false, ChartCanvas.Anchor.START, INK);

    List<String> addresses = addresses(scenario);
    for (int i = 0; i < results.size(); i++) {
      row(canvas, TOP + i * ROW, scenario, addresses, results.get(i));
    }
  }

  private static void legend(ChartCanvas canvas, double x, double y, String colour, String text) {
    canvas.rect(x, y - 9, 10, 10, colour);
    canvas.text(x + 14, y, text, 11, false, ChartCanvas.Anchor.START, INK);
  }

  /** Every address, those before the change first, then the added ones. */
  private static List<String> addresses(Scenario scenario) {
    List<String> addresses = new ArrayList<>();
    scenario.before().forEach(server -> addresses.add(server.address()));
    scenario.added().forEach(server -> addresses.add(server.address()));
    return addresses;
  }

  private static void row(
      ChartCanvas canvas,
      double top,
      Scenario scenario,
      List<String> addresses,
      ChangeResult result) {
    Configuration configuration = result.configuration();
    canvas.line(10, top, WIDTH - 10, top, FAINT, false);
    canvas.text(
        10, top + 24, configuration.selector().name(), 14, true, ChartCanvas.Anchor.START, INK);
    canvas.text(10, top + 42, configuration.optionText(), 11, false, ChartCanvas.Anchor.START, INK);
    if (result.isRefused()) {
      String message = "refused: " + result.refusal();
      if (message.length() > 110) {
        message = message.substring(0, 107) + "...";
      }
      canvas.text(LOAD_LEFT, top + 42, message, 11, false, ChartCanvas.Anchor.START, INK);
      return;
    }

    double panelTop = top + 10;
    double panelHeight = ROW - 26;
    double baseline = panelTop + panelHeight;
    Map<String, Double> before = ratios(result.before(), scenario.before());
    Map<String, Double> after = ratios(result.after(), scenario.after());
    double slot = (LOAD_RIGHT - LOAD_LEFT) / (double) addresses.size();
    double bar = Math.max(0.5, slot * 0.4);
    for (int i = 0; i < addresses.size(); i++) {
      double x = LOAD_LEFT + i * slot + slot * 0.1;
      Double was = before.get(addresses.get(i));
      Double now = after.get(addresses.get(i));
      if (was != null) {
        double h = Math.min(was, MAX_RATIO) / MAX_RATIO * panelHeight;
        canvas.rect(x, baseline - h, bar, h, BEFORE);
      }
      if (now != null) {
        double h = Math.min(now, MAX_RATIO) / MAX_RATIO * panelHeight;
        canvas.rect(x + bar, baseline - h, bar, h, AFTER);
      }
    }
    canvas.line(LOAD_LEFT, baseline, LOAD_RIGHT, baseline, INK, false);
    double fair = baseline - panelHeight / MAX_RATIO;
    canvas.line(LOAD_LEFT, fair, LOAD_RIGHT, fair, INK, true);

    double barTop = top + 20;
    double barHeight = 22;
    double width = MOVE_RIGHT - MOVE_LEFT;
    double stayed = result.stayedShare();
    double amongKept = result.movedAmongKeptShare();
    double moved = Math.max(0, 1 - stayed - amongKept);
    canvas.rect(MOVE_LEFT, barTop, width * stayed, barHeight, STAYED);
    canvas.rect(MOVE_LEFT + width * stayed, barTop, width * moved, barHeight, MOVED);
    canvas.rect(
        MOVE_LEFT + width * (stayed + moved),
        barTop,
        width * amongKept,
        barHeight,
        MOVED_AMONG_KEPT);
    double ideal = MOVE_LEFT + width * scenario.idealStay();
    canvas.line(ideal, barTop - 5, ideal, barTop + barHeight + 5, INK, false);
    canvas.text(
        MOVE_LEFT,
        barTop + barHeight + 15,
        String.format(
            Locale.ROOT, "stayed %.1f%% (ideal %.1f%%)", stayed * 100, scenario.idealStay() * 100),
        11,
        false,
        ChartCanvas.Anchor.START,
        INK);
    canvas.text(
        MOVE_LEFT,
        barTop + barHeight + 29,
        String.format(Locale.ROOT, "kept->kept %.1f%%", amongKept * 100),
        11,
        false,
        ChartCanvas.Anchor.START,
        INK);
  }

  /** Each address's keys over its fair share by weight. */
  private static Map<String, Double> ratios(long[] counts, List<Server> servers) {
    long keys = 0;
    double weight = 0;
    for (int i = 0; i < counts.length; i++) {
      keys += counts[i];
      weight += servers.get(i).weight();
    }
    Map<String, Double> ratios = new LinkedHashMap<>();
    for (int i = 0; i < counts.length; i++) {
      double fair = keys * servers.get(i).weight() / weight;
      ratios.put(servers.get(i).address(), fair == 0 ? 0 : counts[i] / fair);
    }
    return ratios;
  }
}
