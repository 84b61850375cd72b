package dev.hashring.jump;

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
   * Runs {@code action} {@code times} times after the same number of warm-up runs (so that the JIT
   * has compiled and scalar-replaced what it can), and returns the bytes the measured runs
   * allocated.
   */
  static long measure(int times, Runnable action) {
    for (int i = 0; i < times; i++) {
      action.run();
    }
    long before = allocatedByThisThread();
    for (int i = 0; i < times; i++) {
      action.run();
    }
    return allocatedByThisThread() - before;
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
