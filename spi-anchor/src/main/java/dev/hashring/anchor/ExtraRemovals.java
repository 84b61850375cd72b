package dev.hashring.anchor;

/**
 * Buckets removed on top of a {@link BucketTable} without changing it: what one failover sequence
 * needs to know where a key goes once the servers it has listed are removed. Each removal is the
 * one {@link BucketSet#remove(int)} makes, so a lookup through this answers exactly what the ring
 * of the longer history answers.
 *
 * <p>The slots of the removed buckets live in a small open-addressing table, so the cost is
 * proportional to the buckets removed here, not to the table. Not thread-safe; one per sequence.
 */
final class ExtraRemovals {

  private final BucketTable table;
  private int capacity;
  private int removedCount;
  private int[] buckets = new int[8];
  private long[] slots = new long[8];
  private int size;

  ExtraRemovals(BucketTable table) {
    this.table = table;
    this.capacity = table.capacity();
    this.removedCount = table.removedCount();
  }

  /** Buckets ever in use, as the longer history would have them. */
  int capacity() {
    return capacity;
  }

  /** Removes a bucket that is live in the table and not yet removed here; never the last one. */
  void remove(int bucket) {
    if (capacity - removedCount == 1) {
      throw new IllegalStateException("the last live bucket stays: " + bucket);
    }
    if (bucket == capacity - 1 && removedCount == 0) {
      capacity--;
      return;
    }
    removedCount++;
    int live = capacity - removedCount;
    put(bucket, BucketTable.removedSlot(bucket, table.viewAt(live, live + 1, this), live));
  }

  /** The slot of a bucket removed here, or 0. */
  long slot(int bucket) {
    int mask = buckets.length - 1;
    for (int i = home(bucket); ; i = (i + 1) & mask) {
      int held = buckets[i];
      if (held == 0) {
        return 0;
      }
      if (held == bucket + 1) {
        return slots[i];
      }
    }
  }

  private void put(int bucket, long slot) {
    if (2 * (size + 1) > buckets.length) {
      int[] oldBuckets = buckets;
      long[] oldSlots = slots;
      buckets = new int[oldBuckets.length * 2];
      slots = new long[oldBuckets.length * 2];
      for (int i = 0; i < oldBuckets.length; i++) {
        if (oldBuckets[i] != 0) {
          insert(oldBuckets[i], oldSlots[i]);
        }
      }
    }
    insert(bucket + 1, slot);
    size++;
  }

  /** Stores {@code slot} under {@code key} (a bucket plus one, so that 0 marks a free place). */
  private void insert(int key, long slot) {
    int mask = buckets.length - 1;
    int i = home(key - 1);
    while (buckets[i] != 0) {
      i = (i + 1) & mask;
    }
    buckets[i] = key;
    slots[i] = slot;
  }

  /** Where a bucket's search starts: Fibonacci hashing, the top bits of a product. */
  private int home(int bucket) {
    return (bucket * 0x9E3779B9) >>> Integer.numberOfLeadingZeros(buckets.length - 1);
  }
}
