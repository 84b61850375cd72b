package dev.hashring.ketama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.Trait;
import dev.hashring.tck.CompatVectors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Option {@code weighted}: the recordings of {@code compat-vectors/findings/} in which the order of
 * a client's settings, not the server list, decides whether libmemcached's weighted ring is on.
 */
class WeightedFlagTest {

  private final KetamaSelector selector = new KetamaSelector();

  @ParameterizedTest(name = "{0} with {1}")
  @CsvSource({
    // KETAMA_WEIGHTED, then CONSISTENT_KETAMA_SPY, every weight 1: 160 MD5 points per server.
    "libmemcached-spy-md5-weighted-flag-equal-3.tsv, compat=libmemcached-spy hash=md5 weighted=true",
    // php-memcached: servers added, then DISTRIBUTION_CONSISTENT: the weights are ignored.
    "php-consistent-default-weighted-servers-first-4.tsv, compat=libmemcached weighted=false",
    "php-consistent-default-weighted-addservers-first-4.tsv, compat=libmemcached weighted=false",
    // pylibmc: servers first, behaviours {'ketama': True} set later: the weights are ignored.
    "pylibmc-ketama-default-weighted-later-4.tsv, compat=libmemcached weighted=false",
  })
  void findings_areReproducedWithTheWeightedOption(String file, String options) {
    CompatVectors vectors =
        CompatVectors.read(VectorFiles.repository().resolve("findings").resolve(file));
    Map<String, String> parsed = new java.util.LinkedHashMap<>();
    for (String option : options.split(" ")) {
      parsed.put(
          option.substring(0, option.indexOf('=')), option.substring(option.indexOf('=') + 1));
    }
    Ring ring = selector.ring(vectors.servers(), parsed);
    assertThat(vectors.placements()).hasSizeGreaterThan(200);
    assertThat(vectors.disagreements(ring)).isEmpty();
    // Without the option the same list places keys elsewhere: the option is what reproduces them.
    parsed.remove("weighted");
    assertThat(vectors.disagreements(selector.ring(vectors.servers(), parsed))).isNotEmpty();
  }

  @Test
  void weightedFalse_ignoresWeights_andKeepsMinimalDisruption() {
    List<Server> weighted =
        List.of(
            Server.of("10.0.0.1", 11211, 3),
            Server.of("10.0.0.2", 11211),
            Server.of("10.0.0.3", 2));
    List<Server> ones =
        List.of(
            Server.of("10.0.0.1", 11211), Server.of("10.0.0.2", 11211), Server.of("10.0.0.3", 2));
    Ring ignoring = selector.ring(weighted, Map.of("compat", "libmemcached", "weighted", "false"));
    Ring unweighted = selector.ring(ones, Map.of("compat", "libmemcached"));
    for (int i = 0; i < 2_000; i++) {
      assertThat(ignoring.primary("k" + i).address())
          .isEqualTo(unweighted.primary("k" + i).address());
    }
    assertThat(ignoring.traits()).contains(Trait.MINIMAL_DISRUPTION).doesNotContain(Trait.WEIGHTED);
    assertThat(selector.ring(ones, Map.of("compat", "libmemcached")).traits())
        .doesNotContain(Trait.MINIMAL_DISRUPTION);
  }

  @Test
  void weighted_acceptsOnlyAutoTrueFalse_andOnlyWhereItApplies() {
    List<Server> servers = List.of(Server.of("10.0.0.1", 11211), Server.of("10.0.0.2", 11211));
    assertThatThrownBy(
            () -> selector.ring(servers, Map.of("compat", "libmemcached", "weighted", "yes")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "option 'weighted' of selector ketama with compat=libmemcached must be one of auto,"
                + " true, false: 'yes'");
    assertThatThrownBy(
            () ->
                selector.ring(
                    servers, Map.of("compat", "libmemcached-weighted", "weighted", "true")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "unknown option 'weighted' for selector ketama with compat=libmemcached-weighted");
  }
}
