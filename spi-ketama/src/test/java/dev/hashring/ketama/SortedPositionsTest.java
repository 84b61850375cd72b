package dev.hashring.ketama;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The indexed search finds what a plain binary search over all positions finds: the first point at
 * or above a position, wrapping to the first point.
 */
class SortedPositionsTest {

  /**
   * The reference, a plain lower-bound search over the whole array: the first index whose position
   * is at or above {@code position}, or 0 when there is none.
   */
  private static int firstAtOrAbove(int[] positions, int position) {
    int low = 0;
    int high = positions.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (positions[middle] < position) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low == positions.length ? 0 : low;
  }

  private static void assertFindsAsReference(int[] positions, int[] probes) {
    SortedPositions sorted = new SortedPositions(positions);
    for (int probe : probes) {
      assertThat(sorted.find(probe))
          .as("position %d among %d points", probe, positions.length)
          .isEqualTo(firstAtOrAbove(positions, probe));
    }
  }

  @Test
  void find_agreesWithALowerBoundSearchOverTheWholeArray_forRandomRings() {
    SplittableRandom random = new SplittableRandom(7);
    for (int size : new int[] {1, 2, 7, 15, 16, 17, 100, 1_600, 40_000}) {
      int[] positions = random.ints(size).sorted().toArray();
      int[] probes = random.ints(2_000).toArray();
      assertFindsAsReference(positions, probes);
      // Each point itself, and its neighbours.
      int[] exact = new int[size * 3];
      for (int i = 0; i < size; i++) {
        exact[3 * i] = positions[i];
        exact[3 * i + 1] = positions[i] - 1;
        exact[3 * i + 2] = positions[i] + 1;
      }
      assertFindsAsReference(positions, exact);
    }
  }

  @Test
  void find_staysCorrectWhenPointsCrowdIntoFewTopBits() {
    // A 15-bit key hash (crc) puts every point just above Integer.MIN_VALUE: one table entry holds
    // them all, and duplicates and the extremes must still be found.
    SplittableRandom random = new SplittableRandom(9);
    int[] positions = new int[5_000];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = Integer.MIN_VALUE + random.nextInt(1 << 15);
    }
    Arrays.sort(positions);
    int[] probes = new int[4_000];
    for (int i = 0; i < probes.length; i++) {
      probes[i] = i % 2 == 0 ? Integer.MIN_VALUE + random.nextInt(1 << 16) : random.nextInt();
    }
    assertFindsAsReference(positions, probes);
    assertFindsAsReference(
        new int[] {Integer.MIN_VALUE, Integer.MIN_VALUE, 0, Integer.MAX_VALUE, Integer.MAX_VALUE},
        new int[] {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -1, 0, 1, Integer.MAX_VALUE});
  }
}
