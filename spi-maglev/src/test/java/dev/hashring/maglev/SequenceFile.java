package dev.hashring.maglev;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hashring.Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A model file of {@code hexkey<TAB>addresses}: {@code # name=value} header lines ({@code servers},
 * {@code table}, {@code slots}), then one key per line with the addresses of its failover sequence,
 * best first, space-separated.
 */
record SequenceFile(Path file, Map<String, String> header, List<Server> servers, List<Row> rows) {

  /** One key and the addresses recorded for it. */
  record Row(byte[] key, List<String> addresses) {}

  static SequenceFile read(Path file) {
    Map<String, String> header = new LinkedHashMap<>();
    List<Row> rows = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, UTF_8)) {
        if (line.startsWith("#")) {
          int equals = line.indexOf('=');
          header.put(line.substring(1, equals).strip(), line.substring(equals + 1));
        } else if (!line.isEmpty()) {
          int tab = line.indexOf('\t');
          rows.add(
              new Row(
                  HexFormat.of().parseHex(line.substring(0, tab)),
                  List.of(line.substring(tab + 1).split(" "))));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Server> servers = new ArrayList<>();
    for (String spec : header.get("servers").split(",")) {
      servers.add(Server.parse(spec));
    }
    return new SequenceFile(file, header, servers, rows);
  }

  static List<Path> filesIn(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.toString().endsWith(".tsv")).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
