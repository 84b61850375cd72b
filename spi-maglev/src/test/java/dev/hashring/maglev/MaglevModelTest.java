package dev.hashring.maglev;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.Server;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The maglev mapping against an independent model: Python, exact fractions for the turn times, and
 * the C xxHash library ({@code src/test/scripts/maglev_vectors.py}). Every slot count of the table,
 * and for about 370 keys the primary and the first six servers of the failover sequence.
 */
class MaglevModelTest {

  private static final Path MODEL = Path.of("src/test/resources/model");

  @TestFactory
  Stream<DynamicTest> tableAndLookups_matchTheIndependentModel() {
    List<Path> files = SequenceFile.filesIn(MODEL);
    assertThat(files).hasSizeGreaterThanOrEqualTo(9);
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      SequenceFile model = SequenceFile.read(file);
                      MaglevRing ring =
                          (MaglevRing)
                              new MaglevSelector()
                                  .ring(
                                      model.servers(),
                                      Map.of("table", model.header().get("table")));
                      assertThat(slotCounts(ring)).isEqualTo(model.header().get("slots"));
                      for (SequenceFile.Row row : model.rows()) {
                        String key = HexFormat.of().formatHex(row.key());
                        List<String> expected = row.addresses();
                        assertThat(ring.primary(row.key()).address())
                            .as("key %s", key)
                            .isEqualTo(expected.get(0));
                        assertThat(first(ring.failover(row.key()), expected.size()))
                            .as("key %s", key)
                            .isEqualTo(expected);
                        if (isUtf8(row.key())) {
                          String text = new String(row.key(), UTF_8);
                          assertThat(ring.primary(text).address()).isEqualTo(expected.get(0));
                          assertThat(first(ring.failover(text), expected.size()))
                              .isEqualTo(expected);
                        }
                      }
                    }));
  }

  /** {@code address=count,...} in identity order, as the model writes it. */
  private static String slotCounts(MaglevRing ring) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    List<Server> servers = new ArrayList<>(ring.servers());
    servers.sort(
        (a, b) -> a.name().orElseGet(a::address).compareTo(b.name().orElseGet(b::address)));
    for (Server server : servers) {
      counts.put(server.address(), 0);
    }
    for (int slot = 0; slot < ring.size(); slot++) {
      counts.merge(ring.servers().get(ring.serverAt(slot)).address(), 1, Integer::sum);
    }
    List<String> entries = new ArrayList<>();
    counts.forEach((address, count) -> entries.add(address + "=" + count));
    return String.join(",", entries);
  }

  static List<String> first(Iterator<Server> sequence, int count) {
    List<String> addresses = new ArrayList<>();
    while (addresses.size() < count && sequence.hasNext()) {
      addresses.add(sequence.next().address());
    }
    return addresses;
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
