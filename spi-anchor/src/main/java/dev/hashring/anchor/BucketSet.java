package dev.hashring.anchor;

import java.util.Arrays;

/**
 * The buckets while a history is replayed: JumpBackAnchor's add and remove, which {@link
 * BucketTable} then freezes for lookups. Every operation matches hash4j's {@code
 * ConsistentJumpBackAnchorBucketSetHasher}, so that the same operations give the same buckets.
 *
 * <ul>
 *   <li>{@link #add()} takes back the bucket removed last, or when none is removed opens bucket
 *       {@code capacity}.
 *   <li>{@link #remove(int)} of the last bucket while none is removed closes it (jump's own
 *       shrinking); removing the only live bucket empties the set; any other removal pushes the
 *       bucket on the stack of removed buckets and records, in its slot, how many buckets are live
 *       after it and which bucket took its position.
 * </ul>
 *
 * <p>Adding then undoes the latest removal exactly, so a removal followed by an addition restores
 * every key. Not thread-safe; one per replay.
 */
final class BucketSet {

  private int capacity;
  private int removedCount;
  private int[] removed = new int[8];
  private long[] slots = new long[8];

  /** Buckets ever in use: live and removed. */
  int capacity() {
    return capacity;
  }

  /** How many buckets are live. */
  int live() {
    return capacity - removedCount;
  }

  /** Whether adding a bucket now opens a new one rather than taking a removed one back. */
  boolean addOpensANewBucket() {
    return removedCount == 0;
  }

  /** Adds a bucket and returns it. */
  int add() {
    if (removedCount == 0) {
      if (capacity == slots.length) {
        slots = Arrays.copyOf(slots, Math.max(8, capacity * 2));
      }
      return capacity++;
    }
    int bucket = removed[--removedCount];
    slots[bucket] = 0;
    return bucket;
  }

  /** Removes a live bucket. */
  void remove(int bucket) {
    if (live() == 1) {
      Arrays.fill(slots, 0, capacity, 0L);
      capacity = 0;
      removedCount = 0;
      return;
    }
    if (bucket == capacity - 1 && removedCount == 0) {
      capacity--;
      return;
    }
    if (removedCount == removed.length) {
      removed = Arrays.copyOf(removed, removedCount * 2);
    }
    removed[removedCount++] = bucket;
    int live = live();
    slots[bucket] = BucketTable.removedSlot(bucket, viewAt(live, live + 1), live);
  }

  /** The bucket at position {@code bucket} while {@code live} buckets were live. */
  private int viewAt(int bucket, int live) {
    int b = bucket;
    while ((int) slots[b] >= live) {
      b += (int) (slots[b] >>> 32);
    }
    return b;
  }

  /** The buckets as they are now, for lookups; at least one must be live. */
  BucketTable freeze() {
    return new BucketTable(capacity, removedCount, Arrays.copyOf(slots, capacity));
  }
}
