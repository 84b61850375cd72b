package dev.hashring.rendezvous;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelector;
import dev.hashring.tck.CompatVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code compat=pymemcache} against pymemcache 3.5.2 itself: its own unit-test values, the shared
 * recordings, golden V19, and the vectors {@code src/test/scripts/pymemcache_vectors.py} recorded
 * from the installed pymemcache.
 */
class PymemcacheCompatTest {

  private static final Path GENERATED = Path.of("src/test/resources/pymemcache");
  private static final Path SHARED =
      Path.of(System.getProperty("hashring.shared", "../../shared"), "compat-vectors");
  private static final Path ROOT =
      Path.of(System.getProperty("hashring.root", ".."), "compat-vectors");
  private static final Map<String, String> PYMEMCACHE = Map.of("compat", "pymemcache");

  private final ServerSelector selector = new RendezvousSelector();

  private Ring ring(List<Server> servers) {
    return selector.ring(servers, PYMEMCACHE);
  }

  @TestFactory
  Stream<DynamicTest> everyGeneratedPlacement_isPymemcachesChoice() {
    List<Path> files = CompatVectors.filesIn(GENERATED.resolve("placement"));
    assertThat(files).hasSizeGreaterThanOrEqualTo(11);
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      CompatVectors vectors = CompatVectors.read(file);
                      Map<String, String> options = vectors.configuration().orElseThrow().options();
                      assertThat(options.get("compat")).isEqualTo("pymemcache");
                      assertThat(vectors.placements()).hasSizeGreaterThan(500);
                      Ring ring = selector.ring(vectors.servers(), options);
                      assertThat(vectors.disagreements(ring)).isEmpty();
                      for (CompatVectors.Placement placement : vectors.placements()) {
                        byte[] bytes = placement.key().getBytes(UTF_8);
                        assertThat(ring.primary(bytes).address())
                            .as("byte[] key '%s'", placement.key())
                            .isEqualTo(placement.address());
                      }
                    }));
  }

  @Test
  void sharedRecordingFromRealServers_isReproduced() {
    CompatVectors vectors = CompatVectors.read(SHARED.resolve("pymemcache-rendezvous-5.tsv"));
    assertThat(vectors.placements()).hasSize(300);
    assertThat(vectors.disagreements(ring(vectors.servers()))).isEmpty();
  }

  /** Recordings by the record branch (repository's compat-vectors), and any in ../shared. */
  @TestFactory
  Stream<DynamicTest> everyRecordingNamingThisProfile_isReproduced() throws IOException {
    List<Path> files = new ArrayList<>(CompatVectors.filesIn(SHARED));
    files.addAll(CompatVectors.filesIn(ROOT));
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : files) {
      CompatVectors vectors = CompatVectors.read(file);
      boolean ours =
          vectors
              .configuration()
              .map(c -> c.selector().equals("rendezvous"))
              .orElse(vectors.header().getOrDefault("peer", "").startsWith("pymemcache"));
      if (!ours) {
        continue;
      }
      Map<String, String> options =
          vectors.configuration().map(CompatVectors.Configuration::options).orElse(PYMEMCACHE);
      tests.add(
          DynamicTest.dynamicTest(
              file.toString(),
              () ->
                  assertThat(vectors.disagreements(selector.ring(vectors.servers(), options)))
                      .isEmpty()));
    }
    assertThat(tests).as("recordings found in %s and %s", SHARED, ROOT).isNotEmpty();
    return tests.stream();
  }

  /**
   * The record branch's finding: keys given to pymemcache as {@code bytes} are hashed as their
   * repr, and land elsewhere than the same keys as {@code str}; {@code key_type=bytes} follows.
   */
  @Test
  void recordedBytesKeys_areReproducedWithKeyTypeBytes() {
    Path file = ROOT.resolve("findings/pymemcache-rendezvous-bytes-keys-3.tsv");
    CompatVectors vectors = CompatVectors.read(file);
    assertThat(vectors.placements()).hasSize(300);
    Map<String, String> bytes = Map.of("compat", "pymemcache", "key_type", "bytes");
    assertThat(vectors.disagreements(selector.ring(vectors.servers(), bytes))).isEmpty();
    assertThat(vectors.disagreements(ring(vectors.servers()))).hasSizeGreaterThan(100);
  }

  @Test
  void goldenV19_isReproduced() throws IOException {
    int rows = 0;
    for (String line : Files.readAllLines(SHARED.resolve("golden.tsv"), UTF_8)) {
      String[] columns = line.split("\t");
      if (!columns[0].startsWith("pymemcache")) {
        continue;
      }
      String nodes = columns[1].substring(columns[1].indexOf("nodes=") + "nodes=".length());
      List<Server> servers = new ArrayList<>();
      for (String spec : nodes.split(",")) {
        servers.add(Server.parse(spec));
      }
      assertThat(ring(servers).primary(columns[2]).address())
          .as("key %s", columns[2])
          .isEqualTo(columns[3]);
      rows++;
    }
    assertThat(rows).isEqualTo(12);
  }

  /** pymemcache's test_rendezvous.py: nodes named "0", "1", "2" (not host:port). */
  @Test
  void pymemcacheUnitTests_getNode_afterAddition_afterRemoval() {
    assertThat(primaries(3, "ok", "mykey", "wat", "lol")).containsExactly("0", "1", "2", "2");
    assertThat(primaries(4, "ok", "mykey", "wat", "lol")).containsExactly("0", "1", "2", "3");
    PymemcacheRing withoutOne = nodeRing(List.of("0", "2"));
    assertThat(nodeOf(withoutOne, "ok")).isEqualTo("0");
    assertThat(nodeOf(withoutOne, "mykey")).isEqualTo("0");
    assertThat(nodeOf(withoutOne, "wat")).isEqualTo("2");
  }

  /** test_grow: ten nodes to twenty, keys "0".."999": 531 keys move (added + removed = 1062). */
  @Test
  void pymemcacheUnitTests_grow_moves531Keys() {
    assertThat(moves(numbered(10), numbered(20))).isEqualTo(1062 / 2);
  }

  /** test_shrink: node "9" removed from ten: 101 keys move (added + removed = 202). */
  @Test
  void pymemcacheUnitTests_shrink_moves101Keys() {
    assertThat(moves(numbered(10), numbered(9))).isEqualTo(202 / 2);
  }

  @TestFactory
  Stream<DynamicTest> failover_isPymemcachesOrderWhenNodesAreRemoved() {
    return SequenceFile.filesIn(GENERATED.resolve("failover")).stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      SequenceFile recorded = SequenceFile.read(file, false);
                      Ring ring = ring(recorded.servers());
                      for (SequenceFile.Row row : recorded.rows()) {
                        assertThat(addresses(ring.failover(row.key())))
                            .as("key '%s'", row.keyText())
                            .isEqualTo(row.addresses());
                        assertThat(addresses(ring.failover(row.keyText())))
                            .as("String key '%s'", row.keyText())
                            .isEqualTo(row.addresses());
                      }
                    }));
  }

  @Test
  void keyBytesThatAreNotUtf8_areHashedAsTheReprOfABytesKey() {
    SequenceFile recorded = SequenceFile.read(GENERATED.resolve("bytes-keys.tsv"), true);
    assertThat(recorded.rows()).hasSize(400);
    Ring ring = ring(recorded.servers());
    for (SequenceFile.Row row : recorded.rows()) {
      assertThat(ring.primary(row.key()).address())
          .as("key %s", HexFormat.of().formatHex(row.key()))
          .isEqualTo(row.addresses().get(0));
    }
  }

  @Test
  void equalScores_goToTheLargerNodeString_inAnyListOrder() throws IOException {
    List<String> lines = Files.readAllLines(GENERATED.resolve("ties.tsv"), UTF_8);
    int rows = 0;
    for (String line : lines) {
      if (line.startsWith("#")) {
        continue;
      }
      String[] columns = line.split("\t");
      List<Server> servers = new ArrayList<>();
      for (String spec : columns[1].split(",")) {
        servers.add(Server.parse(spec));
      }
      Ring ring = ring(servers);
      assertThat(ring.primary(columns[0]).address()).as(line).isEqualTo(columns[2]);
      assertThat(ring.failover(columns[0]).next().address()).as(line).isEqualTo(columns[2]);
      rows++;
    }
    assertThat(rows).isEqualTo(8);
  }

  private static List<String> addresses(Iterator<Server> sequence) {
    List<String> addresses = new ArrayList<>();
    sequence.forEachRemaining(server -> addresses.add(server.address()));
    return addresses;
  }

  private static List<String> numbered(int count) {
    List<String> nodes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      nodes.add(Integer.toString(i));
    }
    return nodes;
  }

  /** A ring whose node strings are {@code nodes}, on made-up servers. */
  private static PymemcacheRing nodeRing(List<String> nodes) {
    List<Server> servers = new ArrayList<>();
    for (String node : nodes) {
      servers.add(Server.of("10.0.0.1", 1000 + Integer.parseInt(node)));
    }
    return new PymemcacheRing(servers, nodes, false);
  }

  private static String nodeOf(Ring ring, String key) {
    return Integer.toString(ring.primary(key).port() - 1000);
  }

  private static List<String> primaries(int nodes, String... keys) {
    PymemcacheRing ring = nodeRing(numbered(nodes));
    List<String> answers = new ArrayList<>();
    for (String key : keys) {
      answers.add(nodeOf(ring, key));
    }
    return answers;
  }

  private static int moves(List<String> before, List<String> after) {
    PymemcacheRing first = nodeRing(before);
    PymemcacheRing second = nodeRing(after);
    int moved = 0;
    for (int i = 0; i < 1000; i++) {
      String key = Integer.toString(i);
      if (!nodeOf(first, key).equals(nodeOf(second, key))) {
        moved++;
      }
    }
    return moved;
  }
}
