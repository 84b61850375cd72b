package dev.hashring.rendezvous;

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

  private final List<Server> servers = NativeRendezvousTest.servers(10);

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

  private void assertNoAllocation(Map<String, String> options, byte[][] bytes, boolean strings) {
    Ring ring = new RendezvousSelector().ring(servers, options);
    Server[] sink = new Server[1];
    assertThat(allocatedBy(i -> sink[0] = ring.primary(bytes[i])))
        .as("bytes allocated by %d byte[] lookups, %s", LOOKUPS, options)
        .isLessThan(SLACK);
    if (strings) {
      String[] text = strings(bytes);
      assertThat(allocatedBy(i -> sink[0] = ring.primary(text[i])))
          .as("bytes allocated by %d String lookups, %s", LOOKUPS, options)
          .isLessThan(SLACK);
    }
    assertThat(sink[0]).isNotNull();
  }

  @Test
  void native_byteAndAsciiStringKeys() {
    assertNoAllocation(Map.of(), keys("user:%d", "session:%08x"), true);
  }

  @Test
  void native_weighted_byteAndAsciiStringKeys() {
    List<Server> weighted = new java.util.ArrayList<>(servers);
    weighted.set(0, weighted.get(0).withWeight(7));
    Ring ring = new RendezvousSelector().ring(weighted);
    byte[][] keys = keys("user:%d");
    Server[] sink = new Server[1];
    assertThat(allocatedBy(i -> sink[0] = ring.primary(keys[i]))).isLessThan(SLACK);
  }

  @Test
  void pymemcache_byteAndAsciiStringKeys() {
    assertNoAllocation(Map.of("compat", "pymemcache"), keys("user:%d", "s:%08x"), true);
  }

  @Test
  void pymemcacheBytesKeys_byteAndAsciiStringKeys() {
    assertNoAllocation(
        Map.of("compat", "pymemcache", "key_type", "bytes"), keys("user:%d", "ключ:%d"), false);
    assertNoAllocation(
        Map.of("compat", "pymemcache", "key_type", "bytes"), keys("user:%d", "s'%d\\"), true);
  }

  @Test
  void pymemcache_nonAsciiByteKeys_andBytesThatAreNotUtf8() {
    byte[][] keys = keys("ключ:%d", "日本語-%x", "k%d");
    keys[5] = new byte[] {(byte) 0xff, 'a', (byte) 0x80};
    assertNoAllocation(Map.of("compat", "pymemcache"), keys, false);
  }
}
