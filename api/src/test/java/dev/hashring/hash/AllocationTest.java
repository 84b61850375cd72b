package dev.hashring.hash;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.HashAlgorithm;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * After warm-up, hashing allocates nothing: 100 000 calls, for {@code byte[]} keys and for ASCII
 * {@code String} keys, measured with the JVM's per-thread allocation counter (a count of bytes, not
 * a timing).
 */
class AllocationTest {

  private static final int CALLS = 100_000;
  private static final int WARM_UP_CALLS = 100_000;

  /** Slack for the counter itself and for the odd allocation of the test harness. */
  private static final long ALLOWED_BYTES = 1_000;

  private static final AllocationCounter THREADS = new AllocationCounter();

  private static final byte[][] BYTE_KEYS = {
    "user:42".getBytes(UTF_8),
    "session:4f2a9c:profile:settings:v2".getBytes(UTF_8),
    "ключ:日本語".getBytes(UTF_8),
    "x".repeat(250).getBytes(UTF_8),
  };

  private static final String[] STRING_KEYS = {
    "user:42", "session:4f2a9c:profile", "x".repeat(250)
  };

  static List<HashAlgorithm> everyHash() {
    return EveryHash.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyHash")
  void byteKeys_allocateNothing(HashAlgorithm hash) {
    long sink = 0;
    for (int i = 0; i < WARM_UP_CALLS; i++) {
      sink += hash.hash(BYTE_KEYS[i & 3], 0, BYTE_KEYS[i & 3].length);
    }
    THREADS.getCurrentThreadAllocatedBytes();
    long before = THREADS.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < CALLS; i++) {
      sink += hash.hash(BYTE_KEYS[i & 3], 0, BYTE_KEYS[i & 3].length);
    }
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
    assertThat(allocated)
        .as("bytes allocated by %d calls (sink %d)", CALLS, sink)
        .isLessThan(ALLOWED_BYTES);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyHash")
  void asciiStringKeys_allocateNothing(HashAlgorithm hash) {
    long sink = 0;
    for (int i = 0; i < WARM_UP_CALLS; i++) {
      sink += hash.hash(STRING_KEYS[i % 3]);
    }
    THREADS.getCurrentThreadAllocatedBytes();
    long before = THREADS.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < CALLS; i++) {
      sink += hash.hash(STRING_KEYS[i % 3]);
    }
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
    assertThat(allocated)
        .as("bytes allocated by %d calls (sink %d)", CALLS, sink)
        .isLessThan(ALLOWED_BYTES);
  }

  /**
   * {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}, called reflectively:
   * these tests also run inside the module {@code dev.hashring.api}, which does not read {@code
   * jdk.management}.
   */
  private static final class AllocationCounter {
    private final Object bean;
    private final Method allocatedBytes;

    AllocationCounter() {
      try {
        bean =
            Class.forName("java.lang.management.ManagementFactory")
                .getMethod("getThreadMXBean")
                .invoke(null);
        allocatedBytes =
            Class.forName("com.sun.management.ThreadMXBean")
                .getMethod("getCurrentThreadAllocatedBytes");
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("this JVM cannot count allocated bytes", e);
      }
    }

    long getCurrentThreadAllocatedBytes() {
      try {
        return (Long) allocatedBytes.invoke(bean);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
