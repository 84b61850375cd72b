package dev.hashring.ketama;

import dev.hashring.tck.CompatVectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The recorded placement files a ketama profile must reproduce, with the options that reproduce
 * each: every file of {@code ../shared/compat-vectors} and of the repository's {@code
 * compat-vectors/} (its {@code findings/} included) whose configuration is a ketama one, and this
 * module's in-process recordings of {@code src/test/resources/reference}.
 */
final class VectorFiles {

  /** One file and the ketama options that must reproduce it. */
  record Labelled(CompatVectors vectors, Map<String, String> options) {
    String compat() {
      return options.getOrDefault("compat", "native");
    }

    @Override
    public String toString() {
      return vectors.file().getParent().getFileName() + "/" + vectors + " " + options;
    }
  }

  private VectorFiles() {}

  static Path shared() {
    return Path.of(System.getProperty("hashring.shared", "../../shared"), "compat-vectors");
  }

  static Path repository() {
    return Path.of(System.getProperty("hashring.root", ".."), "compat-vectors");
  }

  static Path reference() {
    return Path.of(
        System.getProperty("hashring.root", ".."),
        "spi-ketama",
        "src",
        "test",
        "resources",
        "reference");
  }

  /** Every ketama file of the three places. */
  static List<Labelled> all() {
    List<Labelled> all = new ArrayList<>();
    for (Path directory :
        List.of(shared(), repository(), repository().resolve("findings"), reference())) {
      for (Path file : CompatVectors.filesIn(directory)) {
        CompatVectors vectors = CompatVectors.read(file);
        label(vectors, directory.equals(shared()))
            .ifPresent(options -> all.add(new Labelled(vectors, options)));
      }
    }
    return all;
  }

  /**
   * The ketama options of a file: its {@code # hashring=} line, or for the shared files, which have
   * none, its name: {@code libmemcached-ketama-*}, {@code php-libketama-weighted-*}, {@code
   * twemproxy-ketama-<hash>-*}, {@code dalli-ring-*}. Other files without the line are findings
   * that no configuration reproduces as recorded.
   */
  static Optional<Map<String, String>> label(CompatVectors vectors, boolean byName) {
    Optional<CompatVectors.Configuration> configuration = vectors.configuration();
    if (configuration.isPresent()) {
      return configuration.get().selector().equals("ketama")
          ? Optional.of(configuration.get().options())
          : Optional.empty();
    }
    if (!byName) {
      return Optional.empty();
    }
    String name = vectors.file().getFileName().toString();
    Map<String, String> options = new LinkedHashMap<>();
    if (name.startsWith("libmemcached-ketama-")) {
      options.put("compat", "libmemcached");
    } else if (name.startsWith("php-libketama-weighted-")) {
      options.put("compat", "libmemcached-weighted");
    } else if (name.startsWith("twemproxy-ketama-")) {
      options.put("compat", "twemproxy");
      options.put("hash", name.substring("twemproxy-ketama-".length()).split("-")[0]);
    } else if (name.startsWith("dalli-ring-")) {
      options.put("compat", "dalli");
    } else {
      return Optional.empty();
    }
    return Optional.of(options);
  }

  /** Lines of a text resource, for tables transcribed from published tests. */
  static List<String> lines(String resource) {
    Path path =
        Path.of(
            System.getProperty("hashring.root", ".."),
            "spi-ketama",
            "src",
            "test",
            "resources",
            resource);
    try (Stream<String> lines = Files.lines(path)) {
      return lines.filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
