package dev.hashring.tck;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.opentest4j.TestAbortedException;

/**
 * Runs each rule in a daemon thread under a time limit, so that a provider that loops or blocks
 * fails its rule instead of hanging the TCK, and cannot keep the JVM alive.
 *
 * <p>A thread that overruns is interrupted and left behind: Java cannot stop a thread that ignores
 * interruption. So that such threads do not pile up (each may keep a processor busy), every later
 * rule of the same provider fails at once, saying which call never returned.
 *
 * <p>Any exception the provider throws becomes a {@link Violation} that names the call in progress;
 * violations and aborted rules (skipped with a reason) pass through unchanged.
 */
final class Watchdog {

  private static final int STACK_FRAMES_SHOWN = 8;

  private volatile String stuck;
  private volatile String stuckSubject;

  /** A rule's work. */
  interface Body {
    void run() throws Exception;
  }

  /**
   * Runs {@code body} in a new daemon thread and waits at most {@code limit} for it.
   *
   * @throws Violation if the body overran, threw an unexpected exception, or an earlier body of
   *     this watchdog never returned
   * @throws TestAbortedException if the body skipped its rule
   */
  void run(Rule rule, Trace trace, Duration limit, Body body) {
    String earlier = stuck;
    if (earlier != null) {
      trace.subject(stuckSubject);
      throw Violation.of(rule, trace)
          .expected("rule " + rule.number() + " to be checked")
          .actual("not checked: " + earlier + " never returned and is still running")
          .hint("fix the call that never returns first")
          .build();
    }
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    Thread worker =
        new Thread(
            () -> {
              try {
                body.run();
              } catch (Throwable thrown) {
                failure.set(thrown);
              } finally {
                done.countDown();
              }
            },
            "hashring-tck rule " + rule.number());
    worker.setDaemon(true);
    worker.start();
    boolean finished;
    try {
      finished = done.await(limit.toNanos(), NANOSECONDS);
    } catch (InterruptedException interrupted) {
      worker.interrupt();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking rule " + rule.number());
    }
    if (!finished) {
      String call = trace.call();
      StackTraceElement[] stack = worker.getStackTrace();
      worker.interrupt();
      stuckSubject = trace.subject();
      stuck = "rule " + rule.number() + "'s call " + call;
      throw Violation.of(rule, trace)
          .expected("every call to return, and the rule to finish within " + seconds(limit))
          .actual(
              call
                  + " did not return within "
                  + seconds(limit)
                  + "; it is still running in daemon thread '"
                  + worker.getName()
                  + "'"
                  + frames(stack))
          .hint("find the loop that never ends or the lock that is never released")
          .build();
    }
    Throwable thrown = failure.get();
    if (thrown == null) {
      return;
    }
    if (thrown instanceof Violation) {
      throw (Violation) thrown;
    }
    if (thrown instanceof TestAbortedException) {
      throw (TestAbortedException) thrown;
    }
    throw Violation.of(rule, trace)
        .expected(trace.call() + " to return normally: the TCK passed valid arguments")
        .actual(trace.call() + " threw " + Describe.thrown(thrown))
        .hint("see the stack trace of the cause")
        .build(thrown);
  }

  private static String seconds(Duration limit) {
    long millis = limit.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  /**
   * The top of a stuck thread's stack: the provider's frames, down to the TCK's call into it, and
   * at most {@value #STACK_FRAMES_SHOWN} frames.
   */
  private static String frames(StackTraceElement[] stack) {
    StringBuilder text = new StringBuilder();
    String tck = Watchdog.class.getPackageName();
    for (int i = 0; i < stack.length; i++) {
      if (i == STACK_FRAMES_SHOWN) {
        text.append("\n    ...");
        break;
      }
      text.append("\n    at ").append(stack[i]);
      String className = stack[i].getClassName();
      boolean ours =
          className.startsWith(tck + ".") && className.indexOf('.', tck.length() + 1) < 0;
      if (ours) {
        text.append(i + 1 < stack.length ? "\n    ..." : "");
        break;
      }
    }
    return text.toString();
  }
}
