package dev.hashring.tck;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hashring.HashAlgorithm;
import dev.hashring.Ring;
import dev.hashring.Server;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;

/**
 * Rules 1.10 and 3.10: a lookup, and hashing, allocate nothing. The calls run in the rule's own
 * thread, which {@link AllocationMeter} measures; the trace records the call once, not per key, so
 * that recording allocates nothing while the meter runs.
 */
final class AllocationRules {

  /** Calls per measured round: 100 passes over 1,000 keys. */
  static final int PASSES = 100;

  /** Keys per pass, of every kind together. */
  static final int KEYS = 1_000;

  /** The most bytes 100,000 calls may allocate; see rule 1.10 for why. */
  static final long BOUND = 1_024;

  /** Calls per kind of key when a failure is broken down by kind. */
  private static final int CALLS_PER_KIND = 20_000;

  private static final int[] SIZES = {3, 50};

  private AllocationRules() {}

  /** Rule 1.10. */
  static void lookupsAllocateNothing(SelectorUnderTest s) {
    skipUnlessMeasurable();
    Map<String, byte[][]> kinds = lookupKeys();
    byte[][] keys = concatenate(kinds);
    for (int size : SIZES) {
      List<Server> servers = SampleServers.of(size, 110);
      Ring ring = s.ring(servers);
      s.trace.call(
          "primary, " + Describe.count((long) PASSES * keys.length) + " times in a loop", null);
      long bytes = lookups(ring, keys, PASSES);
      if (bytes > BOUND) {
        Map<String, Double> perCall = new LinkedHashMap<>();
        kinds.forEach(
            (kind, ofKind) -> {
              int passes = Math.max(1, CALLS_PER_KIND / ofKind.length);
              perCall.put(kind, lookups(ring, ofKind, passes) / (double) (passes * ofKind.length));
            });
        throw s.violation()
            .expected("primary(byte[]) to allocate nothing: " + bound())
            .actual(allocated(bytes, keys.length, perCall))
            .build();
      }
    }
  }

  /** Rule 3.10. */
  static void hashingAllocatesNothing(AlgorithmUnderTest a) {
    skipUnlessMeasurable();
    Map<String, Slices> kinds = hashSlices();
    Slices all = Slices.concatenate(kinds.values());
    a.trace.call(
        "hash(key, offset, length), "
            + Describe.count((long) PASSES * all.keys.length)
            + " times in a loop",
        null);
    long bytes = hashes(a.algorithm, all, PASSES);
    if (bytes > BOUND) {
      Map<String, Double> perCall = new LinkedHashMap<>();
      kinds.forEach(
          (kind, slices) -> {
            int passes = Math.max(1, CALLS_PER_KIND / slices.keys.length);
            perCall.put(
                kind, hashes(a.algorithm, slices, passes) / (double) (passes * slices.keys.length));
          });
      throw a.violation()
          .expected("hash(key, offset, length) to allocate nothing: " + bound())
          .actual(allocated(bytes, all.keys.length, perCall))
          .build();
    }
  }

  private static void skipUnlessMeasurable() {
    AllocationMeter.unsupportedReason()
        .ifPresent(reason -> Assumptions.abort("not measured: " + reason));
  }

  /** Bytes allocated by {@code passes} passes over {@code keys}, the least over the rounds. */
  private static long lookups(Ring ring, byte[][] keys, int passes) {
    Server[] sink = new Server[64];
    return AllocationMeter.measure(
        passes,
        () -> {
          for (int i = 0; i < keys.length; i++) {
            sink[i & 63] = ring.primary(keys[i]);
          }
        });
  }

  private static long hashes(HashAlgorithm algorithm, Slices slices, int passes) {
    long[] sink = new long[1];
    return AllocationMeter.measure(
        passes,
        () -> {
          long sum = 0;
          for (int i = 0; i < slices.keys.length; i++) {
            sum += algorithm.hash(slices.keys[i], slices.offsets[i], slices.lengths[i]);
          }
          sink[0] += sum;
        });
  }

  private static String bound() {
    return "at most "
        + Describe.count(BOUND)
        + " bytes in "
        + Describe.count((long) PASSES * KEYS)
        + " calls, after a warm-up of as many (one 16-byte object per call would be "
        + Describe.count(16L * PASSES * KEYS)
        + ")";
  }

  private static String allocated(long bytes, int keys, Map<String, Double> perCall) {
    StringBuilder text =
        new StringBuilder()
            .append(Describe.count((long) PASSES * keys))
            .append(" calls allocated ")
            .append(Describe.count(bytes))
            .append(" bytes, ")
            .append(Describe.ratio(bytes / ((double) PASSES * keys)))
            .append(" bytes per call (the least of up to 10 rounds); per call by kind of key:");
    String separator = " ";
    for (Map.Entry<String, Double> kind : perCall.entrySet()) {
      text.append(separator).append(kind.getKey()).append(' ');
      text.append(Describe.ratio(kind.getValue()));
      separator = ", ";
    }
    return text.toString();
  }

