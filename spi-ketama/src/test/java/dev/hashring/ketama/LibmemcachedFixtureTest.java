package dev.hashring.ketama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.Server;
import dev.hashring.spi.ClientHashes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * libmemcached's own ketama vectors ({@code test/fixtures/ketama.hpp}, both 99-row tables),
 * transcribed in {@code src/test/resources/published/libmemcached-ketama-fixture.txt}.
 */
class LibmemcachedFixtureTest {

  private static final Pattern ROW =
      Pattern.compile("\\{ \"((?:[^\"\\\\]|\\\\.)*)\", (\\d+)UL, (\\d+)UL, \"([0-9.]+)\" },");

  private static final int[] WEIGHTS = {600, 300, 200, 350, 1000, 800, 950, 100};

  private record Row(String key, long hash1, long hash2, String server) {}

  private static List<Row> table(String name) {
    List<Row> rows = new ArrayList<>();
    boolean inTable = false;
    for (String line : VectorFiles.lines("published/libmemcached-ketama-fixture.txt")) {
      if (line.startsWith("[")) {
        inTable = line.equals("[" + name + "]");
        continue;
      }
      if (inTable) {
        Matcher row = ROW.matcher(line.strip());
        assertThat(row.matches()).as("row '%s'", line).isTrue();
        rows.add(
            new Row(
                row.group(1).replaceAll("\\\\(.)", "$1"),
                Long.parseLong(row.group(2)),
                Long.parseLong(row.group(3)),
                row.group(4) + ":11211"));
      }
    }
    assertThat(rows).as(name).hasSize(99);
    return rows;
  }

  private static List<Server> servers() {
    List<Server> servers = new ArrayList<>();
    for (int i = 0; i < WEIGHTS.length; i++) {
      servers.add(Server.of("10.0.1." + (i + 1), 11211, WEIGHTS[i]));
    }
    return servers;
  }

  @Test
  void hash1IsTheMd5WordOfEachKey_soTheKeysAreTranscribedExactly() {
    for (String table : List.of("ketama_test_cases", "ketama_test_cases_spy")) {
      for (Row row : table(table)) {
        assertThat(ClientHashes.LIBMEMCACHED.hash("md5").hash(row.key()))
            .as("md5 of '%s'", row.key())
            .isEqualTo(row.hash1());
      }
    }
  }

  @Test
  void weightedTable_everyKeyOnItsServer_andOnTheContinuumPointOfHash2() {
    ContinuumRing ring =
        (ContinuumRing)
            new KetamaSelector().ring(servers(), Map.of("compat", "libmemcached-weighted"));
    long[] points = ring.points();
    for (Row row : table("ketama_test_cases")) {
      assertThat(ring.primary(row.key()).address()).as("'%s'", row.key()).isEqualTo(row.server());
      assertThat(ceiling(points, row.hash1()))
          .as("point hit by '%s'", row.key())
          .isEqualTo(row.hash2());
    }
  }

  @Test
  void weightedTable_pointsPerServerAreThoseOfTheFloat32Formula() {
    ContinuumRing ring =
        (ContinuumRing)
            new KetamaSelector().ring(servers(), Map.of("compat", "libmemcached-weighted"));
    // spec §3.9: 176, 88, 56, 104, 296, 236, 280, 28 points (1 264 in all)
    assertThat(PointCount.libketamaShare().counts(servers()))
        .containsExactly(176, 88, 56, 104, 296, 236, 280, 28);
    assertThat(ring.size()).isEqualTo(1264);
  }

  @Test
  void spyTable_everyKeyOnItsServer() {
    var ring =
        new KetamaSelector().ring(servers(), Map.of("compat", "libmemcached-spy", "hash", "md5"));
    for (Row row : table("ketama_test_cases_spy")) {
      assertThat(ring.primary(row.key()).address()).as("'%s'", row.key()).isEqualTo(row.server());
    }
  }

  @Test
  void spyTable_hash2IsACopyOfTheWeightedTable_notPointsOfTheSpyRing() {
    List<Row> weighted = table("ketama_test_cases");
    List<Row> spy = table("ketama_test_cases_spy");
    ContinuumRing ring =
        (ContinuumRing)
            new KetamaSelector()
                .ring(servers(), Map.of("compat", "libmemcached-spy", "hash", "md5"));
    long[] points = ring.points();
    int pointsOfTheSpyRing = 0;
    for (int i = 0; i < spy.size(); i++) {
      assertThat(spy.get(i).hash2()).isEqualTo(weighted.get(i).hash2());
      if (Arrays.binarySearch(points, spy.get(i).hash2()) >= 0) {
        pointsOfTheSpyRing++;
      }
    }
    assertThat(pointsOfTheSpyRing).as("hash2 values that are points of the SPY ring").isZero();
  }

  /** The first point at or after {@code hash}, wrapping to the first. */
  private static long ceiling(long[] points, long hash) {
    int at = Arrays.binarySearch(points, hash);
    if (at < 0) {
      at = -at - 1;
    }
    return points[at == points.length ? 0 : at];
  }
}
