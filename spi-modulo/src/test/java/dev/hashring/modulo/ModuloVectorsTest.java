package dev.hashring.modulo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.tck.CompatVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every placement recorded from a real client with a modulo distribution: the shared vector files,
 * the repository's recordings, and the golden table's modulo rows.
 */
class ModuloVectorsTest {

  private static final Path SHARED =
      Path.of(System.getProperty("hashring.shared", "../../shared"), "compat-vectors");
  private static final Path ROOT =
      Path.of(System.getProperty("hashring.root", ".."), "compat-vectors");

  /** Shared files carry no {@code # hashring=} line; their names say the client and hash. */
  private static final Pattern SHARED_NAME =
      Pattern.compile("(libmemcached|twemproxy)-modula-([a-z0-9_]+)-.*\\.tsv");

  /** Vectors checked, per profile, printed after the run. */
  private static final Map<String, Integer> CHECKED = new TreeMap<>();

  private final ModuloSelector selector = new ModuloSelector();

  @AfterAll
  static void report() {
    System.out.println("modulo vectors checked per compat profile: " + CHECKED);
  }

  @TestFactory
  Stream<DynamicTest> sharedFiles_placeEveryKeyWhereTheClientDid() {
    List<Path> files =
        CompatVectors.filesIn(SHARED).stream()
            .filter(file -> SHARED_NAME.matcher(file.getFileName().toString()).matches())
            .collect(Collectors.toList());
    assertThat(files).as("modulo files in %s", SHARED.toAbsolutePath()).hasSizeGreaterThan(1);
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(), () -> check(CompatVectors.read(file), null)));
  }

  @TestFactory
  Stream<DynamicTest> repositoryRecordings_placeEveryKeyWhereTheClientDid() throws IOException {
    List<CompatVectors> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(ROOT)) {
      for (Path directory : walk.filter(Files::isDirectory).sorted().toList()) {
        for (Path file : CompatVectors.filesIn(directory)) {
          if (Files.readString(file, UTF_8).contains("\n# hashring=modulo")) {
            files.add(CompatVectors.read(file));
          }
        }
      }
    }
    assertThat(files).as("modulo recordings under %s", ROOT.toAbsolutePath()).isNotEmpty();
    return files.stream()
        .map(
            vectors ->
                DynamicTest.dynamicTest(
                    ROOT.relativize(vectors.file()).toString(),
                    () -> check(vectors, vectors.configuration().orElseThrow().options())));
  }

  /**
   * Builds the ring the file names and checks every key. A libmemcached file recorded with weights
   * shows that MODULA ignores them, and so does the profile. spymemcached has no weights at all.
   */
  private void check(CompatVectors vectors, Map<String, String> given) {
    Map<String, String> options = given != null ? given : sharedOptions(vectors);
    List<Server> recorded = vectors.servers();
    List<Server> servers = recorded;
    String compat = options.getOrDefault("compat", "native");
    if (compat.equals("spymemcached")) {
      List<Server> weighted =
          recorded.stream().filter(server -> server.weight() != 1).collect(Collectors.toList());
      if (!weighted.isEmpty()) {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> selector.ring(recorded, options))
            .withMessageStartingWith("weight must be 1 for selector modulo with compat=" + compat);
        servers =
            recorded.stream().map(server -> server.withWeight(1)).collect(Collectors.toList());
      }
    }
    Ring ring = selector.ring(servers, options);
    assertThat(vectors.placements()).as("placements in %s", vectors).isNotEmpty();
    assertThat(vectors.disagreements(ring)).as("%s with %s", vectors, options).isEmpty();
    for (CompatVectors.Placement placement : vectors.placements()) {
      assertThat(ring.primary(placement.key().getBytes(UTF_8)).address())
          .as("byte[] key %s", placement.key())
          .isEqualTo(placement.address());
    }
    count(compat, vectors.placements().size());
  }

  private static Map<String, String> sharedOptions(CompatVectors vectors) {
    Matcher name = SHARED_NAME.matcher(vectors.file().getFileName().toString());
    assertThat(name.matches()).isTrue();
    Map<String, String> options = new LinkedHashMap<>();
    options.put("compat", name.group(1));
    options.put("hash", name.group(2));
    return options;
  }

  private static synchronized void count(String compat, int vectors) {
    CHECKED.merge(compat, vectors, Integer::sum);
  }

  /** The golden table's modulo rows and the configuration each maps to. */
  private static final Map<String, Map<String, String>> GOLDEN_CONFIGS =
      Map.of(
          "V6 libmemcached-1.1.4 MODULA (one_at_a_time)",
          Map.of("compat", "libmemcached"),
          "V7 libmemcached-1.1.4 MODULA (CRC)",
          Map.of("compat", "libmemcached", "hash", "crc"),
          "V11 spymemcached-2.12.3 ArrayModNodeLocator NATIVE_HASH",
          Map.of("compat", "spymemcached"),
          "V12 spymemcached-2.12.3 ArrayModNodeLocator CRC_HASH",
          Map.of("compat", "spymemcached", "hash", "crc"),
          // xmemcached's ArrayMemcachedSessionLocator is hash % size too: V16 = V11.
          "V16 xmemcached-2.4.8 ArrayMemcachedSessionLocator(NATIVE_HASH)",
          Map.of("compat", "spymemcached", "hash", "native"));

  @Test
  void goldenRows_V6_V7_V11_V12_V16_placeEveryKeyWhereTheClientDid() throws IOException {
    List<String> rows = Files.readAllLines(SHARED.resolve("golden.tsv"), UTF_8);
    Map<String, Integer> matched = new TreeMap<>();
    for (String row : rows.subList(1, rows.size())) {
      String[] columns = row.split("\t");
      String label = goldenLabel(columns[0], columns[1]);
      if (label == null) {
        continue;
      }
      Map<String, String> options = GOLDEN_CONFIGS.get(label);
      List<Server> servers = new ArrayList<>();
      String list = columns[1].substring(columns[1].indexOf("servers=") + "servers=".length());
      for (String spec : list.split(",")) {
        servers.add(Server.parse(spec));
      }
      Ring ring = selector.ring(servers, options);
      // spymemcached rows also carry getSequence, as 1-based server numbers: "host:port seq=[2,3]".
      String[] result = columns[3].split(" seq=");
      assertThat(ring.primary(columns[2]).address())
          .as("%s key %s", label, columns[2])
          .isEqualTo(result[0]);
      if (result.length > 1) {
        List<String> expected = new ArrayList<>();
        for (String number : result[1].replaceAll("[\\[\\]]", "").split(",")) {
          expected.add(servers.get(Integer.parseInt(number) - 1).address());
        }
        List<String> sequence = new ArrayList<>();
        ring.failover(columns[2]).forEachRemaining(server -> sequence.add(server.address()));
        assertThat(sequence.subList(1, sequence.size()))
            .as("%s sequence of %s", label, columns[2])
            .isEqualTo(expected);
      }
      matched.merge(label, 1, Integer::sum);
      count(options.get("compat"), 1);
    }
    assertThat(matched)
        .as("golden rows per configuration")
        .containsOnlyKeys(GOLDEN_CONFIGS.keySet())
        .allSatisfy((label, rowCount) -> assertThat(rowCount).isEqualTo(12));
  }

  private static String goldenLabel(String client, String config) {
    if (client.startsWith("libmemcached") && config.startsWith("MODULA (one_at_a_time)")) {
      return "V6 libmemcached-1.1.4 MODULA (one_at_a_time)";
    }
    if (client.startsWith("libmemcached") && config.startsWith("MODULA (CRC)")) {
      return "V7 libmemcached-1.1.4 MODULA (CRC)";
    }
    if (client.startsWith("spymemcached") && config.startsWith("ArrayModNodeLocator NATIVE_HASH")) {
      return "V11 spymemcached-2.12.3 ArrayModNodeLocator NATIVE_HASH";
    }
    if (client.startsWith("spymemcached") && config.startsWith("ArrayModNodeLocator CRC_HASH")) {
      return "V12 spymemcached-2.12.3 ArrayModNodeLocator CRC_HASH";
    }
    if (client.startsWith("xmemcached")
        && config.startsWith("ArrayMemcachedSessionLocator(NATIVE_HASH)")) {
      return "V16 xmemcached-2.4.8 ArrayMemcachedSessionLocator(NATIVE_HASH)";
    }
    return null;
  }
}
