package dev.hashring.cli;

/**
 * Ends a command with a message on standard error and an exit status: 2 for a usage or input error,
 * 1 for a check that failed.
 */
final class CommandFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Exit status of a usage or input error. */
  static final int BAD_INPUT = 2;

  /** Exit status of a check that failed. */
  static final int CHECK_FAILED = 1;

  private final int exitCode;

  private CommandFailure(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** A usage or input error: a bad argument, an unreadable file, an option a selector refuses. */
  static CommandFailure badInput(String message) {
    return new CommandFailure(BAD_INPUT, message, null);
  }

  /** A usage or input error caused by {@code cause}. */
  static CommandFailure badInput(String message, Throwable cause) {
    return new CommandFailure(BAD_INPUT, message, cause);
  }

  /** A check that ran and failed, such as a TCK rule. */
  static CommandFailure checkFailed(String message) {
    return new CommandFailure(CHECK_FAILED, message, null);
  }

  int exitCode() {
    return exitCode;
  }
}
