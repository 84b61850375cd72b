package dev.hashring.tck;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Rules 3.1 to 3.9: what every hash algorithm must do. */
final class HashRules {

  private static final int CASES = 2_000;
  private static final int MAX_LENGTH = 300;

  private HashRules() {}

  /** Rule 3.1. */
  static void equalContentEqualHash(AlgorithmUnderTest a) {
    Random random = new Random(31);
    for (int i = 0; i < CASES; i++) {
      byte[] key = SampleKeys.bytes(random, MAX_LENGTH);
      long first = a.hash(key);
      long whole = a.hash(key, 0, key.length);
      long copy = a.hash(key.clone());
      long again = a.hash(key);
      if (first != whole || first != copy || first != again) {
        throw a.violation()
            .key(key)
            .expected(
                "hash(key), hash(key, 0, key.length), the hash of a copy and a second call to agree")
            .actual(
                "hash(key) "
                    + Describe.hash(first)
                    + ", hash(key, 0, "
                    + key.length
                    + ") "
                    + Describe.hash(whole)
                    + ", copy "
                    + Describe.hash(copy)
                    + ", again "
                    + Describe.hash(again))
            .build();
      }
    }
  }

  /** Rule 3.2. */
  static void sliceHashesLikeItsCopy(AlgorithmUnderTest a) {
    Random random = new Random(32);
    for (int i = 0; i < CASES; i++) {
      byte[] key = SampleKeys.bytes(random, MAX_LENGTH);
      int[] slice = slice(random, key.length, i);
      int offset = slice[0];
      int length = slice[1];
      byte[] copy = Arrays.copyOfRange(key, offset, offset + length);
      long ofSlice = a.hash(key, offset, length);
      long ofCopy = a.hash(copy);
      if (ofSlice != ofCopy) {
        throw a.violation()
            .key(key)
            .expected(
                "hash(key, "
                    + offset
                    + ", "
                    + length
                    + ") to equal the hash of those "
                    + length
                    + " bytes alone, "
                    + Describe.hash(ofCopy))
            .actual("it is " + Describe.hash(ofSlice))
            .build();
      }
      for (int j = 0; j < key.length; j++) {
        if (j < offset || j >= offset + length) {
          key[j] = (byte) (key[j] + 1 + random.nextInt(255));
        }
      }
      long changedOutside = a.hash(key, offset, length);
      if (changedOutside != ofSlice) {
        throw a.violation()
            .key(key)
            .expected(
                "hash(key, "
                    + offset
                    + ", "
                    + length
                    + ") to stay "
                    + Describe.hash(ofSlice)
                    + " when only bytes outside the slice change")
            .actual("it became " + Describe.hash(changedOutside))
            .build();
      }
    }
  }

  /** A slice of an array: at the start, at the end, empty, or anywhere, by turns. */
  private static int[] slice(Random random, int size, int turn) {
    int length = random.nextInt(size + 1);
    switch (turn % 4) {
      case 0:
        return new int[] {0, length};
      case 1:
        return new int[] {size - length, length};
      case 2:
        return new int[] {random.nextInt(size + 1), 0};
      default:
        int offset = random.nextInt(size - length + 1);
        return new int[] {offset, length};
    }
  }

  /** Rule 3.3. */
  static void inputIsNotModified(AlgorithmUnderTest a) {
    Random random = new Random(33);
    for (int i = 0; i < CASES; i++) {
      byte[] key = SampleKeys.bytes(random, MAX_LENGTH);
      int[] slice = slice(random, key.length, i);
      byte[] before = key.clone();
      a.hash(key, slice[0], slice[1]);
      a.hash(key);
      int changed = Arrays.mismatch(before, key);
      if (changed >= 0) {
        throw a.violation()
            .key(before)
            .expected("the key's bytes to stay as they were")
            .actual(
                "byte "
                    + changed
                    + " changed from "
                    + before[changed]
                    + " to "
                    + key[changed]
                    + " after hash(key, "
                    + slice[0]
                    + ", "
                    + slice[1]
                    + ") and hash(key)")
            .build();
      }
    }
  }

  /** Rule 3.4. */
  static void valuesFitTheWidth(AlgorithmUnderTest a) {
    int bits = a.bits();
    if (bits == 64) {
      return;
    }
    Random random = new Random(34);
    List<byte[]> keys = SampleKeys.printable(34, 10_000, 1, 64);
    for (int i = 0; i < 10_000; i++) {
      keys.add(SampleKeys.bytes(random, 100));
    }
    for (byte[] key : keys) {
      long value = a.hash(key);
      if (value >>> bits != 0) {
        throw a.violation()
            .key(key)
            .expected("a value from 0 to 2^" + bits + " - 1, since bits() is " + bits)
            .actual(Describe.hash(value))
            .build();
      }
    }
  }

