package dev.hashring.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hashring.tck.TckReport.Outcome;
import dev.hashring.tck.TckReport.RuleResult;
import dev.hashring.tck.reference.Fnv1a64;
import dev.hashring.tck.reference.WeightedRendezvous;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link AllocationMeter} on this JVM (an OpenJDK build, which counts allocated bytes): what code
 * that allocates a known object on every run shows, what code that allocates nothing shows, the
 * arguments it refuses, and what it and rules 1.10 and 3.10 do when counting is turned off.
 */
class AllocationMeterTest {

  private static final int TIMES = 10_000;

  @Test
  void openJdk_countsAllocatedBytes() {
    assertThat(AllocationMeter.supported()).as("%s", AllocationMeter.unsupportedReason()).isTrue();
    assertThat(AllocationMeter.unsupportedReason()).isEmpty();
  }

  @Test
  void anArrayKeptOnEveryRun_showsItsSizeOnEveryRun() {
    long[][] sink = new long[1][];
    long bytes = AllocationMeter.measure(TIMES, () -> sink[0] = new long[16]);
    // A long[16] is 128 bytes of elements behind a header of 12 to 24 bytes, padded to 8 bytes.
    assertThat(bytes).isBetween(TIMES * (128L + 16), TIMES * (128L + 24));
  }

  @Test
  void codeThatAllocatesNothing_showsZero() {
    int[] values = new int[1_000];
    long[] sink = new long[1];
    long bytes =
        AllocationMeter.measure(
            TIMES,
            () -> {
              long sum = 0;
              for (int value : values) {
                sum += value;
              }
              sink[0] += sum;
            });
    assertThat(bytes).isZero();
  }

  @Test
  void otherThreads_areNotCounted() {
    long bytes =
        AllocationMeter.measure(
            10,
            () -> {
              Thread other = new Thread(() -> new byte[1 << 20].clone());
              other.start();
              try {
                other.join();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    // Creating and starting a thread allocates here too, but far less than the other thread's
    // two 1 MiB arrays per run.
    assertThat(bytes).isLessThan(10L * (1 << 20));
  }

  @Test
  void countingTurnedOff_isReported_andRules110And310AreSkippedWithTheReason() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    String reason =
        "this JVM cannot count the bytes a thread allocates:"
            + " ThreadMXBean.isThreadAllocatedMemoryEnabled() is false (counting was turned off)";
    List<RuleResult> selector;
    List<RuleResult> hash;
    threads.setThreadAllocatedMemoryEnabled(false);
    try {
      assertThat(AllocationMeter.supported()).isFalse();
      assertThat(AllocationMeter.unsupportedReason()).contains(reason);
      assertThatThrownBy(() -> AllocationMeter.measure(1, () -> {}))
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessage(reason);
      selector = LauncherRun.selector(new WeightedRendezvous(), Map.of(), Duration.ofSeconds(30));
      hash = LauncherRun.hashAlgorithm(new Fnv1a64(), Duration.ofSeconds(30));
    } finally {
      threads.setThreadAllocatedMemoryEnabled(true);
    }
    assertThat(AllocationMeter.supported()).isTrue();
    assertOnlySkipped(selector, Rule.LOOKUPS_ALLOCATE_NOTHING, "not measured: " + reason);
    assertOnlySkipped(hash, Rule.HASHING_ALLOCATES_NOTHING, "not measured: " + reason);
  }

  /** {@code rule} is skipped with {@code reason}, and no other rule is skipped or fails. */
  private static void assertOnlySkipped(List<RuleResult> results, Rule rule, String reason) {
    for (RuleResult result : results) {
      if (result.rule() == rule) {
        assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(result.message()).isEqualTo(reason);
      } else {
        assertThat(result.outcome()).as(result.name()).isEqualTo(Outcome.PASSED);
      }
    }
  }

  @Test
  void badArguments_areRefused() {
    assertThatThrownBy(() -> AllocationMeter.measure(0, () -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("times must be at least 1: 0");
    assertThatThrownBy(() -> AllocationMeter.measure(1, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("action");
  }
}
