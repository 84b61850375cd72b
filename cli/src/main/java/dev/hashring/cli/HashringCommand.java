package dev.hashring.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code hashring} command: which memcached server holds a key, what a change of servers costs,
 * and whether a provider jar conforms. Its subcommands are {@code simulate}, {@code locate}, {@code
 * diff}, {@code list} and {@code tck}.
 *
 * <p>Exit status: 0 when the command did its job, 1 when a check failed (a TCK rule, for example),
 * 2 for a usage or input error. Errors are one message on standard error; {@code --debug} adds the
 * stack trace.
 */
@Command(
    name = "hashring",
    mixinStandardHelpOptions = true,
    versionProvider = VersionText.class,
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "Which memcached server holds a key, for every distribution algorithm and memcached client.",
      "",
      "Start with:  hashring simulate"
    },
    footer = {
      "",
      "Run 'hashring COMMAND --help' for the options of a command.",
      "Exit status: 0 done, 1 a check failed, 2 a usage or input error."
    })
public final class HashringCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "On an error, print the stack trace too.")
  private boolean debug;

  private HashringCommand() {}

  /**
   * Runs the command with the process's standard streams and exits with its status.
   *
   * @param args the command line, such as {@code simulate --keys 10000}
   */
  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    // Warnings the library logs (a provider that failed to load, weights a profile ignores) as
    // one line each, "WARNING: ...", rather than java.util.logging's two with a time stamp.
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
    }
    StandardStreams streams = StandardStreams.system();
    int status = execute(streams, args);
    streams.out().flush();
    streams.err().flush();
    System.exit(status);
  }

  /**
   * Runs the command with the given streams.
   *
   * @return the exit status
   */
  static int execute(StandardStreams streams, String... args) {
    try {
      return commandLine(streams).execute(args);
    } catch (Error broken) {
      // picocli handles exceptions; an Error (a class missing from the jar, no memory left)
      // still gets one line rather than a trace, unless --debug asks for it.
      streams.err().println("hashring: internal error: " + broken);
      if (java.util.Arrays.asList(args).contains("--debug")) {
        broken.printStackTrace(streams.err());
      } else {
        streams.err().println("Run again with --debug for the stack trace.");
      }
      streams.err().flush();
      return CommandFailure.CHECK_FAILED;
    }
  }

  /** The command line with every subcommand, writing to {@code streams}. */
  static CommandLine commandLine(StandardStreams streams) {
    HashringCommand top = new HashringCommand();
    CommandLine line = new CommandLine(top);
    line.addSubcommand(new SimulateCommand(streams));
    line.addSubcommand(new LocateCommand(streams));
    line.addSubcommand(new DiffCommand(streams));
    line.addSubcommand(new ListCommand(streams));
    line.addSubcommand(new TckCommand(streams));
    line.addSubcommand(new CommandLine.HelpCommand());
    line.setOut(new PrintWriter(new java.io.OutputStreamWriter(streams.out(), UTF_8), true));
    line.setErr(new PrintWriter(new java.io.OutputStreamWriter(streams.err(), UTF_8), true));
    line.setParameterExceptionHandler(HashringCommand::usageError);
    line.setExecutionExceptionHandler(
        (error, failed, parsed) -> failure(error, failed, parsed, top.debug));
    return line;
  }

  @Override
  public void run() {
    // 'hashring' alone: say what there is, as --help does, and count it as a usage error.
    throw new ParameterException(
        spec.commandLine(), "a COMMAND is needed: simulate, locate, diff, list, tck or help");
  }

  /** A command line picocli could not read: the problem, then how to get help. */
  private static int usageError(ParameterException error, String[] args) {
    CommandLine failed = error.getCommandLine();
    PrintWriter err = failed.getErr();
    String name = failed.getCommandSpec().qualifiedName();
    err.println(name + ": " + error.getMessage());
    if (failed.getCommandSpec().subcommands().isEmpty()) {
      err.println("Run '" + name + " --help' for its options.");
    } else {
      err.println();
      failed.usage(err);
    }
    err.flush();
    return CommandFailure.BAD_INPUT;
  }

  /** An exception from a command: a message for what the user can fix, a trace for the rest. */
  private static int failure(
      Exception error, CommandLine failed, ParseResult parsed, boolean debug) {
    PrintWriter err = failed.getErr();
    String name = failed.getCommandSpec().qualifiedName();
    int status;
    if (error instanceof CommandFailure) {
      status = ((CommandFailure) error).exitCode();
      err.println(name + ": " + error.getMessage());
    } else if (error instanceof IllegalArgumentException) {
      // The library's answer to input it refuses: an unknown selector, a bad option, a bad list.
      status = CommandFailure.BAD_INPUT;
      err.println(name + ": " + error.getMessage());
    } else {
      status = CommandFailure.CHECK_FAILED;
      err.println(name + ": unexpected error: " + error);
      if (!debug) {
        err.println("Run again with --debug for the stack trace.");
      }
    }
    if (debug) {
      StringWriter trace = new StringWriter();
      error.printStackTrace(new PrintWriter(trace));
      err.print(trace);
    }
    err.flush();
    return status;
  }
}
