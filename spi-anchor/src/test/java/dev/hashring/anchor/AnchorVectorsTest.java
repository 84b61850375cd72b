package dev.hashring.anchor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.Ring;
import dev.hashring.Server;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
}
