package dev.hashring.ketama;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The radix sort of ring points orders exactly as {@code Arrays.sort} of the packed longs. */
class PointSortTest {

  /** Points of {@code servers} servers in rank order, positions drawn from {@code values}. */
  private static long[] points(SplittableRandom random, int servers, int perServer, int values) {
    long[] points = new long[servers * perServer];
    int at = 0;
    for (int rank = 0; rank < servers; rank++) {
      for (int k = 0; k < perServer; k++) {
        int position = values == 0 ? random.nextInt() : random.nextInt(values) - values / 2;
        points[at++] = (long) position << 32 | rank;
      }
    }
    return points;
  }

  @Test
  void sort_ordersByPositionThenRank_likeAComparisonSort() {
    SplittableRandom random = new SplittableRandom(42);
    // Sizes on both sides of the radix threshold; whole-range positions, and a few distinct
    // values (every position shared by many servers, signs mixed) to check that ties keep rank.
    for (int servers : new int[] {1, 3, 10, 100, 1_000}) {
      for (int values : new int[] {0, 7, 1_000}) {
        long[] points = points(random, servers, 40, values);
        long[] expected = points.clone();
        Arrays.sort(expected);
        PointSort.sort(points);
        assertThat(points)
            .as("%d servers, %d distinct values", servers, values)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void sort_handlesTheExtremePositions() {
    long[] points = new long[512];
    for (int i = 0; i < points.length; i++) {
      int position =
          switch (i % 4) {
            case 0 -> Integer.MIN_VALUE;
            case 1 -> Integer.MAX_VALUE;
            case 2 -> -1;
            default -> 0;
          };
      points[i] = (long) position << 32 | (i / 4);
    }
    long[] expected = points.clone();
    Arrays.sort(expected);
    PointSort.sort(points);
    assertThat(points).isEqualTo(expected);
  }
}