  /** Rule 3.5. */
  static void stringHashIsUtf8Hash(AlgorithmUnderTest a) {
    List<String> keys = new ArrayList<>(SampleKeys.awkward());
    keys.addAll(SampleKeys.randomUnicode(35, CASES));
    for (String key : keys) {
      long ofString = a.hash(key);
      long ofBytes = a.hash(key.getBytes(UTF_8));
      if (ofString != ofBytes) {
        throw a.violation()
            .key(key)
            .expected("hash(key) to equal hash(key.getBytes(UTF_8)) = " + Describe.hash(ofBytes))
            .actual("it is " + Describe.hash(ofString))
            .build();
      }
    }
  }

  /** Rule 3.6. */
  static void hashingIsThreadSafe(AlgorithmUnderTest a) throws InterruptedException {
    List<String> keys = SampleKeys.realistic(36, 2_000);
    int n = keys.size();
    byte[][] padded = new byte[n][];
    int[] offsets = new int[n];
    int[] lengths = new int[n];
    Random random = new Random(36);
    for (int i = 0; i < n; i++) {
      byte[] key = keys.get(i).getBytes(UTF_8);
      offsets[i] = random.nextInt(8);
      lengths[i] = key.length;
      padded[i] = new byte[offsets[i] + key.length + random.nextInt(8)];
      random.nextBytes(padded[i]);
      System.arraycopy(key, 0, padded[i], offsets[i], key.length);
    }
    a.trace.call("hash, from " + ThreadedAgreement.threads() + " threads", null);
    Optional<ThreadedAgreement.Disagreement> found =
        ThreadedAgreement.check(
            2 * n,
            task ->
                task < n
                    ? a.algorithm.hash(padded[task], offsets[task], lengths[task])
                    : a.algorithm.hash(keys.get(task - n)));
    if (found.isEmpty()) {
      return;
    }
    ThreadedAgreement.Disagreement d = found.get();
    String key = keys.get(d.task() % n);
    String call = d.task() < n ? "hash(bytes, offset, length)" : "hash(String)";
    if (d.error() != null) {
      throw a.violation()
          .key(key)
          .expected("hashing from " + ThreadedAgreement.threads() + " threads at once to succeed")
          .actual(
              call
                  + " threw "
                  + Describe.thrown(d.error())
                  + " in thread '"
                  + d.thread()
                  + "', "
                  + d.when())
          .build(d.error());
    }
    throw a.violation()
        .key(key)
        .expected(call + " to give " + Describe.hash((Long) d.expected()) + ", as in one thread")
        .actual(
            "thread '" + d.thread() + "' got " + Describe.hash((Long) d.actual()) + ", " + d.when())
        .build();
  }

  /** Rule 3.7. */
  static void rejectsBadInput(AlgorithmUnderTest a) {
    byte[] key = "user:42".getBytes(UTF_8);
    int n = key.length;
    expect(
        a,
        "hash((byte[]) null)",
        NullPointerException.class,
        () -> a.algorithm.hash((byte[]) null));
    expect(a, "hash(null, 0, 0)", NullPointerException.class, () -> a.algorithm.hash(null, 0, 0));
    expect(
        a,
        "hash((String) null)",
        NullPointerException.class,
        () -> a.algorithm.hash((String) null));
    int[][] bad = {
      {-1, 1},
      {0, -1},
      {0, n + 1},
      {n + 1, 0},
      {1, n},
      {n, 1},
      {-1, 0},
      {Integer.MAX_VALUE, 1},
      {1, Integer.MAX_VALUE},
      {Integer.MIN_VALUE, 0}
    };
    for (int[] slice : bad) {
      expect(
          a,
          "hash(key of " + n + " bytes, " + slice[0] + ", " + slice[1] + ")",
          IndexOutOfBoundsException.class,
          () -> a.algorithm.hash(key, slice[0], slice[1]));
    }
    a.trace.call("hash", key, n + ", 0");
    long empty = a.algorithm.hash(key, n, 0);
    long reference = a.hash(new byte[0]);
    if (empty != reference) {
      throw a.violation()
          .key(key)
          .expected(
              "hash(key, key.length, 0), an empty slice, to be the hash of no bytes: "
                  + Describe.hash(reference))
          .actual(Describe.hash(empty))
          .build();
    }
  }

