package dev.hashring.ketama;

/**
 * The sorted point positions of a ring and a small table that narrows the search for a key's point:
 * for each value of the top bits of a position, the first point at or above it. A lookup reads one
 * table entry and then searches only the few points that share the key's top bits, instead of the
 * whole array, which at thousands of servers no longer fits in the CPU's caches.
 *
 * <p>The table has one entry per 8 to 16 points (at most half a byte per point), so a key's top
 * bits leave about 8 points to search on average. The search among them is a binary search, so a
 * ring whose points crowd into a few top-bit values (a 15-bit key hash such as {@code crc}) still
 * costs a logarithmic search, never a scan.
 *
 * <p>Positions are {@code int}s that compare like the unsigned point values ({@link KeyHasher});
 * {@code position ^ Integer.MIN_VALUE} is therefore the unsigned value, whose top bits pick the
 * table entry.
 */
final class SortedPositions {

  /** Points per table entry, at least: the table costs at most 4 / 8 bytes per point. */
  private static final int POINTS_PER_ENTRY = 8;

  private final int[] positions;
  private final int[] firstAtOrAbove;
  private final int shift;

  /**
   * @param positions ascending, at least one; kept, not copied
   */
  SortedPositions(int[] positions) {
    this.positions = positions;
    int bits = Math.max(1, 31 - Integer.numberOfLeadingZeros(positions.length / POINTS_PER_ENTRY));
    this.shift = Integer.SIZE - bits;
    int entries = 1 << bits;
    this.firstAtOrAbove = new int[entries + 1];
    int at = 0;
    for (int entry = 0; entry < entries; entry++) {
      while (at < positions.length && topBits(positions[at]) < entry) {
        at++;
      }
      firstAtOrAbove[entry] = at;
    }
    firstAtOrAbove[entries] = positions.length;
  }

  private int topBits(int position) {
    return (position ^ Integer.MIN_VALUE) >>> shift;
  }

  /** How many points there are. */
  int length() {
    return positions.length;
  }

  /** The position of point {@code at}. */
  int at(int at) {
    return positions[at];
  }

  /**
   * The index of the first point at or above {@code position}, wrapping to the first point.
   *
   * @param position a key's position
   * @return an index of a point
   */
  int find(int position) {
    int entry = topBits(position);
    // Points below firstAtOrAbove[entry] have smaller top bits, so they lie below the position;
    // points from firstAtOrAbove[entry + 1] on have larger ones, so the first of them is above it.
    int low = firstAtOrAbove[entry];
    int high = firstAtOrAbove[entry + 1];
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
}
