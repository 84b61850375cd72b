package dev.hashring.ketama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.Server;
import dev.hashring.spi.ClientHashes;
import dev.hashring.tck.CompatVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Point counts and point values, against the values the clients publish or produce. */
class PointsTest {

  private static List<Server> weights(int... weights) {
    List<Server> servers = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      servers.add(Server.of("10.0.0." + (i + 1), 11211, weights[i]));
    }
    return servers;
  }

  private static List<Server> equal(int n) {
    int[] ones = new int[n];
    java.util.Arrays.fill(ones, 1);
    return weights(ones);
  }

  @Test
  void libketamaShare_isComputedInFloat_asLibmemcachedComputesIt() {
    // spec §1.2, measured from libmemcached 1.1.4: in double the counts would be 32, 64, 96, 128.
    assertThat(PointCount.libketamaShare().counts(weights(1, 2, 3, 4, 15)))
        .containsExactly(28, 60, 92, 124, 480);
    assertThat(PointCount.libketamaShare().counts(weights(3, 7))).containsExactly(96, 224);
    long[] inDouble = new long[5];
    int[] w = {1, 2, 3, 4, 15};
    for (int i = 0; i < 5; i++) {
      inDouble[i] = (long) Math.floor((double) w[i] / 25 * 160 / 4 * 5 + 1e-10) * 4;
    }
    assertThat(inDouble).containsExactly(32, 64, 96, 128, 480);
  }

  @Test
  void libketamaShare_givesEqualServers156Points_for25_47_50_55Servers() {
    for (int n : new int[] {2, 3, 4, 10, 24, 26, 46, 48, 49, 51}) {
      assertThat(PointCount.libketamaShare().counts(equal(n))[0]).as("n=%d", n).isEqualTo(160);
    }
    for (int n : new int[] {25, 47, 50, 55}) {
      assertThat(PointCount.libketamaShare().counts(equal(n))[0]).as("n=%d", n).isEqualTo(156);
    }
  }

  @Test
  void libmemcachedItself_gives25EqualServers156Points_soA160PointRingMisplacesKeys() {
    // Recorded in process from libmemcached 1.1.4 (src/test/reference): KETAMA_WEIGHTED, 25
    // servers of weight 1. The profile reproduces it; the same ring with 160 points does not.
    CompatVectors vectors =
        CompatVectors.read(
            VectorFiles.reference().resolve("libmemcached-weighted-md5-equal-25.tsv"));
    Profile with160 =
        Profile.named("libmemcached-weighted-160", "test")
            .hashes(HashChoice.of(ClientHashes.LIBMEMCACHED, "md5", List.of(), Map.of()))
            .nodes(NodeFormat.LIBMEMCACHED)
            .points((servers, options) -> new PointRule(PointCount.fixed(160), PointHash.MD5_WORDS))
            .build();
    RingOptions md5 =
        new RingOptions(
            "md5",
            ClientHashes.LIBMEMCACHED.hash("md5"),
            0,
            null,
            NodeFormat.LIBMEMCACHED,
            null,
            null,
            null);
    var profile =
        new KetamaSelector().ring(vectors.servers(), Map.of("compat", "libmemcached-weighted"));
    var wrong = ContinuumBuilder.build(with160, md5, vectors.servers());
    assertThat(((ContinuumRing) profile).size()).isEqualTo(25 * 156);
    assertThat(vectors.disagreements(profile)).isEmpty();
    assertThat(vectors.disagreements(wrong)).isNotEmpty();
  }

  @Test
  void dalliShare_isExactlyProportional_inDouble() {
    assertThat(PointCount.dalliShare().counts(equal(25))).containsOnly(160);
    assertThat(PointCount.dalliShare().counts(weights(1, 2, 3))).containsExactly(80, 160, 240);
    assertThat(PointCount.dalliShare().counts(weights(1, 50000))).containsExactly(0, 319);
  }

  @Test
  void md5Words_areTwemproxysKetamaHashCheckValues() {
    // twemproxy src/test_all.c: ketama_hash("server1-8", 0) = 3853726576, (.., 3) = 2667054752
    List<Integer> points = new ArrayList<>();
    PointHash.MD5_WORDS.points("server1", "-", 36, null, points::add);
    assertThat(points.get(32) & 0xFFFFFFFFL).isEqualTo(3853726576L);
    assertThat(points.get(35) & 0xFFFFFFFFL).isEqualTo(2667054752L);
  }

  @Test
  void md5Words_takeOnlyAsManyWordsAsPointsAreAsked() {
    List<Integer> ten = new ArrayList<>();
    List<Integer> twelve = new ArrayList<>();
    PointHash.MD5_WORDS.points("a", "-", 10, null, ten::add);
    PointHash.MD5_WORDS.points("a", "-", 12, null, twelve::add);
    assertThat(ten).hasSize(10).isEqualTo(twelve.subList(0, 10));
  }

  @Test
  void sha1Prefix_isTheFirstFourDigestBytesBigEndian_asDalliReadsTheHexdigest() throws Exception {
    List<Integer> points = new ArrayList<>();
    PointHash.SHA1_PREFIX.points("10.0.1.1:11211", ":", 3, null, points::add);
    for (int k = 0; k < 3; k++) {
      byte[] d =
          java.security.MessageDigest.getInstance("SHA-1")
              .digest(("10.0.1.1:11211:" + k).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String hex = java.util.HexFormat.of().formatHex(d).substring(0, 8);
      assertThat(points.get(k) & 0xFFFFFFFFL).isEqualTo(Long.parseLong(hex, 16));
    }
  }
}
