package dev.hashring.anchor;

/**
 * The buckets of a history, frozen for lookups: JumpBackAnchor (Ertl; hash4j {@code
 * ConsistentHashing.jumpBackAnchorHash} with {@code
 * PseudoRandomGeneratorProvider.splitMix64_V1()}), the memory-optimised AnchorHash of Mendelson et
 * al. over JumpBackHash.
 *
 * <p>Buckets {@code 0 .. capacity - 1} have been in use; some are live, the others removed. A key's
 * 64-bit hash seeds a SplitMix64 sequence. JumpBackHash over {@code capacity} picks a bucket from
 * it; while that bucket is removed, the sequence picks a position below the number of buckets that
 * were live just after its removal, and the bucket at that position then is the next candidate.
 *
 * <p>A removed bucket {@code b} has one {@code long} in {@link #slots}: the number of live buckets
 * just after its removal ({@code n}, low 32 bits, at least 1) and the offset from {@code b} to the
 * bucket that took position {@code n} from it (high 32 bits). A live bucket has 0. {@link
 * #viewAt(int, int, ExtraRemovals)} follows those offsets: the bucket at position {@code b} while
 * {@code v} buckets were live.
 *
 * <p>Immutable; lookups read the arrays only, keep the random sequence in a local variable, and so
 * are thread-safe and allocate nothing.
 */
final class BucketTable {

  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private final int capacity;
  private final int removedCount;
  private final long[] slots;

  /**
   * @param capacity buckets ever in use, at least 1
   * @param removedCount how many of them are removed, fewer than {@code capacity}
   * @param slots one per bucket, {@code capacity} of them; kept, not copied
   */
  BucketTable(int capacity, int removedCount, long[] slots) {
    this.capacity = capacity;
    this.removedCount = removedCount;
    this.slots = slots;
  }

  /**
   * The slot of a removed bucket: {@code n} live buckets after it left, {@code h} took its place.
   */
  static long removedSlot(int bucket, int successor, int n) {
    return ((long) (successor - bucket) << 32) | (0xFFFFFFFFL & n);
  }

  int capacity() {
    return capacity;
  }

  int removedCount() {
    return removedCount;
  }

  /** The live bucket of a key hash. */
  int bucket(long keyHash) {
    return bucket(keyHash, capacity, null, null);
  }

  /** The live bucket of a key hash once {@code extra} buckets are removed as well. */
  int bucket(long keyHash, ExtraRemovals extra) {
    return bucket(keyHash, extra.capacity(), extra, null);
  }

  /**
   * The work of looking a key hash up beyond JumpBackHash: how many removed buckets it met, plus
   * how many successor links it followed. For tests and measurements.
   */
  int work(long keyHash) {
    int[] work = new int[1];
    bucket(keyHash, capacity, null, work);
    return work[0];
  }

  /** The slot of {@code bucket}, with {@code extra}'s removals on top when it is not null. */
  long slot(int bucket, ExtraRemovals extra) {
    long slot = slots[bucket];
    return slot == 0 && extra != null ? extra.slot(bucket) : slot;
  }

  /** The bucket at position {@code bucket} while {@code live} buckets were live. */
  int viewAt(int bucket, int live, ExtraRemovals extra) {
    return viewAt(bucket, live, extra, null);
  }

  private int viewAt(int bucket, int live, ExtraRemovals extra, int[] work) {
    int b = bucket;
    while (true) {
      long slot = slot(b, extra);
      if ((int) slot < live) {
        return b;
      }
      b += (int) (slot >>> 32);
      if (work != null) {
        work[0]++;
      }
    }
  }

  private int bucket(long keyHash, int capacity, ExtraRemovals extra, int[] work) {
    if (capacity <= 1) {
      return 0;
    }
    long jump = jumpBack(keyHash, capacity);
    int bucket = (int) jump;
    // The random sequence goes on after the values JumpBackHash drew.
    long state = keyHash + (jump >>> 32) * GOLDEN_GAMMA;
    // AnchorHash: while the bucket is removed, pick a position among those live just after.
    while (true) {
      int live = (int) slot(bucket, extra);
      if (live == 0) {
        return bucket;
      }
      if (work != null) {
        work[0]++;
      }
      // A uniform position below 'live' (Lemire 2019, 32 bits), as hash4j's uniformInt.
      state += GOLDEN_GAMMA;
      long product = (mix(state) & 0xFFFFFFFFL) * live;
      if ((product & 0xFFFFFFFFL) < live) {
        long threshold = 0x100000000L % live;
        while ((product & 0xFFFFFFFFL) < threshold) {
          state += GOLDEN_GAMMA;
          product = (mix(state) & 0xFFFFFFFFL) * live;
        }
      }
      bucket = viewAt((int) (product >>> 32), live, extra, work);
    }
  }

  /**
   * JumpBackHash (Ertl 2024) over {@code capacity} buckets, at least 2, drawing from the SplitMix64
   * sequence seeded with {@code keyHash}, exactly as hash4j's {@code
   * ConsistentJumpBackBucketHasher}.
   *
   * @return the number of values drawn in the high 32 bits, the bucket in the low 32 bits
   */
  static long jumpBack(long keyHash, int capacity) {
    long draws = 1;
    long r0 = mix(keyHash + GOLDEN_GAMMA);
    int masked =
        ((int) (r0 ^ (r0 >>> 32))) & (0xFFFFFFFF >>> Integer.numberOfLeadingZeros(capacity - 1));
    while (masked != 0) {
      int rangeMin = 1 << ~Integer.numberOfLeadingZeros(masked);
      int bucket = rangeMin + ((int) (r0 >>> (Integer.bitCount(masked) << 5)) & (rangeMin - 1));
      if (bucket < capacity) {
        return draws << 32 | bucket;
      }
      int rangeMax = (rangeMin << 1) - 1;
      while (true) {
        // Ends: a bit of a SplitMix64 sequence does not stay set for long.
        long r1 = mix(keyHash + ++draws * GOLDEN_GAMMA);
        bucket = (int) r1 & rangeMax;
        if (bucket < rangeMin) {
          break;
        }
        if (bucket < capacity) {
          return draws << 32 | bucket;
        }
        bucket = (int) (r1 >>> 32) & rangeMax;
        if (bucket < rangeMin) {
          break;
        }
        if (bucket < capacity) {
          return draws << 32 | bucket;
        }
      }
      masked ^= rangeMin;
    }
    return draws << 32;
  }

  /** The SplitMix64 output function. */
  private static long mix(long state) {
    long z = state;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
