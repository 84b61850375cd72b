package dev.hashring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HashringCommandTest {

  @Test
  void version_namesTheReleaseAndTheJava() {
    CommandRun run = CommandRun.of("--version");
    assertThat(run.status()).isZero();
    assertThat(run.out())
        .startsWith(
            "hashring " + VersionText.release() + "\nJava " + System.getProperty("java.version"));
    assertThat(VersionText.release()).matches("[0-9]+\\.[0-9]+\\.[0-9]+(-SNAPSHOT)?");
  }

  @Test
  void help_listsEveryCommand() {
    CommandRun run = CommandRun.of("--help");
    assertThat(run.status()).isZero();
    assertThat(run.out())
        .contains("Usage: hashring [-hV] [--debug] COMMAND")
        .containsPattern("\n  simulate +Adds or removes servers")
        .containsPattern("\n  locate +Prints the server of each key read")
        .containsPattern("\n  diff +Shows the share of keys that moves")
        .containsPattern("\n  list +Lists the selectors and hash algorithms")
        .containsPattern("\n  tck +Checks the providers of a jar");
  }

  @Test
  void everyCommand_hasHelp() {
    for (String command : new String[] {"simulate", "locate", "diff", "list", "tck"}) {
      CommandRun run = CommandRun.of(command, "--help");
      assertThat(run.status()).as(command).isZero();
      assertThat(run.out()).as(command).startsWith("Usage: hashring " + command);
      CommandRun viaHelp = CommandRun.of("help", command);
      assertThat(viaHelp.out()).as(command).isEqualTo(run.out());
    }
    assertThat(CommandRun.of("locate", "--help").out())
        .contains("  printf 'user:1%nuser:2%n' | hashring locate --selector ketama \\\n");
  }

  @Test
  void noCommand_isAUsageError() {
    CommandRun run = CommandRun.of();
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            "hashring: a COMMAND is needed: simulate, locate, diff, list, tck or help\n\n"
                + "Usage: hashring");
  }

  @Test
  void unknownCommandOrOption_isAUsageError() {
    CommandRun command = CommandRun.of("simulat");
    assertThat(command.status()).isEqualTo(2);
    assertThat(command.err()).startsWith("hashring: Unmatched argument at index 0: 'simulat'");
    CommandRun option = CommandRun.of("simulate", "--keyz", "5");
    assertThat(option.status()).isEqualTo(2);
    assertThat(option.err())
        .startsWith("hashring simulate: Unknown options: '--keyz', '5'")
        .contains("Run 'hashring simulate --help' for its options.");
    CommandRun notANumber = CommandRun.of("simulate", "--keys", "many");
    assertThat(notANumber.status()).isEqualTo(2);
    assertThat(notANumber.err())
        .startsWith("hashring simulate: Invalid value for option '--keys': 'many' is not a long");
  }

  @Test
  void errors_haveNoStackTrace_unlessDebug() {
    CommandRun plain = CommandRun.of("locate", "--selector", "nope", "--servers", "10.0.0.1:11211");
    assertThat(plain.status()).isEqualTo(2);
    assertThat(plain.err()).doesNotContain("\tat ").hasLineCount(1);

    CommandRun debug =
        CommandRun.of("locate", "--debug", "--selector", "nope", "--servers", "10.0.0.1:11211");
    assertThat(debug.status()).isEqualTo(2);
    assertThat(debug.err())
        .startsWith("hashring locate: no ServerSelector named 'nope'")
        .contains("java.lang.IllegalArgumentException: no ServerSelector named 'nope'")
        .contains("\tat dev.hashring.cli.LocateCommand.call(");
  }
}
