package dev.hashring.maglev;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.tck.AllocationMeter;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/**
 * Lookups allocate nothing, measured with the TCK's {@link AllocationMeter} (a count of bytes, not
 * a timing): String keys, which rule 1.10 does not measure, and byte[] keys of kinds and rings the
 * TCK does not build. After a warm-up, 100 000 lookups may allocate a few hundred bytes at most;
 * one allocation per lookup would be megabytes.
 */
class AllocationTest {

  private static final int LOOKUPS = 100_000;
  private static final long SLACK = 4096;

  private final List<Server> servers = MaglevRingTest.servers(10);

  /** Bytes allocated by {@link #LOOKUPS} lookups of keys 0 to 1023 in turn, once warmed up. */
  private long allocatedBy(IntConsumer lookup) {
    int[] next = {0};
    return AllocationMeter.measure(LOOKUPS, () -> lookup.accept(next[0]++ & 1023));
  }

  private static byte[][] keys(String... patterns) {
    byte[][] keys = new byte[1024][];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = String.format(patterns[i % patterns.length], i).getBytes(UTF_8);
    }
    return keys;
  }

  private static String[] strings(byte[][] keys) {
    String[] strings = new String[keys.length];
    for (int i = 0; i < keys.length; i++) {
      strings[i] = new String(keys[i], UTF_8);
    }
    return strings;
  }

  @Test
  void byteAndAsciiStringKeys() {
    Ring ring = new MaglevSelector().ring(servers, Map.of());
    byte[][] bytes = keys("user:%d", "session:%08x", "ключ:%d");
    String[] text = strings(keys("user:%d", "session:%08x"));
    Server[] sink = new Server[1];
    assertThat(allocatedBy(i -> sink[0] = ring.primary(bytes[i])))
        .as("bytes allocated by %d byte[] lookups", LOOKUPS)
        .isLessThan(SLACK);
    assertThat(allocatedBy(i -> sink[0] = ring.primary(text[i])))
        .as("bytes allocated by %d String lookups", LOOKUPS)
        .isLessThan(SLACK);
    assertThat(sink[0]).isNotNull();
  }
}
