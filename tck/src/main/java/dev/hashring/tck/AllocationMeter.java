package dev.hashring.tck;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Objects;
import java.util.Optional;

/**
 * Measures the heap bytes a piece of code allocates on the current thread once the JIT has settled,
 * as the JVM counts them ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}).
 * It is a count of bytes, not a timing: exact, and the same on a busy machine as on an idle one.
 * Rules 1.10 and 3.10 use it, and so can a provider's own tests:
 *
 * <pre>{@code
 * Server[] sink = new Server[1];
 * long bytes = AllocationMeter.measure(100_000, () -> sink[0] = ring.primary("user:42"));
 * assertThat(bytes).isLessThan(1_024);
 * }</pre>
 *
 * <p>What the code allocates depends on how far the JIT has compiled it: the interpreter and the
 * first compiled versions allocate objects that the optimizing compiler later removes (escape
 * analysis), and a recompilation or a deoptimization in the middle of a measurement allocates once.
 * So {@link #measure} first runs the code as many times as it measures, then measures several
 * rounds and keeps the least: code that allocates on every run shows in every round, the JIT's
 * one-off costs only in some. Reading the counter allocates nothing, so a round of code that
 * allocates nothing reads exactly 0.
 *
 * <p>The counter is reached through a method handle found by reflection, so that this works inside
 * a named module that does not read {@code jdk.management} (as a provider's tests on the module
 * path do). Only the calling thread is measured: threads the code starts are not counted.
 */
public final class AllocationMeter {

  /** Rounds measured at most; measuring stops early at a round that allocates nothing. */
  private static final int ROUNDS = 10;

  private static final String CANNOT = "this JVM cannot count the bytes a thread allocates: ";

  /** The JVM's {@code ThreadMXBean}, or {@code null} when {@link #ABSENT} says why. */
  private static final Object THREADS;

  /** {@code long getCurrentThreadAllocatedBytes(Object bean)}, or {@code null}. */
  private static final MethodHandle ALLOCATED;

  /** {@code boolean isThreadAllocatedMemoryEnabled(Object bean)}, or {@code null}. */
  private static final MethodHandle ENABLED;

  /** Why this JVM has no allocation counter at all, or {@code null} when it has one. */
  private static final String ABSENT;

  static {
    Object threads = null;
    MethodHandle allocated = null;
    MethodHandle enabled = null;
    String absent = null;
    try {
      threads =
          Class.forName("java.lang.management.ManagementFactory")
              .getMethod("getThreadMXBean")
              .invoke(null);
      Class<?> bean = Class.forName("com.sun.management.ThreadMXBean");
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      MethodType toBoolean = MethodType.methodType(boolean.class);
      if (!bean.isInstance(threads)) {
        absent =
            "its ThreadMXBean ("
                + threads.getClass().getName()
                + ") is not a com.sun.management.ThreadMXBean";
      } else if (!(boolean)
          lookup.findVirtual(bean, "isThreadAllocatedMemorySupported", toBoolean).invoke(threads)) {
        absent = "ThreadMXBean.isThreadAllocatedMemorySupported() is false";
      } else {
        allocated =
            lookup
                .findVirtual(
                    bean, "getCurrentThreadAllocatedBytes", MethodType.methodType(long.class))
                .asType(MethodType.methodType(long.class, Object.class));
        enabled =
            lookup
                .findVirtual(bean, "isThreadAllocatedMemoryEnabled", toBoolean)
                .asType(MethodType.methodType(boolean.class, Object.class));
      }
    } catch (VirtualMachineError error) {
      throw error;
    } catch (Throwable missing) { // any failure to find or call the bean means no counter
      absent =
          "com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes is not available ("
              + Describe.thrown(missing)
              + ")";
      allocated = null;
      enabled = null;
    }
    THREADS = threads;
    ALLOCATED = allocated;
    ENABLED = enabled;
    ABSENT = absent;
    if (ALLOCATED != null) {
      // The first calls of a method handle build and then specialize its code, which allocates.
      for (int i = 0; i < 1_000; i++) {
        read();
      }
    }
  }

  private AllocationMeter() {}

  /**
   * Whether this JVM counts the bytes each thread allocates. HotSpot (OpenJDK and its builds) and
   * OpenJ9 do, unless the counting was turned off ({@code
   * ThreadMXBean.setThreadAllocatedMemoryEnabled(false)}); when it does not, {@link
   * #unsupportedReason()} says why.
   *
   * @return {@code true} when {@link #measure} can measure
   */
  public static boolean supported() {
    return unsupportedReason().isEmpty();
  }

  /**
   * Why this JVM cannot count the bytes a thread allocates, for a skip message.
   *
   * @return for example {@code "this JVM cannot count the bytes a thread allocates:
   *     ThreadMXBean.isThreadAllocatedMemoryEnabled() is false (counting was turned off)"}; empty
   *     when {@link #supported()}
   */
  public static Optional<String> unsupportedReason() {
    if (ABSENT != null) {
      return Optional.of(CANNOT + ABSENT);
    }
    if (!enabled()) {
      return Optional.of(
          CANNOT
              + "ThreadMXBean.isThreadAllocatedMemoryEnabled() is false (counting was turned off)");
    }
    return Optional.empty();
  }

  /**
   * The heap bytes that {@code times} runs of {@code action} allocate on the current thread once
   * the JIT has settled: after a warm-up of {@code times} runs, the least of up to 10 measured
   * rounds of {@code times} runs each (stopping at a round that allocates nothing). Code that
   * allocates nothing once compiled gives 0; code that allocates a 16-byte object per run gives at
   * least {@code 16 * times}.
   *
   * <p>Keep the action's result somewhere (an array slot, a sum), so that the JIT cannot drop the
   * work; and measure a loop over arrays rather than over a {@code List}, whose iterator would be
   * counted too.
   *
   * @param times how many runs to warm up with and to measure per round, at least 1
   * @param action the code to measure; it runs from {@code 2 * times} to {@code 11 * times} times
   * @return the bytes allocated by {@code times} runs, the least over the rounds
   * @throws UnsupportedOperationException when this JVM cannot count allocated bytes ({@link
   *     #supported()} is false)
   * @throws IllegalArgumentException when {@code times} is less than 1
   */
  public static long measure(int times, Runnable action) {
    Objects.requireNonNull(action, "action");
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1: " + times);
    }
    Optional<String> unsupported = unsupportedReason();
    if (unsupported.isPresent()) {
      throw new UnsupportedOperationException(unsupported.get());
    }
    for (int i = 0; i < times; i++) {
      action.run();
    }
    long least = Long.MAX_VALUE;
    for (int round = 0; round < ROUNDS && least > 0; round++) {
      long before = allocatedByThisThread();
      for (int i = 0; i < times; i++) {
        action.run();
      }
      least = Math.min(least, allocatedByThisThread() - before);
    }
    return least;
  }

  /** The bytes this thread has allocated so far; -1 while counting is turned off. */
  private static long read() {
    try {
      return (long) ALLOCATED.invokeExact(THREADS);
    } catch (Throwable impossible) { // the getter declares no exception
      throw new IllegalStateException("reading the allocation counter failed", impossible);
    }
  }

  private static boolean enabled() {
    try {
      return (boolean) ENABLED.invokeExact(THREADS);
    } catch (Throwable impossible) { // the getter declares no exception
      throw new IllegalStateException("asking whether counting is on failed", impossible);
    }
  }

  private static long allocatedByThisThread() {
    long bytes = read();
    if (bytes < 0) {
      throw new UnsupportedOperationException(CANNOT + "counting was turned off while measuring");
    }
    return bytes;
  }
}
