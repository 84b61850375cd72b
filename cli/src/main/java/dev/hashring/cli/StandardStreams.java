package dev.hashring.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Objects;

/**
 * Where a command reads and writes: standard input, output and error, or streams a test supplies.
 * Text is UTF-8 whatever the platform's default, because keys are.
 *
 * @param in where {@code locate} reads keys when no file is given
 * @param out the command's output
 * @param err messages, warnings and the progress bar
 * @param errIsTerminal whether {@code err} is a terminal, so that a progress bar may be drawn
 */
record StandardStreams(InputStream in, PrintStream out, PrintStream err, boolean errIsTerminal) {

  /** Checks the parts. */
  StandardStreams {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
  }

  /**
   * The process's own streams. Java cannot tell whether standard error is a terminal; the {@code
   * hashring} script can, and says so in {@code HASHRING_STDERR_TERMINAL}. Without the script a
   * console (standard input and output on a terminal) is taken to mean yes.
   */
  static StandardStreams system() {
    String told = System.getenv("HASHRING_STDERR_TERMINAL");
    boolean terminal = told != null ? told.equals("1") : System.console() != null;
    return new StandardStreams(
        new FileInputStream(FileDescriptor.in),
        new PrintStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
            false,
            UTF_8),
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, UTF_8),
        terminal);
  }
}
