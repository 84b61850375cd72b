package dev.hashring.ketama;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.tck.AllocationMeter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Lookups allocate nothing, measured with the TCK's {@link AllocationMeter} (a count of bytes, not
 * a timing): {@code byte[]} keys of every kind and ASCII {@code String} keys, for every profile and
 * the options that change how keys are read, on a weighted ring. Rule 1.10 checks {@code byte[]}
 * keys for the option maps of {@link KetamaTckTest}; {@code String} keys and weighted rings are
 * checked only here.
 */
class AllocationTest {

  private static final List<Map<String, String>> CONFIGURATIONS =
      List.of(
          Map.of(),
          Map.of("compat", "libmemcached"),
          Map.of("compat", "libmemcached-weighted"),
          Map.of("compat", "libmemcached-spy"),
          Map.of("compat", "spymemcached"),
          Map.of("compat", "spymemcached", "hash", "fnv1a_32"),
          Map.of("compat", "spymemcached-libmemcached"),
          Map.of("compat", "twemproxy"),
          Map.of("compat", "twemproxy", "hash_tag", "{}"),
          Map.of("compat", "xmemcached"),
          Map.of("compat", "xmemcached", "hash", "native"),
          Map.of("compat", "dalli"),
          Map.of("compat", "dalli", "namespace", "app"));

  private static List<Server> servers() {
    List<Server> servers = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      servers.add(Server.of("10.0.2." + (i + 1), 11211, 1 + i % 3));
    }
    return servers;
  }

  @Test
  void lookupsAllocateNothing_forByteArrayAndAsciiStringKeys() {
    List<String> asciiKeys = new ArrayList<>();
    List<byte[]> byteKeys = new ArrayList<>();
    for (String key : TestKeys.keys(41, 500)) {
      byteKeys.add(key.getBytes(UTF_8));
      if (key.chars().allMatch(c -> c < 0x80)) {
        asciiKeys.add(key);
      }
    }
    asciiKeys.add("{user:42}:profile");
    byteKeys.add("x".repeat(400).getBytes(UTF_8)); // a long key Dalli truncates
    // Arrays, not lists: an iterator would be the only allocation measured.
    byte[][] bytesArray = byteKeys.toArray(new byte[0][]);
    String[] stringArray = asciiKeys.toArray(new String[0]);
    for (Map<String, String> options : CONFIGURATIONS) {
      Ring ring = new KetamaSelector().ring(servers(), options);
      long bytes =
          allocatedBy(
              () -> {
                for (int i = 0; i < bytesArray.length; i++) {
                  ring.primary(bytesArray[i]);
                }
              });
      long strings =
          allocatedBy(
              () -> {
                for (int i = 0; i < stringArray.length; i++) {
                  ring.primary(stringArray[i]);
                }
              });
      // A lookup that allocated anything would allocate at least 16 bytes (an object header):
      // less than one byte per lookup means none does. What remains is the harness settling
      // (tens of bytes per round while the JIT finishes the loop).
      assertThat(bytes)
          .as("bytes allocated by 100 x %d byte[] lookups, %s", bytesArray.length, ring)
          .isLessThan(100L * bytesArray.length);
      assertThat(strings)
          .as("bytes allocated by 100 x %d String lookups, %s", stringArray.length, ring)
          .isLessThan(100L * stringArray.length);
    }
  }

  /** Bytes this thread allocates running {@code lookups} 100 times, once warmed up. */
  private static long allocatedBy(Runnable lookups) {
    return AllocationMeter.measure(100, lookups);
  }
}
