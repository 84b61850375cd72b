package dev.hashring.tck;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Computes answers once in one thread, then again in many threads at once, each in its own shuffled
 * order, and reports the first answer that differs. Used by rules 1.8 and 3.6.
 *
 * <p>A race shows only when calls overlap: two threads inside the provider at once, in parallel or
 * because one was preempted halfway through a call. How often that happens depends on the scheduler
 * and on the load of the machine, so the threads count the calls that began while another was in
 * flight, and go round again (at most {@value #MAX_ROUNDS} rounds) until {@value #OVERLAPS_WANTED}
 * have.
 */
final class ThreadedAgreement {

  static final int OVERLAPS_WANTED = 20_000;
  static final int MAX_ROUNDS = 10;

  /**
   * One answer that differed, or a call that threw.
   *
   * @param task the task whose answer differed
   * @param thread the thread that saw it
   * @param expected the answer one thread computed first
   * @param actual the answer seen, or {@code null} when the call threw
   * @param error what the call threw, or {@code null}
   * @param calls the calls made by then, from all threads
   * @param overlapped how many of them began while another call was in progress
   */
  record Disagreement(
      int task,
      String thread,
      Object expected,
      Object actual,
      Throwable error,
      long calls,
      long overlapped) {

    /** For messages: how much concurrency was needed to see it. */
    String when() {
      return "after "
          + Describe.count(calls)
          + (calls == 1 ? " call from " : " calls from ")
          + threads()
          + " threads, "
          + Describe.count(overlapped)
          + " of them while another call was in progress";
    }
  }

  private ThreadedAgreement() {}

  /** How many threads to run: at least 4, and twice the processors. */
  static int threads() {
    return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
  }

  /**
   * Runs {@code answer} for every task in the calling thread, then in {@link #threads()} daemon
   * threads started together, each doing every task in its own order, round after round until
   * enough calls overlapped or a disagreement is seen.
   *
   * @param tasks the number of tasks
   * @param answer computes the answer of a task; answers are compared with {@code equals}
   * @return the first disagreement seen, or empty
   */
  static Optional<Disagreement> check(int tasks, IntFunction<Object> answer)
      throws InterruptedException {
    Object[] expected = new Object[tasks];
    for (int task = 0; task < tasks; task++) {
      expected[task] = answer.apply(task);
    }
    int threads = threads();
    AtomicReference<Disagreement> first = new AtomicReference<>();
    AtomicInteger inFlight = new AtomicInteger();
    LongAdder calls = new LongAdder();
    LongAdder overlapped = new LongAdder();
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      List<Integer> order = new ArrayList<>(tasks);
      for (int task = 0; task < tasks; task++) {
        order.add(task);
      }
      Collections.shuffle(order, new Random(t));
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                  for (int round = 0; round < MAX_ROUNDS; round++) {
                    for (int task : order) {
                      if (first.get() != null) {
                        return;
                      }
                      if (inFlight.getAndIncrement() > 0) {
                        overlapped.increment();
                      }
                      calls.increment();
                      Object actual;
                      try {
                        actual = answer.apply(task);
                      } catch (RuntimeException | Error thrown) {
                        first.compareAndSet(
                            null,
                            new Disagreement(
                                task,
                                Thread.currentThread().getName(),
                                expected[task],
                                null,
                                thrown,
                                calls.sum(),
                                overlapped.sum()));
                        return;
                      } finally {
                        inFlight.decrementAndGet();
                      }
                      if (!Objects.equals(expected[task], actual)) {
                        first.compareAndSet(
                            null,
                            new Disagreement(
                                task,
                                Thread.currentThread().getName(),
                                expected[task],
                                actual,
                                null,
                                calls.sum(),
                                overlapped.sum()));
                        return;
                      }
                    }
                    if (overlapped.sum() >= OVERLAPS_WANTED) {
                      return;
                    }
                  }
                } catch (InterruptedException stop) {
                  Thread.currentThread().interrupt();
                } finally {
                  done.countDown();
                }
              },
              "hashring-tck lookups " + (t + 1) + " of " + threads);
      thread.setDaemon(true);
      thread.start();
    }
    start.countDown();
    done.await();
    return Optional.ofNullable(first.get());
  }
}