  private static void expect(
      AlgorithmUnderTest a,
      String call,
      Class<? extends RuntimeException> expected,
      java.util.concurrent.Callable<Long> action) {
    a.trace.call(call, null);
    long returned;
    try {
      returned = action.call();
    } catch (Exception thrown) {
      if (!expected.isInstance(thrown)) {
        throw a.violation()
            .expected(call + " to throw " + expected.getSimpleName())
            .actual("it threw " + Describe.thrown(thrown))
            .build(thrown);
      }
      return;
    }
    throw a.violation()
        .expected(call + " to throw " + expected.getSimpleName())
        .actual("it returned " + Describe.hash(returned))
        .build();
  }

  /** Rule 3.8. */
  static void similarKeysDoNotCollide(AlgorithmUnderTest a) {
    int bits = Math.min(a.bits(), 32);
    Map<String, List<byte[]>> families = new java.util.LinkedHashMap<>();
    List<byte[]> sequential = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      sequential.add(("key:" + i).getBytes(UTF_8));
    }
    families.put("20,000 sequential keys key:0 to key:19999", sequential);
    Random random = new Random(38);
    byte[] base = SampleKeys.printable(random, 64);
    List<byte[]> flips = new ArrayList<>();
    flips.add(base);
    for (int bit = 0; bit < base.length * 8; bit++) {
      byte[] flipped = base.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      flips.add(flipped);
    }
    families.put("a 64-byte key and its 512 variants with one bit flipped", flips);
    byte[] longKey = SampleKeys.printable(random, 250);
    List<byte[]> prefixes = new ArrayList<>();
    for (int length = 0; length <= longKey.length; length++) {
      prefixes.add(Arrays.copyOf(longKey, length));
    }
    families.put("the 251 prefixes of a 250-byte key", prefixes);
    long mask = bits == 64 ? -1L : (1L << bits) - 1;
    for (Map.Entry<String, List<byte[]>> family : families.entrySet()) {
      List<byte[]> keys = family.getValue();
      Map<Long, byte[]> seen = new HashMap<>();
      int collisions = 0;
      byte[][] example = null;
      for (byte[] key : keys) {
        byte[] earlier = seen.putIfAbsent(a.hash(key) & mask, key);
        if (earlier != null && collisions++ == 0) {
          example = new byte[][] {earlier, key};
        }
      }
      double expected = expectedCollisions(keys.size(), bits);
      double bound = 2 * expected + 20;
      if (collisions > bound) {
        throw a.violation()
            .expected(
                "at most "
                    + Describe.count((long) bound)
                    + " collisions on the low "
                    + bits
                    + " bits among "
                    + family.getKey()
                    + " (a random function has "
                    + Describe.ratio(expected)
                    + ")")
            .actual(
                Describe.count(collisions)
                    + " collisions, for example "
                    + Describe.key(example[0])
                    + " and "
                    + Describe.key(example[1])
                    + " both hash to "
                    + Describe.hash(a.algorithm.hash(example[0]) & mask)
                    + " on those bits")
            .build();
      }
    }
  }

  /** The keys that collide with an earlier one, expected of a random function of {@code bits}. */
  static double expectedCollisions(int keys, int bits) {
    double values = Math.pow(2, bits);
    double distinct = values * -Math.expm1(keys * Math.log1p(-1 / values));
    return keys - distinct;
  }

  /** Rule 3.9. */
  static void bitsAreBalanced(AlgorithmUnderTest a) {
    int bits = a.bits();
    List<byte[]> keys = SampleKeys.printable(39, 20_000, 8, 64);
    int[] ones = new int[bits];
    for (byte[] key : keys) {
      long value = a.hash(key);
      for (int bit = 0; bit < bits; bit++) {
        ones[bit] += (int) (value >>> bit) & 1;
      }
    }
    for (int bit = 0; bit < bits; bit++) {
      double share = ones[bit] / (double) keys.size();
      if (share < 0.4 || share > 0.6) {
        StringBuilder all = new StringBuilder();
        for (int b = 0; b < bits; b++) {
          all.append(b == 0 ? "" : ", ").append(b).append(": ");
          all.append(Math.round(ones[b] * 100.0 / keys.size())).append('%');
        }
        throw a.violation()
            .expected(
                "each of the "
                    + bits
                    + " bits to be set for 40% to 60% of "
                    + Describe.count(keys.size())
                    + " random printable keys of 8 to 64 bytes")
            .actual(
                "bit "
                    + bit
                    + " is set for "
                    + Describe.ratio(share * 100)
                    + "%; every bit: "
                    + all)
            .build();
      }
    }
  }
}
