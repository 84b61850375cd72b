package dev.hashring.anchor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.tck.AllocationMeter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What a lookup costs, counted rather than timed: the removed buckets it meets and the successor
 * links it follows after JumpBackHash ({@link BucketTable#work}), and the bytes it allocates.
 */
class LookupCostTest {

  /**
   * The mean work over 20,000 seeded key hashes, after removing a share of the buckets at random.
   */
  private static double meanWork(int capacity, double removedShare, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    BucketSet buckets = new BucketSet();
    List<Integer> live = new ArrayList<>();
    for (int i = 0; i < capacity; i++) {
      live.add(buckets.add());
    }
    int removals = (int) Math.round(capacity * removedShare);
    for (int i = 0; i < removals; i++) {
      buckets.remove(live.remove(random.nextInt(live.size())));
    }
    BucketTable table = buckets.freeze();
    long work = 0;
    for (int i = 0; i < 20_000; i++) {
      work += table.work(random.nextLong());
    }
    return work / 20_000.0;
  }

  @Test
  void work_followsTheShareRemoved_notTheNumberOfRemovals() {
    double[] shares = {0, 0.5, 0.9, 0.99};
    int[] capacities = {1_000, 10_000, 100_000};
    double[][] work = new double[shares.length][capacities.length];
    StringBuilder table = new StringBuilder("mean work per lookup (removed share x capacity):\n");
    for (int s = 0; s < shares.length; s++) {
      table.append(String.format(Locale.ROOT, "%5.0f%%", shares[s] * 100));
      for (int c = 0; c < capacities.length; c++) {
        work[s][c] = meanWork(capacities[c], shares[s], 31L * s + c);
        table.append(String.format(Locale.ROOT, "  %7.2f", work[s][c]));
      }
      table.append('\n');
    }
    System.out.print(table);
    for (int c = 0; c < capacities.length; c++) {
      assertThat(work[0][c]).as(table.toString()).isZero();
      assertThat(work[1][c]).as(table.toString()).isLessThan(3);
      assertThat(work[2][c]).as(table.toString()).isLessThan(10);
      assertThat(work[3][c]).as(table.toString()).isLessThan(25);
    }
    // 100 times the removals, the same share removed: about the same work.
    for (int s = 1; s < shares.length; s++) {
      assertThat(work[s][2])
          .as(table.toString())
          .isBetween(work[s][0] * 0.7, work[s][0] * 1.4 + 0.2);
    }
  }

  @Test
  void adversarialRemovalOrder_makesWorkLinear_asDocumented() {
    // The worst case hash4j documents: the first bucket, then every last one but one.
    int capacity = 2_000;
    BucketSet buckets = new BucketSet();
    for (int i = 0; i < capacity; i++) {
      buckets.add();
    }
    buckets.remove(0);
    for (int b = capacity - 1; b >= 2; b--) {
      buckets.remove(b);
    }
    BucketTable table = buckets.freeze();
    SplittableRandom random = new SplittableRandom(5);
    long work = 0;
    for (int i = 0; i < 1_000; i++) {
      work += table.work(random.nextLong());
    }
    System.out.println("adversarial order, 2,000 buckets, 1 live: mean work " + work / 1_000.0);
    assertThat(work / 1_000.0).isGreaterThan(capacity / 4.0);
  }

  @Test
  void primary_allocatesNothing_forByteArrayAndAsciiStringKeys() {
    List<Server> servers = Histories.weighted(20, 3, 8);
    Ring ring =
        new AnchorSelector().ring(servers, Map.of("history", Histories.churned(servers, 8)));
    byte[][] byteKeys = new byte[64][];
    String[] stringKeys = new String[64];
    for (int i = 0; i < 64; i++) {
      stringKeys[i] = "user:" + i + ":profile";
      byteKeys[i] = stringKeys[i].getBytes(UTF_8);
    }
    Server[] sink = new Server[64];
    int[] at = {0};
    long bytes =
        AllocationMeter.measure(
            200_000, () -> sink[at[0] & 63] = ring.primary(byteKeys[at[0]++ & 63]));
    long strings =
        AllocationMeter.measure(
            200_000, () -> sink[at[0] & 63] = ring.primary(stringKeys[at[0]++ & 63]));
    assertThat(sink).doesNotContainNull();
    // 200 000 lookups: an allocation per lookup would show at least 3.2 MB.
    assertThat(bytes).as("bytes allocated by 200 000 byte[] lookups").isLessThan(4_096);
    assertThat(strings).as("bytes allocated by 200 000 String lookups").isLessThan(4_096);
  }
}
