package dev.hashring.anchor;

import static org.assertj.core.api.Assertions.assertThat;

import com.dynatrace.hash4j.consistent.ConsistentBucketHasher;
import com.dynatrace.hash4j.consistent.ConsistentBucketSetHasher;
import com.dynatrace.hash4j.consistent.ConsistentHashing;
import com.dynatrace.hash4j.hashing.HashStream64;
import com.dynatrace.hash4j.hashing.Hashing;
import com.dynatrace.hash4j.random.PseudoRandomGeneratorProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The bucket function against hash4j's own JumpBackAnchor ({@code
 * ConsistentHashing.jumpBackAnchorHash(splitMix64_V1())}), an independent implementation of the
 * same algorithm: the same adds and removes give the same bucket ids and the same bucket for every
 * key hash.
 */
class BucketTableTest {

  private static ConsistentBucketSetHasher hash4j() {
    return ConsistentHashing.jumpBackAnchorHash(PseudoRandomGeneratorProvider.splitMix64_V1());
  }

  @Test
  void jumpBack_isHash4jsJumpBackHash() {
    ConsistentBucketHasher reference =
        ConsistentHashing.jumpBackHash(PseudoRandomGeneratorProvider.splitMix64_V1());
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 200_000; i++) {
      int buckets = 2 + (random.nextInt() >>> 1 >>> random.nextInt(31)) % ((1 << 22) - 1);
      long hash = random.nextLong();
      assertThat((int) BucketTable.jumpBack(hash, buckets))
          .as("hash %x over %d buckets", hash, buckets)
          .isEqualTo(reference.getBucket(hash, buckets));
    }
  }

  @Test
  void randomAddsAndRemoves_giveHash4jsBucketIdsAndBuckets() {
    SplittableRandom random = new SplittableRandom(2);
    int compared = 0;
    for (int run = 0; run < 40; run++) {
      ConsistentBucketSetHasher reference = hash4j();
      BucketSet ours = new BucketSet();
      List<Integer> live = new ArrayList<>();
      int operations = 50 + random.nextInt(400);
      double removeShare = 0.2 + 0.4 * random.nextDouble();
      for (int op = 0; op < operations; op++) {
        if (!live.isEmpty() && random.nextDouble() < removeShare) {
          int bucket = live.remove(random.nextInt(live.size()));
          assertThat(reference.removeBucket(bucket)).isTrue();
          ours.remove(bucket);
        } else {
          int bucket = ours.add();
          assertThat(bucket).as("run %d, operation %d", run, op).isEqualTo(reference.addBucket());
          live.add(bucket);
        }
        assertThat(ours.live()).isEqualTo(live.size());
        if (live.isEmpty()) {
          continue;
        }
        BucketTable table = ours.freeze();
        for (int k = 0; k < 50; k++) {
          long hash = random.nextLong();
          assertThat(table.bucket(hash))
              .as("run %d, operation %d, hash %x", run, op, hash)
              .isEqualTo(reference.getBucket(hash));
          compared++;
        }
      }
    }
    System.out.println("compared " + compared + " lookups with hash4j");
  }

  @Test
  void stabilityChecksum_isHash4jsPublishedValue() {
    // hash4j's own test (AbstractConsistentBucketSetHasherTest.testStability with
    // ConsistentJumpBackAnchorBucketSetHasherTest.getCheckSum): random adds and removes, 100
    // lookups after each, every bucket folded into komihash5_0.
    SplittableRandom random = new SplittableRandom(0xea29dbd906636eb9L);
    HashStream64 checksum = Hashing.komihash5_0().hashStream();
    BucketSet buckets = new BucketSet();
    List<Integer> live = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      if (random.nextDouble() < 0.5) {
        if (!live.isEmpty()) {
          int at = random.nextInt(live.size());
          int bucket = live.get(at);
          live.set(at, live.get(live.size() - 1));
          live.remove(live.size() - 1);
          buckets.remove(bucket);
        }
      } else {
        live.add(buckets.add());
      }
      if (!live.isEmpty()) {
        BucketTable table = buckets.freeze();
        for (int k = 0; k < 100; k++) {
          checksum.putInt(table.bucket(random.nextLong()));
        }
      }
    }
    assertThat(checksum.getAsLong()).isEqualTo(0xeb47923b33bd1aceL);
  }

  @Test
  void extraRemovals_answerAsTheLongerHistoryDoes() {
    SplittableRandom random = new SplittableRandom(3);
    for (int run = 0; run < 60; run++) {
      BucketSet base = new BucketSet();
      List<Integer> live = new ArrayList<>();
      int size = 2 + random.nextInt(300);
      for (int i = 0; i < size; i++) {
        live.add(base.add());
      }
      for (int i = random.nextInt(size / 2 + 1); i > 0 && live.size() > 1; i--) {
        base.remove(live.remove(random.nextInt(live.size())));
      }
      // The same history twice: frozen, with removals on top; and the set itself, going on.
      BucketTable table = base.freeze();
      ExtraRemovals extra = new ExtraRemovals(table);
      BucketSet longer = base;
      int more = 1 + random.nextInt(live.size() - 1);
      for (int i = 0; i < more; i++) {
        // Sometimes the last bucket, which may shrink the capacity.
        int at = random.nextInt(4) == 0 ? indexOfMax(live) : random.nextInt(live.size());
        int bucket = live.remove(at);
        extra.remove(bucket);
        longer.remove(bucket);
        BucketTable expected = longer.freeze();
        for (int k = 0; k < 100; k++) {
          long hash = random.nextLong();
          assertThat(table.bucket(hash, extra))
              .as("run %d, removal %d, hash %x", run, i, hash)
              .isEqualTo(expected.bucket(hash));
        }
      }
    }
  }

  private static int indexOfMax(List<Integer> values) {
    int at = 0;
    for (int i = 1; i < values.size(); i++) {
      if (values.get(i) > values.get(at)) {
        at = i;
      }
    }
    return at;
  }
}
