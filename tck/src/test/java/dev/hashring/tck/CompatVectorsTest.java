package dev.hashring.tck;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hashring.Server;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompatVectorsTest {

  private static final Path SHARED =
      Path.of(System.getProperty("hashring.shared", "../../shared"), "compat-vectors");

  @Test
  void readsEverySharedFile_withItsServersAndOneEntryPerKeyLine() throws IOException {
    List<Path> files = CompatVectors.filesIn(SHARED);
    assertThat(files)
        .extracting(path -> path.getFileName().toString())
        .doesNotContain("golden.tsv");
    assertThat(files).hasSizeGreaterThanOrEqualTo(7);
    for (Path file : files) {
      CompatVectors vectors = CompatVectors.read(file);
      long keyLines =
          Files.readAllLines(file, UTF_8).stream().filter(l -> l.contains("\t")).count();
      assertThat(vectors.placements()).as(file.toString()).hasSize((int) keyLines);
      assertThat(vectors.servers()).as(file.toString()).isNotEmpty();
      assertThat(vectors.header()).containsKey("peer");
    }
  }

  @Test
  void readsWeightsFromTheServerLine() {
    CompatVectors dalli = CompatVectors.read(SHARED.resolve("dalli-ring-weighted-4.tsv"));
    assertThat(dalli.servers())
        .containsExactly(
            Server.of("127.0.0.1", 31211),
            Server.of("127.0.0.1", 31212),
            Server.of("127.0.0.1", 31213, 2),
            Server.of("127.0.0.1", 31214));
    assertThat(dalli.placements().get(0))
        .isEqualTo(new CompatVectors.Placement("москва:bNyyu", "127.0.0.1:31212"));
  }

  @Test
  void readsTheHashringConfigurationLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("x.tsv");
    Files.writeString(
        file,
        "# peer=test\n# servers=10.0.0.1:11211:2,10.0.0.2:22122:1 alpha\n"
            + "# hashring=ketama compat=twemproxy hash=md5\nfoo\t10.0.0.1:11211\n",
        UTF_8);
    CompatVectors vectors = CompatVectors.read(file);
    assertThat(vectors.configuration())
        .contains(
            new CompatVectors.Configuration(
                "ketama", Map.of("compat", "twemproxy", "hash", "md5")));
    assertThat(vectors.servers().get(1)).isEqualTo(Server.of("10.0.0.2", 22122).withName("alpha"));
  }

  @Test
  void rejectsALineWithoutATab(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.tsv");
    Files.writeString(file, "# servers=10.0.0.1:11211\nfoo 10.0.0.1:11211\n", UTF_8);
    assertThatThrownBy(() -> CompatVectors.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + ":2: expected key<TAB>host:port, got 'foo 10.0.0.1:11211'");
  }
}
