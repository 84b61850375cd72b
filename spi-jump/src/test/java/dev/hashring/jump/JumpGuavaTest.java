package dev.hashring.jump;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.tck.AllocationMeter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** compat=guava against Guava's {@code Hashing.consistentHash} and its published values. */
class JumpGuavaTest {

  private final JumpSelector selector = new JumpSelector();

  @Test
  void bucketFunction_reproducesGuavasOwnGoldenValues() {
    // guava-tests HashingTest.testConsistentHash_linearCongruentialGeneratorCompatibility.
    BucketChoice guava = JumpProfile.GUAVA.buckets();
    int[] expected = {0, 55, 62, 8, 45, 59, 86, 97, 82, 59, 73, 37, 17, 56, 86, 21, 90, 37, 38, 83};
    for (int i = 0; i < expected.length; i++) {
      assertThat(guava.bucket(i, 100)).as("consistentHash(%d, 100)", i).isEqualTo(expected[i]);
    }
    assertThat(guava.bucket(10863919174838991L, 11)).isEqualTo(6);
    assertThat(guava.bucket(2016238256797177309L, 11)).isEqualTo(3);
    assertThat(guava.bucket(1673758223894951030L, 11)).isEqualTo(5);
    assertThat(guava.bucket(2L, 100001)).isEqualTo(80343);
    assertThat(guava.bucket(2201L, 100001)).isEqualTo(22152);
    assertThat(guava.bucket(2202L, 100001)).isEqualTo(15018);
  }

  /**
   * Each registered hash and the Guava computation of the same 64-bit value. Guava deprecates
   * {@code md5()} for security uses; here it is the reference for compat=guava's default.
   */
  @SuppressWarnings("deprecation")
  private static ToLongFunction<byte[]> guavaHashOf(String name) {
    switch (name) {
      case "md5":
        return key -> Hashing.md5().hashBytes(key).padToLong();
      case "crc32a":
        return key -> Hashing.crc32().hashBytes(key).padToLong();
      case "murmur3":
        // libmemcached's murmur3: MurmurHash3 x86_32 seeded with 0xdeadbeef * length.
        return key -> Hashing.murmur3_32_fixed(0xdeadbeef * key.length).hashBytes(key).padToLong();
      case "xxh3_64":
        return key -> com.dynatrace.hash4j.hashing.Hashing.xxh3_64().hashBytesToLong(key);
      default:
        throw new AssertionError(name);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"md5", "crc32a", "murmur3", "xxh3_64"})
  void primary_isGuavaConsistentHashInListOrder(String hash) {
    ToLongFunction<byte[]> guavaHash = guavaHashOf(hash);
    int checked = 0;
    for (int size : new int[] {1, 2, 3, 5, 8, 13, 64, 1000}) {
      List<Server> servers = Topologies.servers(size);
      Map<String, String> options =
          hash.equals("md5") ? Map.of("compat", "guava") : Map.of("compat", "guava", "hash", hash);
      Ring ring = selector.ring(servers, options);
      for (String key : Topologies.keys(1_500, size)) {
        byte[] bytes = key.getBytes(UTF_8);
        Server expected = servers.get(Hashing.consistentHash(guavaHash.applyAsLong(bytes), size));
        assertThat(ring.primary(bytes))
            .as("%s, %d servers, key %s", hash, size, key)
            .isEqualTo(expected);
        assertThat(ring.primary(key)).as("String key %s", key).isEqualTo(expected);
        checked++;
      }
    }
    assertThat(checked).isEqualTo(8 * 1_500);
  }

  @Test
  @SuppressWarnings("deprecation") // Hashing.md5(), the reference
  void md5_isGuavasHashCodePadToLong() {
    HashFunction md5 = Hashing.md5();
    List<Server> servers = Topologies.servers(97);
    Ring ring = selector.ring(servers, Map.of("compat", "guava", "hash", "md5"));
    for (String key : List.of("", "a", "foo", "ключ", "日本語", "x".repeat(250))) {
      byte[] bytes = key.getBytes(UTF_8);
      assertThat(ring.primary(bytes))
          .isEqualTo(servers.get(Hashing.consistentHash(md5.hashBytes(bytes), 97)));
    }
  }

  @Test
  void failover_listsEveryServerOnce() {
    for (int size : new int[] {1, 2, 4, 9, 40}) {
      Ring ring = selector.ring(Topologies.servers(size), Map.of("compat", "guava"));
      for (String key : Topologies.keys(300, size)) {
        List<Server> sequence = new ArrayList<>();
        ring.failover(key).forEachRemaining(sequence::add);
        assertThat(sequence.get(0)).isEqualTo(ring.primary(key));
        assertThat(sequence).doesNotHaveDuplicates().hasSize(size);
        assertThat(new HashSet<>(sequence)).containsExactlyInAnyOrderElementsOf(ring.servers());
      }
    }
  }

  @Test
  void lookups_allocateNothing_onceCompiled() {
    // Guava's consistentHash makes a small generator object per call, which C2 scalar-replaces;
    // AllocationMeter.measure reports the settled state.
    Ring ring = selector.ring(Topologies.servers(40), Map.of("compat", "guava"));
    byte[][] byteKeys = new byte[64][];
    String[] stringKeys = new String[64];
    for (int i = 0; i < 64; i++) {
      stringKeys[i] = "user:" + i + ":profile";
      byteKeys[i] = stringKeys[i].getBytes(UTF_8);
    }
    Server[] sink = new Server[64];
    int[] at = {0};
    long bytes =
        AllocationMeter.measure(
            200_000, () -> sink[at[0] & 63] = ring.primary(byteKeys[at[0]++ & 63]));
    long strings =
        AllocationMeter.measure(
            200_000, () -> sink[at[0] & 63] = ring.primary(stringKeys[at[0]++ & 63]));
    assertThat(sink).doesNotContainNull();
    assertThat(bytes).as("bytes allocated by 200 000 byte[] lookups").isLessThan(4_096);
    assertThat(strings).as("bytes allocated by 200 000 String lookups").isLessThan(4_096);
  }
}