  /**
   * The keys of rule 1.10 by kind, 1,000 in all: realistic keys; the UTF-8 bytes of the awkward
   * keys of rule 1.6 but the empty one (which some clients refuse), the short ones apart from those
   * longer than memcached's 250 bytes; and random bytes.
   */
  private static Map<String, byte[][]> lookupKeys() {
    List<byte[]> awkward = new ArrayList<>();
    List<byte[]> longKeys = new ArrayList<>();
    for (String key : SampleKeys.awkward()) {
      byte[] bytes = key.getBytes(UTF_8);
      if (bytes.length > 250) {
        longKeys.add(bytes);
      } else if (bytes.length > 0) {
        awkward.add(bytes);
      }
    }
    Random random = new Random(110);
    int randomCount = 100;
    byte[][] randomKeys = new byte[randomCount][];
    for (int i = 0; i < randomCount; i++) {
      randomKeys[i] = new byte[1 + random.nextInt(300)];
      random.nextBytes(randomKeys[i]);
    }
    int realistic = KEYS - randomCount - awkward.size() - longKeys.size();
    Map<String, byte[][]> kinds = new LinkedHashMap<>();
    kinds.put("realistic keys", SampleKeys.utf8(SampleKeys.realistic(110, realistic)));
    kinds.put("awkward UTF-8 keys", awkward.toArray(new byte[0][]));
    kinds.put(
        "keys of "
            + Describe.count(longKeys.stream().mapToInt(key -> key.length).min().orElseThrow())
            + " to "
            + Describe.count(longKeys.stream().mapToInt(key -> key.length).max().orElseThrow())
            + " bytes",
        longKeys.toArray(new byte[0][]));
    kinds.put("random bytes", randomKeys);
    return kinds;
  }

  private static byte[][] concatenate(Map<String, byte[][]> kinds) {
    List<byte[]> all = new ArrayList<>();
    kinds.values().forEach(keys -> all.addAll(List.of(keys)));
    return all.toArray(new byte[0][]);
  }

  /** The slices of rule 3.10 by kind: 1,000 in all, realistic keys and random bytes. */
  private static Map<String, Slices> hashSlices() {
    Random random = new Random(310);
    int randomCount = 200;
    List<byte[]> randomKeys = new ArrayList<>();
    for (int i = 0; i < randomCount; i++) {
      byte[] key = new byte[1 + random.nextInt(300)];
      random.nextBytes(key);
      randomKeys.add(key);
    }
    List<byte[]> realistic =
        List.of(SampleKeys.utf8(SampleKeys.realistic(310, KEYS - randomCount)));
    Map<String, Slices> kinds = new LinkedHashMap<>();
    kinds.put("realistic keys", Slices.padded(realistic, random));
    kinds.put("random bytes", Slices.padded(randomKeys, random));
    return kinds;
  }

  /** Keys, each at an offset in a larger array. */
  private static final class Slices {

    final byte[][] keys;
    final int[] offsets;
    final int[] lengths;

    private Slices(byte[][] keys, int[] offsets, int[] lengths) {
      this.keys = keys;
      this.offsets = offsets;
      this.lengths = lengths;
    }

    /** Each key copied into an array with 0 to 7 random bytes before it and after it. */
    static Slices padded(List<byte[]> keys, Random random) {
      int n = keys.size();
      byte[][] arrays = new byte[n][];
      int[] offsets = new int[n];
      int[] lengths = new int[n];
      for (int i = 0; i < n; i++) {
        byte[] key = keys.get(i);
        offsets[i] = random.nextInt(8);
        lengths[i] = key.length;
        arrays[i] = new byte[offsets[i] + key.length + random.nextInt(8)];
        random.nextBytes(arrays[i]);
        System.arraycopy(key, 0, arrays[i], offsets[i], key.length);
      }
      return new Slices(arrays, offsets, lengths);
    }

    static Slices concatenate(Iterable<Slices> parts) {
      List<byte[]> keys = new ArrayList<>();
      List<Integer> offsets = new ArrayList<>();
      List<Integer> lengths = new ArrayList<>();
      for (Slices part : parts) {
        for (int i = 0; i < part.keys.length; i++) {
          keys.add(part.keys[i]);
          offsets.add(part.offsets[i]);
          lengths.add(part.lengths[i]);
        }
      }
      return new Slices(
          keys.toArray(new byte[0][]),
          offsets.stream().mapToInt(Integer::intValue).toArray(),
          lengths.stream().mapToInt(Integer::intValue).toArray());
    }
  }
}
