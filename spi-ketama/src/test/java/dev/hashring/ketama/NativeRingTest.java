package dev.hashring.ketama;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.HashAlgorithms;
import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.spi.Continuum;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The project's own ring: points of a server depend on the server alone. */
class NativeRingTest {

  private static final KetamaSelector KETAMA = new KetamaSelector();

  private static List<Server> servers() {
    List<Server> servers = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      servers.add(Server.of("10.0.6." + (i + 1), 11211, 1 + i % 4));
    }
    servers.add(Server.of("10.0.6.99", 22122).withName("shard-x"));
    return servers;
  }

  @Test
  void pointsAreTheMd5WordsOfIdentityDashIndex_pointsTimesWeightOfThem() throws Exception {
    List<Server> servers = servers();
    Continuum ring = (Continuum) KETAMA.ring(servers, Map.of("points", "10"));
    Map<Long, Server> expected = new HashMap<>();
    MessageDigest md5 = MessageDigest.getInstance("MD5");
    for (Server server : servers) {
      String identity = server.name().orElse(server.address());
      for (int k = 0; k < 10 * server.weight(); k++) {
        byte[] d = md5.digest((identity + "-" + k / 4).getBytes(UTF_8));
        int at = (k % 4) * 4;
        long value =
            (d[at] & 0xFFL)
                | (d[at + 1] & 0xFFL) << 8
                | (d[at + 2] & 0xFFL) << 16
                | (d[at + 3] & 0xFFL) << 24;
        expected.put(value, server);
      }
    }
    long[] points = ring.points();
    assertThat(points).hasSize(expected.size());
    for (int i = 0; i < points.length; i++) {
      assertThat(ring.owners().get(i)).isEqualTo(expected.get(points[i]));
    }
  }

  @Test
  void theOrderOfTheListChangesNothing() {
    List<Server> servers = servers();
    Ring ring = KETAMA.ring(servers, Map.of());
    Random random = new Random(31);
    for (int shuffle = 0; shuffle < 5; shuffle++) {
      List<Server> shuffled = new ArrayList<>(servers);
      Collections.shuffle(shuffled, random);
      Ring other = KETAMA.ring(shuffled, Map.of());
      for (String key : TestKeys.keys(32, 2000)) {
        assertThat(other.primary(key)).isEqualTo(ring.primary(key));
      }
    }
  }

  @Test
  void reweightingOneServer_movesKeysOnlyToOrFromIt() {
    List<Server> servers = servers();
    Ring before = KETAMA.ring(servers, Map.of());
    List<Server> heavier = new ArrayList<>(servers);
    Server changed = servers.get(3).withWeight(9);
    heavier.set(3, changed);
    Ring after = KETAMA.ring(heavier, Map.of());
    int moved = 0;
    for (String key : TestKeys.keys(33, 5000)) {
      Server was = before.primary(key);
      Server is = after.primary(key);
      if (!was.address().equals(is.address())) {
        moved++;
        assertThat(is).as(key).isEqualTo(changed);
      }
    }
    assertThat(moved).isPositive();
  }

  @Test
  void aNamedServerKeepsItsKeysWhenItsAddressChanges() {
    List<Server> servers = servers();
    Ring before = KETAMA.ring(servers, Map.of());
    List<Server> moved = new ArrayList<>(servers);
    moved.set(12, Server.of("10.9.9.9", 11211).withName("shard-x"));
    Ring after = KETAMA.ring(moved, Map.of());
    for (String key : TestKeys.keys(34, 3000)) {
      assertThat(after.primary(key).name()).isEqualTo(before.primary(key).name());
      if (before.primary(key).name().isEmpty()) {
        assertThat(after.primary(key)).isEqualTo(before.primary(key));
      }
    }
  }

  @Test
  void theEmptyKey_isHashedLikeAnyOther_theHashOfZeroBytes() {
    Continuum ring = (Continuum) KETAMA.ring(servers(), Map.of());
    long hash = HashAlgorithms.forName("murmur3").hash(new byte[0]) & 0xFFFFFFFFL;
    long[] points = ring.points();
    int at = java.util.Arrays.binarySearch(points, hash);
    at = at >= 0 ? at : -at - 1;
    Server expected = ring.owners().get(at == points.length ? 0 : at);
    assertThat(((Ring) ring).primary(new byte[0])).isEqualTo(expected);
    assertThat(((Ring) ring).primary("")).isEqualTo(expected);
  }

  @Test
  void a64BitHash_placesKeysByItsLow32Bits() {
    Continuum ring = (Continuum) KETAMA.ring(servers(), Map.of("hash", "fnv1a_64"));
    long[] points = ring.points();
    for (String key : TestKeys.keys(35, 500)) {
      long hash = HashAlgorithms.forName("fnv1a_64").hash(key) & 0xFFFFFFFFL;
      int at = java.util.Arrays.binarySearch(points, hash);
      at = at >= 0 ? at : -at - 1;
      assertThat(((Ring) ring).primary(key))
          .isEqualTo(ring.owners().get(at == points.length ? 0 : at));
    }
  }
}
