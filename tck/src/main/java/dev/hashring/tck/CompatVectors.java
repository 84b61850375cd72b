package dev.hashring.tck;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hashring.Ring;
import dev.hashring.Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One file of placements recorded from a real memcached client: which server held each key.
 *
 * <p>The format, shared with {@code ../shared/compat-vectors}:
 *
 * <pre>
 * # peer=&lt;client and version&gt; &lt;its settings&gt;
 * # servers=&lt;server specs in the order the client was given them, comma-separated&gt;
 * # hashring=&lt;selector&gt; [key=value ...]      (optional: the configuration that must match)
 * key&lt;TAB&gt;host:port of the server that held it
 * </pre>
 *
 * <p>Server specs are {@link Server#parse} specs ({@code host:port[:weight][ name]}). Keys are
 * UTF-8 and never contain a tab. Other {@code # name=value} lines are kept as {@link #header()}.
 *
 * @param file where the vectors were read from
 * @param header every {@code # name=value} line, in file order
 * @param servers the server list the client was given
 * @param placements each key and the address of the server that held it, in file order
 */
public record CompatVectors(
    Path file, Map<String, String> header, List<Server> servers, List<Placement> placements) {

  /**
   * One recorded key.
   *
   * @param key the key as the client was given it
   * @param address {@code host:port} of the server that held it
   */
  public record Placement(String key, String address) {}

  /**
   * A selector and its options, as a {@code # hashring=} line names them.
   *
   * @param selector the selector's registry name
   * @param options its options
   */
  public record Configuration(String selector, Map<String, String> options) {}

  /** The files are copied defensively. */
  public CompatVectors {
    Objects.requireNonNull(file, "file");
    header = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(header));
    servers = List.copyOf(servers);
    placements = List.copyOf(placements);
  }

  /**
   * Reads one vector file.
   *
   * @param file a {@code .tsv} file in the format above
   * @return its contents
   * @throws UncheckedIOException if it cannot be read
   * @throws IllegalArgumentException if a line does not follow the format, naming the file and line
   */
  public static CompatVectors read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read compat vectors " + file, e);
    }
    Map<String, String> header = new LinkedHashMap<>();
    List<Placement> placements = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#")) {
        String entry = line.substring(1).strip();
        int equals = entry.indexOf('=');
        if (equals > 0) {
          header.put(entry.substring(0, equals).strip(), entry.substring(equals + 1).strip());
        }
        continue;
      }
      int tab = line.lastIndexOf('\t');
      if (tab < 0 || line.indexOf('\t') != tab) {
        throw new IllegalArgumentException(
            file + ":" + (i + 1) + ": expected key<TAB>host:port, got '" + line + "'");
      }
      placements.add(new Placement(line.substring(0, tab), line.substring(tab + 1)));
    }
    String serverList = header.get("servers");
    if (serverList == null) {
      throw new IllegalArgumentException(file + ": no '# servers=' line");
    }
    List<Server> servers = new ArrayList<>();
    for (String spec : serverList.split(",")) {
      servers.add(Server.parse(spec));
    }
    return new CompatVectors(file, header, servers, placements);
  }

  /**
   * The vector files of a directory: every {@code *.tsv} file whose first line is a {@code #}
   * comment, sorted by name. Tables of another shape (such as {@code golden.tsv}) are left out.
   *
   * @param directory the directory to list
   * @return the files, possibly none; none when the directory does not exist
   */
  public static List<Path> filesIn(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(path -> path.getFileName().toString().endsWith(".tsv"))
          .filter(CompatVectors::startsWithComment)
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }

  private static boolean startsWithComment(Path file) {
    try (Stream<String> lines = Files.lines(file, UTF_8)) {
      return lines.findFirst().map(line -> line.startsWith("#")).orElse(false);
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  /**
   * The configuration named by a {@code # hashring=<selector> key=value ...} line.
   *
   * @return the configuration, or empty when the file has no such line
   */
  public Optional<Configuration> configuration() {
    String text = header.get("hashring");
    if (text == null) {
      return Optional.empty();
    }
    String[] words = text.strip().split("\\s+");
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 1; i < words.length; i++) {
      int equals = words[i].indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException(
            file + ": '# hashring=' expects <selector> key=value ..., got '" + text + "'");
      }
      options.put(words[i].substring(0, equals), words[i].substring(equals + 1));
    }
    return Optional.of(new Configuration(words[0], options));
  }

  /**
   * The keys a ring places elsewhere than the real client did.
   *
   * @param ring a ring built from {@link #servers()}
   * @return one line per disagreeing key: the key, where the client put it, where the ring puts it
   */
  public List<String> disagreements(Ring ring) {
    List<String> wrong = new ArrayList<>();
    for (Placement placement : placements) {
      String ours = ring.primary(placement.key()).address();
      if (!ours.equals(placement.address())) {
        wrong.add(
            "key '" + placement.key() + "': client " + placement.address() + ", hashring " + ours);
      }
    }
    return wrong;
  }

  /** The file name, which says what was recorded. */
  @Override
  public String toString() {
    return file.getFileName().toString();
  }
}
