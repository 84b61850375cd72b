package dev.hashring.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hashring.HashAlgorithm;
import dev.hashring.HashAlgorithms;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The api jar registers its 14 algorithms like any third-party jar: {@code provides} in module-info
 * on the module path, {@code META-INF/services} on the class path. Surefire runs this class both
 * ways.
 */
class StandardAlgorithmsDiscoveryTest {

  private static final Map<String, Integer> BITS =
      Map.ofEntries(
          Map.entry("crc", 15),
          Map.entry("crc16", 32),
          Map.entry("crc32a", 32),
          Map.entry("fnv1_32", 32),
          Map.entry("fnv1_64", 64),
          Map.entry("fnv1a_32", 32),
          Map.entry("fnv1a_64", 64),
          Map.entry("hsieh", 32),
          Map.entry("jenkins", 32),
          Map.entry("md5", 64),
          Map.entry("murmur", 32),
          Map.entry("murmur3", 32),
          Map.entry("native", 32),
          Map.entry("one_at_a_time", 32));

  @Test
  void registry_findsAllFourteenByNameAndNothingElse() {
    assertThat(HashAlgorithms.registry().names())
        .containsExactlyElementsOf(EveryHash.REGISTERED_NAMES);
    assertThat(HashAlgorithms.registry().problems()).isEmpty();
    for (String name : EveryHash.REGISTERED_NAMES) {
      HashAlgorithm hash = HashAlgorithms.forName(name);
      assertThat(hash.name()).isEqualTo(name);
      assertThat(hash.bits()).as("bits of %s", name).isEqualTo(BITS.get(name));
      assertThat(hash).hasToString("HashAlgorithms.forName(\"" + name + "\")");
      assertThat(hash.getClass().getPackageName()).isEqualTo("dev.hashring.hash");
    }
  }

  @Test
  void default_isAnAliasOfOneAtATime() {
    assertThat(HashAlgorithms.forName("default")).isSameAs(HashAlgorithms.forName("one_at_a_time"));
    assertThat(HashAlgorithms.forName("one_at_a_time").aliases()).isEqualTo(Set.of("default"));
    for (String name : EveryHash.REGISTERED_NAMES) {
      if (!name.equals("one_at_a_time")) {
        assertThat(HashAlgorithms.forName(name).aliases()).as("aliases of %s", name).isEmpty();
      }
    }
  }

  @Test
  void registeredClasses_comeFromTheServiceMechanismOfThisRun() {
    Module module = HashAlgorithm.class.getModule();
    HashAlgorithm md5 = HashAlgorithms.forName("md5");
    assertThat(md5.getClass().getModule()).isSameAs(module);
    if (module.isNamed()) {
      assertThat(module.getName()).isEqualTo("dev.hashring.api");
      assertThat(module.getDescriptor().provides())
          .anySatisfy(
              provides -> {
                assertThat(provides.service()).isEqualTo(HashAlgorithm.class.getName());
                assertThat(provides.providers()).hasSize(14);
              });
      assertThat(module.isExported("dev.hashring.hash")).isFalse();
    }
  }

  @Test
  void unknownName_suggestsTheClosestStandardAlgorithm() {
    // twemproxy's name for the 15-bit CRC is not a registry name.
    assertThatThrownBy(() -> HashAlgorithms.forName("crc32"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "no HashAlgorithm named 'crc32'; available: "
                + String.join(", ", EveryHash.REGISTERED_NAMES)
                + " (did you mean 'crc32a'?)");
  }
}
