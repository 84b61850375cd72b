package dev.hashring.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.Ring;
import dev.hashring.ServerSelectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code ./hashring} script itself, run as a user runs it, once the jar is built (Failsafe runs
 * this after {@code package}). {@code HASHRING_NO_BUILD=1} makes the script fail rather than start
 * Maven inside Maven if the jar were stale.
 */
class HashringScriptIT {

  /**
   * The documents whose {@code sh} blocks' {@code ./hashring} commands must work as written; those
   * that do not exist are skipped.
   */
  static final List<String> DOCUMENTS = List.of("README.md", "docs/CLI.md");

  private static final Pattern SH_BLOCK =
      Pattern.compile("(?m)^```sh[ \\t]*\\n(.*?)^```[ \\t]*$", Pattern.DOTALL);

  /** What a process did. */
  record Result(int status, String out, String err) {}

  static Result run(Path directory, String input, List<String> command) throws Exception {
    Path out = Files.createTempFile("hashring-out", ".txt");
    Path err = Files.createTempFile("hashring-err", ".txt");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().put("HASHRING_NO_BUILD", "1");
      Process process = builder.start();
      process.getOutputStream().write(input.getBytes(UTF_8));
      process.getOutputStream().close();
      if (!process.waitFor(180, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(command + " did not finish within 180 s");
      }
      return new Result(
          process.exitValue(), Files.readString(out, UTF_8), Files.readString(err, UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  @Test
  void script_runsFromAnyDirectory_andLocatesAsTheLibraryDoes(@TempDir Path elsewhere)
      throws Exception {
    Path script = RepositoryFiles.root().resolve("hashring");
    String servers = "10.0.0.1:11211,10.0.0.2:11211:3,10.0.0.3:11212";
    Result result =
        run(
            elsewhere,
            "user:1\nuser:2\nфото:3\n",
            List.of(
                script.toString(),
                "locate",
                "--selector",
                "ketama",
                "--option",
                "compat=twemproxy",
                "--servers",
                servers));

    Ring ring =
        ServerSelectors.forName("ketama")
            .ring(ServerListText.parse("--servers", servers), Map.of("compat", "twemproxy"));
    assertThat(result.err()).as("stderr (no build expected)").isEmpty();
    assertThat(result.status()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "user:1\t"
                + ring.primary("user:1").address()
                + "\n"
                + "user:2\t"
                + ring.primary("user:2").address()
                + "\n"
                + "фото:3\t"
                + ring.primary("фото:3").address()
                + "\n");
  }

  @Test
  void script_passesTheExitStatusThrough(@TempDir Path elsewhere) throws Exception {
    Path script = RepositoryFiles.root().resolve("hashring");
    Result version = run(elsewhere, "", List.of(script.toString(), "--version"));
    assertThat(version.status()).isZero();
    assertThat(version.out()).startsWith("hashring " + VersionText.release() + "\n");

    Result error = run(elsewhere, "", List.of(script.toString(), "list", "--nope"));
    assertThat(error.status()).isEqualTo(2);
    assertThat(error.err()).startsWith("hashring list: Unknown option: '--nope'");
  }

  /** Every distinct {@code ./hashring} command line of the documents' {@code sh} blocks. */
  static Stream<String> documentedCommands() throws IOException {
    Set<String> commands = new LinkedHashSet<>();
    for (String document : DOCUMENTS) {
      Path file = RepositoryFiles.root().resolve(document);
      if (!Files.isRegularFile(file)) {
        continue;
      }
      String text = Files.readString(file, UTF_8);
      Matcher block = SH_BLOCK.matcher(text);
      while (block.find()) {
        for (String line : block.group(1).split("\n")) {
          if (line.contains("./hashring")) {
            commands.add(line.strip());
          }
        }
      }
    }
    return commands.stream();
  }

  @Test
  void theDocumentsShowCommands() throws IOException {
    assertThat(
            documentedCommands()
                .map(command -> command.substring(command.indexOf("./hashring ") + 11))
                .map(arguments -> arguments.split(" ")[0])
                .collect(Collectors.toSet()))
        .contains("simulate", "locate", "diff", "list", "tck");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documentedCommands")
  void documentedCommand_worksAsWritten(String command) throws Exception {
    Path root = RepositoryFiles.root();
    Set<Path> before = entries(root);
    try {
      Result result = run(root, "", List.of("bash", "-c", command));
      assertThat(result.status())
          .as("%s%n--- stdout:%n%s%n--- stderr:%n%s", command, result.out(), result.err())
          .isZero();
      assertThat(result.out()).isNotBlank();
    } finally {
      // A command may write a file where it runs (--plot simulate.svg): leave the tree as it was,
      // deleting only new files that the command itself names.
      for (Path created : entries(root)) {
        if (!before.contains(created)
            && Files.isRegularFile(created)
            && command.contains(" " + created.getFileName())) {
          Files.delete(created);
        }
      }
    }
  }

  private static Set<Path> entries(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.collect(Collectors.toCollection(LinkedHashSet::new));
    }
  }
}
