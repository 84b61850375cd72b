package dev.hashring.ketama;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.Ring;
import dev.hashring.Server;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Lookups allocate nothing, measured with the JVM's per-thread allocation counter ({@code
 * com.sun.management.ThreadMXBean#getThreadAllocatedBytes}; a count of bytes, not a timing): {@code
 * byte[]} keys of every kind and ASCII {@code String} keys, for every profile and the options that
 * change how keys are read. The counter is reached through reflection because the tests also run
 * inside this provider's named module, which does not read {@code java.management}.
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

  /**
   * Bytes this thread allocates running {@code lookups} 100 times, after a warm-up: the least of
   * three rounds, so that a one-off cost of the JIT does not count, while a lookup that allocates
   * shows in every round; less what the measurement itself allocates (reflection boxes).
   */
  private static long allocatedBy(Runnable lookups) {
    return measured(lookups) - measured(() -> {});
  }

  private static long measured(Runnable lookups) {
    for (int i = 0; i < 1000; i++) {
      lookups.run(); // warm up: until the JIT has compiled the loop, per-thread buffers
    }
    long least = Long.MAX_VALUE;
    for (int round = 0; round < 3; round++) {
      long before = allocatedByThisThread();
      for (int i = 0; i < 100; i++) {
        lookups.run();
      }
      least = Math.min(least, allocatedByThisThread() - before);
    }
    return least;
  }

  private static final Object THREADS;
  private static final Method ALLOCATED;

  static {
    try {
      THREADS =
          Class.forName("java.lang.management.ManagementFactory")
              .getMethod("getThreadMXBean")
              .invoke(null);
      ALLOCATED =
          Class.forName("com.sun.management.ThreadMXBean")
              .getMethod("getThreadAllocatedBytes", long.class);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("this JVM does not count allocated bytes per thread", e);
    }
  }

  private static long allocatedByThisThread() {
    try {
      return (long) ALLOCATED.invoke(THREADS, Thread.currentThread().getId());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
