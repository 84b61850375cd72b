package dev.hashring.rendezvous;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hashring.Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A recorded file of {@code key<TAB>addresses}: a {@code # servers=} line, then one key per line
 * with the addresses of its failover sequence (best first, space-separated). Keys are written as
 * text, or as hex when {@code hexKeys}.
 */
record SequenceFile(Path file, List<Server> servers, List<Row> rows) {

  /** One key and the addresses recorded for it. */
  record Row(byte[] key, List<String> addresses) {
    String keyText() {
      return new String(key, UTF_8);
    }
  }

  static SequenceFile read(Path file, boolean hexKeys) {
    List<Server> servers = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, UTF_8)) {
        if (line.startsWith("# servers=")) {
          for (String spec : line.substring("# servers=".length()).split(",")) {
            servers.add(Server.parse(spec));
          }
        } else if (!line.startsWith("#") && !line.isEmpty()) {
          int tab = line.indexOf('\t');
          String key = line.substring(0, tab);
          rows.add(
              new Row(
                  hexKeys ? HexFormat.of().parseHex(key) : key.getBytes(UTF_8),
                  List.of(line.substring(tab + 1).split(" "))));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (servers.isEmpty() || rows.isEmpty()) {
      throw new IllegalStateException(file + ": no servers or no rows");
    }
    return new SequenceFile(file, servers, rows);
  }

  static List<Path> filesIn(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.toString().endsWith(".tsv")).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return file.getFileName().toString();
  }
}
