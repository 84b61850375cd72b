package dev.hashring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.HashAlgorithm;
import dev.hashring.HashAlgorithms;
import dev.hashring.Registry;
import dev.hashring.ServerSelector;
import dev.hashring.ServerSelectors;
import dev.hashring.Trait;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

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
}
