package dev.hashring.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

  private static final List<String> PROFILES = List.of("native", "libmemcached", "twemproxy");

  @Test
  void choice_returnsTheValueOrTheDefault() {
    assertThat(Options.of("ketama", Map.of()).choice("compat", "native", PROFILES))
        .isEqualTo("native");
    assertThat(
            Options.of("ketama", Map.of("compat", "twemproxy"))
                .choice("compat", "native", PROFILES))
        .isEqualTo("twemproxy");
  }

  @Test
  void choice_rejectsAValueOutsideTheList_andSuggestsAClose() {
    Options options = Options.of("ketama", Map.of("compat", "libmemcachd"));
    assertThatThrownBy(() -> options.choice("compat", "native", PROFILES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "option 'compat' of selector ketama must be one of native, libmemcached, twemproxy:"
                + " 'libmemcachd' (did you mean 'libmemcached'?)");
  }

  @Test
  void integer_checksTheRange() {
    assertThat(Options.of("ketama", Map.of("points", "100")).integer("points", 160, 1, 1024))
        .isEqualTo(100);
    assertThat(Options.of("ketama", Map.of()).integer("points", 160, 1, 1024)).isEqualTo(160);
    for (String bad : List.of("0", "1025", "x", "", "99999999999999999999", "1.5")) {
      assertThatThrownBy(
              () -> Options.of("ketama", Map.of("points", bad)).integer("points", 160, 1, 1024))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "option 'points' of selector ketama must be an integer from 1 to 1024: '"
                  + bad
                  + "'");
    }
  }

  @Test
  void requireNoOthers_namesTheUnknownKeyAndListsTheAcceptedOnes() {
    Options options = Options.of("ketama", Map.of("compat", "native", "pionts", "3"));
    options.choice("compat", "native", PROFILES);
    options.integer("points", 160, 1, 1024);
    assertThatThrownBy(options::requireNoOthers)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown option 'pionts' for selector ketama (did you mean 'points'?);"
                + " accepted: compat, points");
  }

  @Test
  void requireNoOthers_saysWhichSettingDecided() {
    Options options = Options.of("ketama", Map.of("compat", "twemproxy", "points", "3", "x", "1"));
    options.choice("compat", "native", PROFILES);
    options.within("compat=twemproxy");
    options.text("hash");
    assertThatThrownBy(options::requireNoOthers)
        .hasMessage(
            "unknown options 'points', 'x' for selector ketama with compat=twemproxy;"
                + " accepted: compat, hash");
  }

  @Test
  void hash_reportsAnUnknownAlgorithmAsABadOption() {
    Options options = Options.of("jump", Map.of("hash", "md6"));
    assertThatThrownBy(() -> options.hash("hash", "md5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("option 'hash' of selector jump: no HashAlgorithm named 'md6';");
  }

  @Test
  void nullKeysAndValues_areRejected() {
    Map<String, String> withNullValue = new HashMap<>();
    withNullValue.put("compat", null);
    assertThatThrownBy(() -> Options.of("ketama", withNullValue))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value of option 'compat'");
    assertThatThrownBy(() -> Options.of("ketama", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("options");
  }
}
