package dev.hashring.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * One run of the {@code hashring} command in this JVM, through picocli, with captured streams.
 *
 * @param status the exit status
 * @param outBytes what the command wrote to standard output
 * @param err what it wrote to standard error
 */
record CommandRun(int status, byte[] outBytes, String err) {

  /** Runs the command with empty standard input. */
  static CommandRun of(String... args) {
    return withInput(new byte[0], args);
  }

  /** Runs the command with {@code input} as standard input. */
  static CommandRun withInput(byte[] input, String... args) {
    return withInput(new ByteArrayInputStream(input), args);
  }

  /** Runs the command reading standard input from {@code input}. */
  static CommandRun withInput(InputStream input, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream outStream = new PrintStream(out, false, UTF_8);
    PrintStream errStream = new PrintStream(err, true, UTF_8);
    int status =
        HashringCommand.execute(new StandardStreams(input, outStream, errStream, false), args);
    outStream.flush();
    errStream.flush();
    return new CommandRun(status, out.toByteArray(), err.toString(UTF_8));
  }

  /** Standard output as UTF-8 text. */
  String out() {
    return new String(outBytes, UTF_8);
  }

  @Override
  public String toString() {
    return "exit status " + status + "\n--- stdout:\n" + out() + "\n--- stderr:\n" + err;
  }
}
