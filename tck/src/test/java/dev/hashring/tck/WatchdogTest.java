package dev.hashring.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class WatchdogTest {

  private static final String SUBJECT = "selector 'demo' (com.example.Demo) with default options";

  @Test
  void callThatNeverReturns_failsItsRule_inADaemonThread_andLaterRulesFailAtOnce()
      throws InterruptedException {
    Watchdog watchdog = new Watchdog();
    Trace trace = new Trace(SUBJECT);
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<Thread> worker = new AtomicReference<>();
    try {
      assertThatThrownBy(
              () ->
                  watchdog.run(
                      Rule.SAME_KEY_SAME_SERVER,
                      trace,
                      Duration.ofMillis(200),
                      () -> {
                        worker.set(Thread.currentThread());
                        trace.call("primary", "user:1");
                        waitIgnoringInterrupts(release);
                      }))
          .isInstanceOf(Violation.class)
          .hasMessageStartingWith(
              "Rule 1.1 violated: the same key gives the same server\n"
                  + "  subject:  "
                  + SUBJECT
                  + "\n  expected: every call to return, and the rule to finish within 200 ms\n"
                  + "  actual:   primary(\"user:1\") did not return within 200 ms; it is still"
                  + " running in daemon thread 'hashring-tck rule 1.1'\n"
                  + "                at ")
          .hasMessageContaining("WatchdogTest.waitIgnoringInterrupts(WatchdogTest.java:")
          .hasMessageContaining(
              "\n  check:    find the loop that never ends or the lock that is never released; ");
      assertThat(worker.get().isDaemon()).isTrue();
      assertThat(worker.get().isAlive()).isTrue();

      AtomicBoolean ran = new AtomicBoolean();
      assertThatThrownBy(
              () ->
                  watchdog.run(
                      Rule.ANSWERS_ARE_SERVERS,
                      new Trace("not yet known"),
                      Duration.ofSeconds(10),
                      () -> ran.set(true)))
          .isInstanceOf(Violation.class)
          .hasMessage(
              "Rule 1.2 violated: every answer is one of servers()\n"
                  + "  subject:  "
                  + SUBJECT
                  + "\n  expected: rule 1.2 to be checked\n"
                  + "  actual:   not checked: rule 1.1's call primary(\"user:1\") never returned"
                  + " and is still running\n"
                  + "  check:    fix the call that never returns first; "
                  + Rule.ANSWERS_ARE_SERVERS.hint());
      assertThat(ran).isFalse();
    } finally {
      release.countDown();
      if (worker.get() != null) {
        worker.get().join(10_000);
      }
    }
  }

  private static void waitIgnoringInterrupts(CountDownLatch release) {
    while (release.getCount() > 0) {
      try {
        release.await();
      } catch (InterruptedException ignored) {
        // Like a provider that spins: interruption does not stop it.
      }
    }
  }

  @Test
  void exceptionFromTheProvider_becomesAViolationThatNamesTheCall() {
    Trace trace = new Trace(SUBJECT);
    IllegalStateException bug = new IllegalStateException("index 7 out of 7");
    assertThatThrownBy(
            () ->
                new Watchdog()
                    .run(
                        Rule.ANSWERS_ARE_SERVERS,
                        trace,
                        Duration.ofSeconds(10),
                        () -> {
                          trace.call("failover", new byte[] {'k', 'e', 'y'});
                          throw bug;
                        }))
        .isInstanceOf(Violation.class)
        .hasCause(bug)
        .hasMessage(
            "Rule 1.2 violated: every answer is one of servers()\n"
                + "  subject:  "
                + SUBJECT
                + "\n  expected: failover(\"key\") to return normally: the TCK passed valid"
                + " arguments\n"
                + "  actual:   failover(\"key\") threw java.lang.IllegalStateException: index 7 out"
                + " of 7\n"
                + "  check:    see the stack trace of the cause; "
                + Rule.ANSWERS_ARE_SERVERS.hint());
  }

  @Test
  void violationsAndSkips_passThroughUnchanged() {
    Trace trace = new Trace(SUBJECT);
    Violation violation = Violation.of(Rule.SAME_KEY_SAME_SERVER, trace).actual("x").build();
    TestAbortedException skip = new TestAbortedException("ring does not claim WEIGHTED");
    Watchdog watchdog = new Watchdog();
    assertThatThrownBy(
            () ->
                watchdog.run(
                    Rule.SAME_KEY_SAME_SERVER,
                    trace,
                    Duration.ofSeconds(10),
                    () -> {
                      throw violation;
                    }))
        .isSameAs(violation);
    assertThatThrownBy(
            () ->
                watchdog.run(
                    Rule.SHARES_FOLLOW_WEIGHTS,
                    trace,
                    Duration.ofSeconds(10),
                    () -> {
                      throw skip;
                    }))
        .isSameAs(skip);
  }
}
