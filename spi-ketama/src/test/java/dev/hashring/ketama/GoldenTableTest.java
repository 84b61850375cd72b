package dev.hashring.ketama;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.Ring;
import dev.hashring.Server;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The ketama rows of {@code shared/compat-vectors/golden.tsv} (spec §14.2: V1-V5, V8-V10, V13-V14,
 * V17, V18, V20), made by the real libmemcached 1.1.4, spymemcached 2.12.3, xmemcached 2.4.8, Dalli
 * 3.0.6 and twemproxy, each configuration mapped to options by hand.
 */
class GoldenTableTest {

  private static final List<Server> SERVERS =
      List.of(
          Server.of("10.0.1.1", 11211), Server.of("10.0.1.2", 11211), Server.of("10.0.1.3", 11212));

  /** A golden configuration: its options and the weights of the three servers. */
  private record Config(String row, Map<String, String> options, int... weights) {}

  private static final Map<String, Config> CONFIGS =
      Map.ofEntries(
          entry(
              "KETAMA(unweighted,key hash one_at_a_time)",
              new Config("V1", Map.of("compat", "libmemcached"), 1, 1, 1)),
          entry(
              "KETAMA + HASH=MD5 (unweighted)",
              new Config("V2", Map.of("compat", "libmemcached", "hash", "md5"), 1, 1, 1)),
          entry(
              "KETAMA_WEIGHTED (MD5) weights 1,2,3",
              new Config("V3", Map.of("compat", "libmemcached-weighted"), 1, 2, 3)),
          entry(
              "KETAMA_WEIGHTED (MD5) weights 1,1,1",
              new Config("V4", Map.of("compat", "libmemcached-weighted"), 1, 1, 1)),
          entry(
              "DISTRIBUTION_CONSISTENT_KETAMA_SPY + HASH=MD5 (unweighted)",
              new Config("V5", Map.of("compat", "libmemcached-spy", "hash", "md5"), 1, 1, 1)),
          entry(
              "KetamaNodeLocator KETAMA_HASH, SPYMEMCACHED format (node keys '10.0.1.x:port-i')",
              new Config("V8", Map.of("compat", "spymemcached"), 1, 1, 1)),
          entry(
              "KetamaNodeLocator KETAMA_HASH, LIBMEMCACHED format, weights 1,2,3",
              new Config("V9", Map.of("compat", "spymemcached-libmemcached"), 1, 2, 3)),
          entry(
              "KetamaNodeLocator FNV1A_32_HASH (160 single points), SPYMEMCACHED format",
              new Config("V10", Map.of("compat", "spymemcached", "hash", "fnv1a_32"), 1, 1, 1)),
          entry(
              "KetamaMemcachedSessionLocator() default (sockStr '/ip:port', 160 pts)",
              new Config("V13", Map.of("compat", "xmemcached"), 1, 1, 1)),
          entry(
              "KetamaMemcachedSessionLocator(cwNginxUpstreamConsistent=true)",
              new Config("V14", Map.of("compat", "xmemcached", "node_format", "nginx"), 1, 1, 1)),
          entry("Dalli::Ring weights 1,1,1", new Config("V17", Map.of("compat", "dalli"), 1, 1, 1)),
          entry("Dalli::Ring weights 1,2,3", new Config("V18", Map.of("compat", "dalli"), 1, 2, 3)),
          entry(
              "ketama fnv1a_64,",
              new Config("V20", Map.of("compat", "twemproxy", "hash", "fnv1a_64"), 1, 1, 1)));

  /** The golden configurations that are not ketama profiles. */
  private static final Set<String> NOT_KETAMA =
      Set.of(
          "MODULA (one_at_a_time)",
          "MODULA (CRC)",
          "ArrayModNodeLocator NATIVE_HASH",
          "ArrayModNodeLocator CRC_HASH",
          "ArrayMemcachedSessionLocator(NATIVE_HASH)",
          "LibmemcachedMemcachedSessionLocator(100, ONE_AT_A_TIME)",
          "RendezvousHash(murmur3_32 seed 0)");

  @Test
  void everyKetamaRowOfTheGoldenTableIsReproduced() throws IOException {
    List<String> lines =
        Files.readAllLines(VectorFiles.shared().resolve("golden.tsv"), UTF_8).subList(1, 241);
    List<String> wrong = new ArrayList<>();
    Set<String> rowsChecked = new TreeSet<>();
    int checked = 0;
    for (String line : lines) {
      String[] columns = line.split("\t");
      String config = columns[1];
      Config mapped = mapping(config);
      if (mapped == null) {
        assertThat(NOT_KETAMA)
            .as("unmapped golden configuration '%s'", config)
            .anyMatch(config::startsWith);
        continue;
      }
      List<Server> servers = new ArrayList<>();
      for (int i = 0; i < SERVERS.size(); i++) {
        servers.add(SERVERS.get(i).withWeight(mapped.weights()[i]));
      }
      Ring ring = new KetamaSelector().ring(servers, mapped.options());
      // V20 names servers by their twemproxy node name, which drops the default port.
      String result = columns[3].split(" ")[0];
      String expected = result.contains(":") ? result : result + ":11211";
      String actual = ring.primary(columns[2]).address();
      if (!actual.equals(expected)) {
        wrong.add(mapped.row() + " '" + columns[2] + "': golden " + expected + ", ours " + actual);
      }
      rowsChecked.add(mapped.row());
      checked++;
    }
    assertThat(wrong).as("golden rows placed differently").isEmpty();
    assertThat(rowsChecked)
        .containsExactlyInAnyOrder(
            "V1", "V2", "V3", "V4", "V5", "V8", "V9", "V10", "V13", "V14", "V17", "V18", "V20");
    assertThat(checked).isEqualTo(13 * 12);
  }

  private static Config mapping(String config) {
    for (Map.Entry<String, Config> entry : CONFIGS.entrySet()) {
      if (config.startsWith(entry.getKey())) {
        return entry.getValue();
      }
    }
    return null;
  }
}
