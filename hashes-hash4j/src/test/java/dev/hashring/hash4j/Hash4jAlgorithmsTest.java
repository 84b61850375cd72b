package dev.hashring.hash4j;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hashring.HashAlgorithm;
import dev.hashring.HashAlgorithms;
import dev.hashring.tck.AllocationMeter;
import java.lang.module.ModuleDescriptor;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hash4j algorithms are found by name on the module path and the class path (surefire runs this
 * class both ways), hash exactly the slice they are given, and allocate nothing.
 */
class Hash4jAlgorithmsTest {

  static final List<String> NAMES = List.of("komihash5_0", "wyhash_final4", "xxh3_64", "xxh64");

  static List<HashAlgorithm> algorithms() {
    return NAMES.stream().map(HashAlgorithms::forName).toList();
  }

  @Test
  void registry_findsTheFourAlgorithmsNextToTheApiOnes() {
    assertThat(HashAlgorithms.registry().names())
        .containsAll(NAMES)
        .contains("md5", "one_at_a_time");
    assertThat(HashAlgorithms.registry().problems()).isEmpty();
    for (String name : NAMES) {
      HashAlgorithm hash = HashAlgorithms.forName(name);
      assertThat(hash.name()).isEqualTo(name);
      assertThat(hash.bits()).isEqualTo(64);
      assertThat(hash.aliases()).isEmpty();
      assertThat(hash).hasToString("HashAlgorithms.forName(\"" + name + "\")");
      assertThat(HashAlgorithms.registry().source(hash)).contains("hash4j");
    }
  }

  @Test
  void onTheModulePath_theModuleProvidesTheAlgorithms_andExportsOnlyTheirFactory() {
    Module module = HashAlgorithms.forName("xxh3_64").getClass().getModule();
    if (module.isNamed()) {
      assertThat(module.getName()).isEqualTo("dev.hashring.hash4j");
      assertThat(module.getDescriptor().exports())
          .extracting(ModuleDescriptor.Exports::source)
          .containsExactly("dev.hashring.hash4j");
      assertThat(module.isExported("dev.hashring.hash4j.provider")).isFalse();
      assertThat(module.getDescriptor().provides())
          .singleElement()
          .satisfies(provides -> assertThat(provides.providers()).hasSize(4));
    }
  }

  @Test
  void theFactories_giveTheRegisteredFunctions() {
    byte[] key = "user:42".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(Hash4jAlgorithms.xxh3_64().hash(key))
        .isEqualTo(HashAlgorithms.forName("xxh3_64").hash(key));
    assertThat(Hash4jAlgorithms.xxh64().hash(key))
        .isEqualTo(HashAlgorithms.forName("xxh64").hash(key));
    assertThat(Hash4jAlgorithms.komihash5_0().hash(key))
        .isEqualTo(HashAlgorithms.forName("komihash5_0").hash(key));
    assertThat(Hash4jAlgorithms.wyhash_final4().hash(key))
        .isEqualTo(HashAlgorithms.forName("wyhash_final4").hash(key));
    assertThat(Hash4jAlgorithms.xxh3_64().name()).isEqualTo("xxh3_64");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("algorithms")
  void hashOfASlice_isTheHashOfACopyOfIt(HashAlgorithm hash) {
    Random random = new Random(1);
    for (int round = 0; round < 2_000; round++) {
      byte[] key = new byte[random.nextInt(300)];
      random.nextBytes(key);
      int offset = random.nextInt(key.length + 1);
      int length = random.nextInt(key.length - offset + 1);
      byte[] copy = Arrays.copyOfRange(key, offset, offset + length);
      assertThat(hash.hash(key, offset, length)).isEqualTo(hash.hash(copy));
    }
    String key = "user:ключ:42";
    assertThat(hash.hash(key)).isEqualTo(hash.hash(key.getBytes(UTF_8)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("algorithms")
  void badSlicesAndNulls_throw(HashAlgorithm hash) {
    assertThatThrownBy(() -> hash.hash(new byte[10], 5, 6))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("Range [5, 5 + 6) out of bounds for length 10");
    assertThatThrownBy(() -> hash.hash(new byte[10], -1, 1))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("Range [-1, -1 + 1) out of bounds for length 10");
    assertThatThrownBy(() -> hash.hash((byte[]) null, 0, 0))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> hash.hash((String) null)).isInstanceOf(NullPointerException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("algorithms")
  void hashing_allocatesNothingAfterWarmUp(HashAlgorithm hash) {
    byte[] bytes = "session:4f2a9c:profile".getBytes(UTF_8);
    String text = "user:42";
    long[] sink = new long[1];
    // hash4j relies on the JIT to remove the objects its code creates; the meter warms up first
    // and keeps the least of several rounds, so it reports the state once the JIT has.
    long allocated =
        AllocationMeter.measure(
            100_000, () -> sink[0] += hash.hash(bytes, 0, bytes.length) + hash.hash(text));
    assertThat(allocated)
        .as("bytes allocated by 100,000 slices and 100,000 Strings (sink %d)", sink[0])
        .isLessThan(1_000);
  }
}
