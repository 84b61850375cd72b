package dev.hashring.maglev;

import java.lang.reflect.Method;

/**
 * The JVM's count of bytes allocated by the current thread ({@code
 * com.sun.management.ThreadMXBean#getThreadAllocatedBytes}), reached by reflection because this
 * module does not read {@code jdk.management} when its tests run on the module path.
 */
final class AllocatedBytes {

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
      throw new ExceptionInInitializerError(e);
    }
    // Reflection switches to generated accessors after some calls, which allocates: do it now.
    for (int i = 0; i < 100; i++) {
      ofCurrentThread();
    }
  }

  private AllocatedBytes() {}

  static long ofCurrentThread() {
    try {
      return (Long) ALLOCATED.invoke(THREADS, Thread.currentThread().getId());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
