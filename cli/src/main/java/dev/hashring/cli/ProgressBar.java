package dev.hashring.cli;

import java.io.PrintStream;

/**
 * A progress bar on standard error for long runs: drawn only when standard error is a terminal and
 * only once a run has taken more than a second, redrawn at most ten times a second, and erased when
 * done, so that short runs and redirected output never see it.
 */
final class ProgressBar {

  private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final int WIDTH = 30;

  private final PrintStream err;
  private final boolean enabled;
  private final long total;
  private final long started = System.nanoTime();
  private long done;
  private long drawn;
  private String label = "";
  private boolean visible;

  private ProgressBar(PrintStream err, boolean enabled, long total) {
    this.err = err;
    this.enabled = enabled && total > 0;
    this.total = total;
  }

  /** A bar for {@code total} units of work, drawn on {@code streams.err()} if it is a terminal. */
  static ProgressBar of(StandardStreams streams, long total) {
    return new ProgressBar(streams.err(), streams.errIsTerminal(), total);
  }

  /** A bar that never draws. */
  static ProgressBar none() {
    return new ProgressBar(System.err, false, 0);
  }

  /** What is being done now, shown after the bar. */
  void label(String text) {
    this.label = text;
  }

  /** Counts {@code units} more done. */
  void advance(long units) {
    done += units;
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - started < SHOW_AFTER_NANOS || now - drawn < REDRAW_NANOS) {
      return;
    }
    drawn = now;
    double fraction = Math.min(1.0, done / (double) total);
    int filled = (int) Math.round(fraction * WIDTH);
    String line =
        String.format(
            "\r[%s%s] %3d%% %s",
            "#".repeat(filled), " ".repeat(WIDTH - filled), Math.round(fraction * 100), label);
    err.print(line.length() > 79 ? line.substring(0, 79) : line);
    err.print("\033[K");
    err.flush();
    visible = true;
  }

  /** Erases the bar, if it was drawn. */
  void finish() {
    if (visible) {
      err.print("\r\033[K");
      err.flush();
      visible = false;
    }
  }
}
