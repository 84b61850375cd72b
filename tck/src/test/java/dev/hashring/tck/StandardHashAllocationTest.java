package dev.hashring.tck;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.HashAlgorithm;
import dev.hashring.HashAlgorithms;
import dev.hashring.spi.ClientHashes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hashes of api allocate nothing where rule 3.10 does not look: {@code hash(String)} of ASCII
 * keys for every registered algorithm (whose slices {@link StandardHashAlgorithmsTest} checks with
 * rule 3.10), and both slices and ASCII {@code String} keys for every client variant of {@link
 * ClientHashes}, which the TCK cannot run as a whole since some refuse the empty key. api cannot
 * depend on the TCK, so its allocation checks live here, with {@link AllocationMeter} and the bound
 * of rule 3.10.
 */
class StandardHashAllocationTest {

  /** Calls per measured round: 25,000 passes over 4 keys. */
  private static final int PASSES = 25_000;

  private static final List<String> KEYS =
      List.of("user:42", "session:4f2a9c:profile:settings:v2", "ключ:日本語", "x".repeat(250));

  private static final String[] ASCII_KEYS =
      KEYS.stream().filter(key -> key.chars().allMatch(c -> c < 0x80)).toArray(String[]::new);

  static List<HashAlgorithm> registered() {
    return HashAlgorithms.all();
  }

  /** Each client variant once, though some answer to two names. */
  static List<HashAlgorithm> clientVariants() {
    Set<HashAlgorithm> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<HashAlgorithm> variants = new ArrayList<>();
    for (ClientHashes client : ClientHashes.values()) {
      for (String name : client.names()) {
        HashAlgorithm hash = client.hash(name);
        if (seen.add(hash)) {
          variants.add(hash);
        }
      }
    }
    return variants;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("registered")
  void asciiStringKeys_allocateNothing(HashAlgorithm hash) {
    assertNothingAllocatedHashingStrings(hash);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clientVariants")
  void clientVariant_allocatesNothing_forSlicesAndAsciiStringKeys(HashAlgorithm hash) {
    byte[][] arrays = new byte[KEYS.size()][];
    int[] lengths = new int[KEYS.size()];
    for (int i = 0; i < arrays.length; i++) {
      byte[] key = KEYS.get(i).getBytes(UTF_8);
      lengths[i] = key.length;
      arrays[i] = new byte[key.length + 5];
      System.arraycopy(key, 0, arrays[i], 2, key.length);
    }
    long[] sink = new long[1];
    long bytes =
        AllocationMeter.measure(
            PASSES,
            () -> {
              for (int i = 0; i < arrays.length; i++) {
                sink[0] += hash.hash(arrays[i], 2, lengths[i]);
              }
            });
    assertThat(bytes)
        .as("bytes allocated by %,d calls of hash(key, offset, length)", PASSES * arrays.length)
        .isLessThanOrEqualTo(AllocationRules.BOUND);
    assertNothingAllocatedHashingStrings(hash);
  }

  private static void assertNothingAllocatedHashingStrings(HashAlgorithm hash) {
    long[] sink = new long[1];
    long bytes =
        AllocationMeter.measure(
            PASSES,
            () -> {
              for (int i = 0; i < ASCII_KEYS.length; i++) {
                sink[0] += hash.hash(ASCII_KEYS[i]);
              }
            });
    assertThat(bytes)
        .as("bytes allocated by %,d calls of hash(String)", PASSES * ASCII_KEYS.length)
        .isLessThanOrEqualTo(AllocationRules.BOUND);
  }
}
