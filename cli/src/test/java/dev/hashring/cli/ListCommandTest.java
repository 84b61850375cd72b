package dev.hashring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.HashAlgorithm;
import dev.hashring.HashAlgorithms;
import dev.hashring.Registry;
import dev.hashring.ServerSelector;
import dev.hashring.ServerSelectors;
import dev.hashring.Trait;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListCommandTest {

  private final CommandRun run = CommandRun.of("list");

  @Test
  void list_showsEverySelector_withItsJarClassProfilesAndOptions() {
    assertThat(run.status()).as("%s", run).isZero();
    Registry<ServerSelector> registry = ServerSelectors.registry();
    assertThat(registry.names()).contains("jump", "ketama", "maglev", "modulo", "rendezvous");
    assertThat(run.out()).startsWith("Selectors (" + registry.all().size() + ")\n");
    for (ServerSelector selector : registry.all()) {
      assertThat(run.out())
          .contains("\n\n" + selector.name() + "  " + registry.source(selector) + "\n")
          .contains("\n  class:   " + selector.getClass().getName() + "\n")
          .contains(
              "\n  compat:  "
                  + (selector.compatProfiles().isEmpty()
                      ? "(none)"
                      : String.join(", ", selector.compatProfiles()))
                  + "\n");
      for (Map.Entry<String, String> option : selector.options().entrySet()) {
        assertThat(run.out())
            .containsPattern(
                "\n    "
                    + Pattern.quote(option.getKey())
                    + " +"
                    + Pattern.quote(option.getValue())
                    + "\n");
      }
    }
  }

  @Test
  void list_showsTheTraitsOfEachProfile_asTheRingsClaimThem() {
    for (ServerSelector selector : ServerSelectors.all()) {
      for (String profile : selector.compatProfiles()) {
        String traits =
            selector.ring(ListCommand.TRAIT_SERVERS, Map.of("compat", profile)).traits().stream()
                .sorted()
                .map(Trait::name)
                .collect(Collectors.joining(", "));
        assertThat(run.out())
            .as("%s compat=%s", selector.name(), profile)
            .containsPattern(
                "\n    compat="
                    + Pattern.quote(profile)
                    + " +"
                    + Pattern.quote(traits.isEmpty() ? "(no traits)" : traits)
                    + "\n");
      }
    }
    assertThat(run.out())
        .containsPattern(
            "\n    compat=native +WEIGHTED, MINIMAL_DISRUPTION, FAILOVER_IS_REMOVAL\n");
  }

  @Test
  void list_showsEveryHashAlgorithm_withBitsAliasesAndJar() {
    Registry<HashAlgorithm> registry = HashAlgorithms.registry();
    assertThat(run.out()).contains("\nHash algorithms (" + registry.all().size() + ")\n");
    for (HashAlgorithm algorithm : registry.all()) {
      String aliases =
          algorithm.aliases().isEmpty()
              ? "-"
              : String.join(", ", new java.util.TreeSet<>(algorithm.aliases()));
      assertThat(run.out())
          .containsPattern(
              "\n"
                  + Pattern.quote(algorithm.name())
                  + " +"
                  + algorithm.bits()
                  + " +"
                  + Pattern.quote(aliases)
                  + " +"
                  + Pattern.quote(algorithm.getClass().getName())
                  + " +"
                  + Pattern.quote(registry.source(algorithm))
                  + "\n");
    }
    assertThat(run.out()).containsPattern("\none_at_a_time +32 +default +");
    assertThat(run.out()).containsPattern("\nxxh3_64 +64 +");
  }

  @Test
  void list_saysWhenNoProviderFailed() {
    assertThat(ServerSelectors.registry().problems()).isEmpty();
    assertThat(run.out()).endsWith("\nProvider problems: none\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void list_reportsAProviderThatFailsToLoad_loudly(@TempDir Path directory) throws Exception {
    // A jar whose service file names a class it does not have, next to the command's own jars,
    // in a JVM of its own (the default registry of this one is already loaded).
    Path jar =
        ProviderJar.build(
            directory,
            "broken",
            Map.of("acme.Present", "package acme;\nclass Present {}\n"),
            List.of("acme.MissingSelector"));
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                ClassPath.current() + java.io.File.pathSeparator + jar,
                HashringCommand.class.getName(),
                "list")
            .redirectOutput(directory.resolve("out.txt").toFile())
            .redirectError(directory.resolve("err.txt").toFile())
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = read(directory.resolve("out.txt"));
    String err = read(directory.resolve("err.txt"));

    assertThat(process.exitValue()).as(err).isZero();
    assertThat(out)
        .contains(
            "\nPROVIDER PROBLEMS (1): these providers cannot be used\n  acme.MissingSelector ("
                + jar
                + "): ")
        .contains("\njump  "); // the others are still listed
    assertThat(err)
        .contains(
            "hashring list: WARNING: 1 provider could not be used: acme.MissingSelector ("
                + jar
                + "): ");
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
