package dev.hashring.jump;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.dynatrace.hash4j.consistent.ConsistentBucketHasher;
import com.dynatrace.hash4j.consistent.ConsistentHashing;
import com.dynatrace.hash4j.hashing.HashStream64;
import com.dynatrace.hash4j.hashing.Hashing;
import com.dynatrace.hash4j.random.PseudoRandomGenerator;
import com.dynatrace.hash4j.random.PseudoRandomGeneratorProvider;
import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.Trait;
import dev.hashring.hash4j.Hash4jAlgorithms;
import dev.hashring.tck.AllocationMeter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The native jump: JumpBackHash over XXH3, weighted through consecutive buckets. */
class JumpNativeTest {

  private final JumpSelector selector = new JumpSelector();

  @Test
  void builtInXxh3_matchesTheReferenceImplementation() throws IOException {
    // Recorded with xxhsum -H3 (the xxHash reference), see src/test/scripts/record-xxh3.sh.
    int checked = 0;
    try (InputStream in = getClass().getResourceAsStream("xxh3-xxhsum.tsv");
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t", -1);
        byte[] key = HexFormat.of().parseHex(columns[0]);
        long expected = Long.parseUnsignedLong(columns[1], 16);
        assertThat(Hash4jAlgorithms.xxh3_64().hash(key))
            .as("XXH3 of %s", columns[0])
            .isEqualTo(expected);
        assertThat(Hash4jAlgorithms.xxh3_64().hash(new String(key, UTF_8)))
            .as("XXH3 of the String %s", columns[0])
            .isEqualTo(expected);
        checked++;
      }
    }
    assertThat(checked).isEqualTo(31);
  }

  @Test
  void jumpBackHash_reproducesHash4jPublishedChecksum() {
    // hash4j's own test (ConsistentJumpBackBucketHasherSplitMix64Test.CHECKSUM): one million
    // (hash, bucket count) pairs from a seeded SplittableRandom, buckets folded into komihash5_0.
    SplittableRandom random = new SplittableRandom(0x0a55871a9d9103b7L);
    HashStream64 checksum = Hashing.komihash5_0().hashStream();
    BucketChoice choice = JumpProfile.NATIVE.buckets();
    for (int i = 0; i < 1_000_000; i++) {
      int buckets = Math.max(1, random.nextInt() >>> 1 >>> random.nextInt());
      checksum.putInt(choice.bucket(random.nextLong(), buckets));
    }
    assertThat(checksum.getAsLong()).isEqualTo(0x23d7a0d288cd67e7L);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 50, 500})
  void primary_isJumpBackHashOfXxh3OverWeightedBuckets(int size) {
    // Independent composition: hash4j's generic JumpBackHash (another code path than the ring's)
    // and a linear walk over the cumulative weights.
    ConsistentBucketHasher jumpBack =
        ConsistentHashing.jumpBackHash(PseudoRandomGeneratorProvider.splitMix64_V1());
    for (int maxWeight : new int[] {1, 10}) {
      List<Server> servers = Topologies.weightedServers(size, maxWeight, size * 31L + maxWeight);
      int total = servers.stream().mapToInt(Server::weight).sum();
      Ring ring = selector.ring(servers);
      for (String key : Topologies.keys(3_000, size)) {
        byte[] bytes = key.getBytes(UTF_8);
        int bucket = jumpBack.getBucket(Hashing.xxh3_64().hashBytesToLong(bytes), total);
        Server expected = ownerOf(servers, bucket);
        assertThat(ring.primary(bytes)).as("key %s", key).isEqualTo(expected);
        assertThat(ring.primary(key)).as("String key %s", key).isEqualTo(expected);
      }
    }
  }

  private static Server ownerOf(List<Server> servers, int bucket) {
    int left = bucket;
    for (Server server : servers) {
      left -= server.weight();
      if (left < 0) {
        return server;
      }
    }
    throw new AssertionError("bucket " + bucket + " beyond the total weight");
  }

  @Test
  void ring_claimsWeightedOnly() {
    assertThat(selector.ring(Topologies.servers(3)).traits()).containsExactly(Trait.WEIGHTED);
    assertThat(selector.ring(Topologies.servers(3), Map.of("compat", "native")).traits())
        .containsExactly(Trait.WEIGHTED);
  }

  @Test
  void appendingAServer_movesKeysOnlyToIt() {
    List<Server> before = Topologies.weightedServers(9, 5, 7);
    List<Server> after = new ArrayList<>(before);
    after.add(Server.of("10.9.9.9", 11211, 3));
    int total = after.stream().mapToInt(Server::weight).sum();
    Ring small = selector.ring(before);
    Ring large = selector.ring(after);
    int moved = 0;
    List<String> keys = Topologies.keys(50_000, 11);
    for (String key : keys) {
      Server was = small.primary(key);
      Server now = large.primary(key);
      if (!was.equals(now)) {
        assertThat(now).as("key %s moved from %s", key, was).isEqualTo(after.get(9));
        moved++;
      }
    }
    double share = moved / (double) keys.size();
    // Expected 3/total; 50 000 keys give a standard deviation under 0.2 percentage points.
    assertThat(share)
        .as("share moved to the new server")
        .isBetween(3.0 / total * 0.9, 3.0 / total * 1.1);
  }

  @Test
  void raisingTheLastServersWeight_movesKeysOnlyToIt() {
    List<Server> before = Topologies.weightedServers(6, 4, 3);
    List<Server> after = new ArrayList<>(before);
    Server last = before.get(5);
    after.set(5, last.withWeight(last.weight() + 4));
    Ring small = selector.ring(before);
    Ring large = selector.ring(after);
    int moved = 0;
    for (String key : Topologies.keys(20_000, 5)) {
      Server was = small.primary(key);
      Server now = large.primary(key);
      if (!was.equals(now)) {
        assertThat(now).as("key %s moved from %s", key, was).isEqualTo(after.get(5));
        moved++;
      }
    }
    assertThat(moved).isPositive();
  }

  @Test
  void removingAServerThatIsNotLast_movesKeysOfOtherServers() {
    // What the selector's javadoc warns about: buckets are renumbered after the removed server.
    List<Server> before = Topologies.servers(5);
    List<Server> after = new ArrayList<>(before);
    Server removed = after.remove(1);
    Ring small = selector.ring(before);
    Ring large = selector.ring(after);
    int movedBetweenOthers = 0;
    for (String key : Topologies.keys(10_000, 9)) {
      Server was = small.primary(key);
      if (!was.equals(removed) && !was.equals(large.primary(key))) {
        movedBetweenOthers++;
      }
    }
    assertThat(movedBetweenOthers).isGreaterThan(1_000);
  }

  @Test
  void equalWeights_spreadKeysEvenly() {
    int servers = 10;
    int keys = 100_000;
    Ring ring = selector.ring(Topologies.servers(servers));
    Map<Server, Integer> counts = count(ring, Topologies.keys(keys, 21));
    // Each count is binomial(100 000, 0.1): standard deviation 95, so +-7% (7 000 +- 700) is
    // beyond 7 standard deviations.
    assertThat(counts.values())
        .as("keys per server %s", counts)
        .hasSize(servers)
        .allSatisfy(count -> assertThat(count).isBetween(9_300, 10_700));
  }

  @Test
  void weights_decideTheShares() {
    List<Server> servers =
        List.of(
            Server.of("10.0.0.1", 11211, 1),
            Server.of("10.0.0.2", 11211, 2),
            Server.of("10.0.0.3", 11211, 5),
            Server.of("10.0.0.4", 11211, 12));
    int keys = 100_000;
    Map<Server, Integer> counts = count(selector.ring(servers), Topologies.keys(keys, 22));
    for (Server server : servers) {
      double expected = keys * server.weight() / 20.0;
      assertThat((double) counts.getOrDefault(server, 0))
          .as("keys of %s (expected %.0f); all counts %s", server, expected, counts)
          .isBetween(expected * 0.9, expected * 1.1);
    }
  }

  private static Map<Server, Integer> count(Ring ring, List<String> keys) {
    Map<Server, Integer> counts = new LinkedHashMap<>();
    for (String key : keys) {
      counts.merge(ring.primary(key), 1, Integer::sum);
    }
    return counts;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 17, 60})
  void failover_listsEveryServerOnceStartingWithThePrimary(int size) {
    Ring ring = selector.ring(Topologies.weightedServers(size, 6, size));
    for (String key : Topologies.keys(500, size)) {
      List<Server> sequence = new ArrayList<>();
      Iterator<Server> failover = ring.failover(key);
      while (failover.hasNext() && sequence.size() <= size) {
        sequence.add(failover.next());
      }
      assertThat(sequence.get(0)).isEqualTo(ring.primary(key));
      assertThat(sequence).doesNotHaveDuplicates().hasSize(size);
      assertThat(new HashSet<>(sequence)).isEqualTo(new HashSet<>(ring.servers()));
      List<Server> again = new ArrayList<>();
      ring.failover(key.getBytes(UTF_8)).forEachRemaining(again::add);
      assertThat(again).as("byte[] and String sequences").isEqualTo(sequence);
    }
  }

  @Test
  void failover_spreadsADeadServersKeysOverTheOthersByWeight() {
    List<Server> servers =
        List.of(
            Server.of("10.0.0.1", 11211, 2),
            Server.of("10.0.0.2", 11211, 1),
            Server.of("10.0.0.3", 11211, 1),
            Server.of("10.0.0.4", 11211, 2),
            Server.of("10.0.0.5", 11211, 4));
    Ring ring = selector.ring(servers);
    Server dead = servers.get(0);
    Map<Server, Integer> second = new LinkedHashMap<>();
    int orphans = 0;
    for (String key : Topologies.keys(100_000, 33)) {
      Iterator<Server> failover = ring.failover(key);
      if (failover.next().equals(dead)) {
        second.merge(failover.next(), 1, Integer::sum);
        orphans++;
      }
    }
    // About 20 000 orphans over weights 1, 1, 2, 4 (of 8): expected 2 500, 2 500, 5 000, 10 000,
    // standard deviations of 50 to 70; +-12% is beyond 4 of them.
    for (Server server : servers.subList(1, servers.size())) {
      double expected = orphans * server.weight() / 8.0;
      assertThat((double) second.getOrDefault(server, 0))
          .as(
              "second choice %s of %d orphans (expected %.0f): %s",
              server, orphans, expected, second)
          .isBetween(expected * 0.88, expected * 1.12);
    }
  }

  @Test
  void bucketChoice_costsAboutTheSameForAnyBucketCount() {
    // JumpBackHash draws a small expected number of random values whatever the bucket count
    // (Ertl 2024); count them by feeding hash4j's generic JumpBackHash a counting generator,
    // which answers exactly like the ring's bucket function.
    CountingGenerator generator = new CountingGenerator();
    ConsistentBucketHasher counted = ConsistentHashing.jumpBackHash(() -> generator);
    BucketChoice ours = JumpProfile.NATIVE.buckets();
    SplittableRandom random = new SplittableRandom(99);
    Map<Integer, Double> drawsPerLookup = new TreeMap<>();
    for (int buckets : new int[] {2, 10, 1_000, 100_000, 4_194_304, Integer.MAX_VALUE}) {
      generator.draws = 0;
      int lookups = 20_000;
      for (int i = 0; i < lookups; i++) {
        long hash = random.nextLong();
        assertThat(counted.getBucket(hash, buckets)).isEqualTo(ours.bucket(hash, buckets));
      }
      drawsPerLookup.put(buckets, generator.draws / (double) lookups);
    }
    assertThat(drawsPerLookup.values())
        .as("random values drawn per lookup, by bucket count: %s", drawsPerLookup)
        .allSatisfy(draws -> assertThat(draws).isBetween(1.0, 2.0));
  }

  /** SplitMix64 from hash4j that counts the random values drawn. */
  private static final class CountingGenerator implements PseudoRandomGenerator {
    private final PseudoRandomGenerator real =
        PseudoRandomGeneratorProvider.splitMix64_V1().create();
    long draws;

    @Override
    public long nextLong() {
      draws++;
      return real.nextLong();
    }

    @Override
    public int nextInt() {
      draws++;
      return real.nextInt();
    }

    @Override
    public int uniformInt(int exclusiveBound) {
      draws++;
      return real.uniformInt(exclusiveBound);
    }

    @Override
    public long uniformLong(long exclusiveBound) {
      draws++;
      return real.uniformLong(exclusiveBound);
    }

    @Override
    public PseudoRandomGenerator reset(long seed) {
      real.reset(seed);
      return this;
    }

    @Override
    public double nextDouble() {
      draws++;
      return real.nextDouble();
    }

    @Override
    public double nextExponential() {
      draws++;
      return real.nextExponential();
    }
  }

  @Test
  void lookups_allocateNothing() {
    Ring ring = selector.ring(Topologies.weightedServers(40, 8, 1));
    byte[][] byteKeys = new byte[64][];
    String[] stringKeys = new String[64];
    for (int i = 0; i < 64; i++) {
      stringKeys[i] = "user:" + i + ":profile";
      byteKeys[i] = stringKeys[i].getBytes(UTF_8);
    }
    // The sink is a plain array: Server.hashCode boxes, so a HashSet would allocate by itself.
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
