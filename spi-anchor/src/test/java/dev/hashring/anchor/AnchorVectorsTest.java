package dev.hashring.anchor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.Ring;
import dev.hashring.Server;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The frozen mapping: every row of {@code anchor-vectors.tsv}, which hash4j's own JumpBackAnchor
 * recorded ({@link RecordVectors}), for {@code byte[]} and {@code String} keys, whatever the order
 * of the server list.
 */
class AnchorVectorsTest {

  @Test
  void everyRecordedPlacement_isReproduced() throws IOException {
    AnchorSelector selector = new AnchorSelector();
    Map<String, Ring> rings = new HashMap<>();
    Map<String, Integer> rows = new HashMap<>();
    try (InputStream in = getClass().getResourceAsStream("anchor-vectors.tsv");
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t", -1);
        if (columns[0].equals("history")) {
          List<Server> servers = new ArrayList<>(RecordVectors.live(columns[2]));
          Collections.reverse(servers);
          rings.put(columns[1], selector.ring(servers, Map.of("history", columns[2])));
          continue;
        }
        Ring ring = rings.get(columns[0]);
        Server expected = Server.parse(columns[2]);
        assertThat(ring.primary(columns[1]))
            .as("%s: %s", columns[0], columns[1])
            .isEqualTo(expected);
        assertThat(ring.primary(columns[1].getBytes(UTF_8))).isEqualTo(expected);
        rows.merge(columns[0], 1, Integer::sum);
      }
    }
    assertThat(rows)
        .containsOnlyKeys(RecordVectors.histories().keySet())
        .allSatisfy((history, count) -> assertThat(count).isEqualTo(RecordVectors.keys().size()));
  }

  @Test
  void workedExample_failoverAtTheStartNamesWhereTheKeysOfBGoWhenItLeaves() {
    // docs/ANCHOR.md: a, b, c; then b leaves.
    Map<String, String> histories = RecordVectors.histories();
    AnchorSelector selector = new AnchorSelector();
    Ring start =
        selector.ring(
            RecordVectors.live(histories.get("abc")), Map.of("history", histories.get("abc")));
    Ring bLeft =
        selector.ring(
            RecordVectors.live(histories.get("b-left")),
            Map.of("history", histories.get("b-left")));
    Server b = Server.parse("10.0.0.2:11211");
    int moved = 0;
    for (String key : RecordVectors.keys()) {
      Iterator<Server> failover = start.failover(key);
      Server first = failover.next();
      Server second = failover.next();
      if (first.equals(b)) {
        assertThat(bLeft.primary(key)).as(key).isEqualTo(second);
        moved++;
      } else {
        assertThat(bLeft.primary(key)).as(key).isEqualTo(first);
      }
    }
    assertThat(moved).isGreaterThan(5);
  }

  @Test
  void workedExample_inTheDocs_showsTheRecordedPlacements() throws IOException {
    Path docs = Path.of(System.getProperty("hashring.root", "..")).resolve("docs/ANCHOR.md");
    Map<String, String> letters =
        Map.of(
            "a", "10.0.0.1:11211",
            "b", "10.0.0.2:11211",
            "c", "10.0.0.3:11211",
            "d", "10.0.0.4:11211:2");
    List<String> steps = List.of("abc", "b-left", "d-joined", "b-back");
    AnchorSelector selector = new AnchorSelector();
    int rows = 0;
    for (String line : Files.readAllLines(docs, UTF_8)) {
      if (!line.startsWith("| `user:")) {
        continue;
      }
      String[] cells = line.split("\\|");
      String key = cells[1].strip().replace("`", "");
      for (int step = 0; step < steps.size(); step++) {
        String history = RecordVectors.histories().get(steps.get(step));
        Ring ring = selector.ring(RecordVectors.live(history), Map.of("history", history));
        assertThat(ring.primary(key).toString())
            .as("%s at step %d of docs/ANCHOR.md", key, step + 1)
            .isEqualTo(letters.get(cells[step + 2].strip()));
      }
      rows++;
    }
    assertThat(rows).isEqualTo(6);
  }

  @Test
  void propertiesExample_inTheDocs_isStep3OfTheWorkedExample() throws IOException {
    String docs =
        Files.readString(
            Path.of(System.getProperty("hashring.root", "..")).resolve("docs/ANCHOR.md"), UTF_8);
    int start = docs.indexOf("```properties\n") + "```properties\n".length();
    Properties properties = new Properties();
    properties.load(new StringReader(docs.substring(start, docs.indexOf("```", start))));
    assertThat(properties.getProperty("hashring.option.history"))
        .isEqualTo(RecordVectors.histories().get("d-joined"));
    List<Server> servers = new ArrayList<>();
    for (String spec : properties.getProperty("hashring.servers").split(",")) {
      servers.add(Server.parse(spec));
    }
    Ring ring =
        new AnchorSelector()
            .ring(servers, Map.of("history", properties.getProperty("hashring.option.history")));
    assertThat(ring.primary("user:7919:profile")).isEqualTo(Server.parse("10.0.0.4:11211:2"));
  }
}
