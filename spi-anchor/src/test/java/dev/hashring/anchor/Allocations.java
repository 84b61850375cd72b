package dev.hashring.anchor;

import java.lang.reflect.Method;

/**
 * Bytes allocated on the heap by the current thread, as the JVM counts them ({@code
 * com.sun.management.ThreadMXBean#getThreadAllocatedBytes}).
 *
 * <p>Reached through reflection because the tests also run inside the provider's named module,
 * which does not read {@code java.management}; reflection needs only the exported packages.
 */
final class Allocations {

  private Allocations() {}

  /**
   * The bytes that {@code times} runs of {@code action} allocate once the JIT has settled: after a
   * warm-up of {@code times} runs, the least of five measured rounds. A path that allocates on
   * every run shows in every round; the JIT's own one-off costs (a recompilation, code that is
   * scalar-replaced only once compiled by C2) show in some rounds only.
   */
  static long measure(int times, Runnable action) {
    for (int i = 0; i < times; i++) {
      action.run();
    }
    long least = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long before = allocatedByThisThread();
      for (int i = 0; i < times; i++) {
        action.run();
      }
      least = Math.min(least, allocatedByThisThread() - before);
    }
    return least;
  }

  private static long allocatedByThisThread() {
    try {
      Object threads =
          Class.forName("java.lang.management.ManagementFactory")
              .getMethod("getThreadMXBean")
              .invoke(null);
      Method allocated =
          Class.forName("com.sun.management.ThreadMXBean")
              .getMethod("getThreadAllocatedBytes", long.class);
      return (Long) allocated.invoke(threads, Thread.currentThread().getId());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("this JVM does not count allocated bytes per thread", e);
    }
  }
}
