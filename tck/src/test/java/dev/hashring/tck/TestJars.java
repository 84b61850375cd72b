package dev.hashring.tck;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hashring.ServerSelector;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Provider jars assembled at test time, as a third party would build them. */
final class TestJars {

  private TestJars() {}

  /**
   * Writes a jar of the given class files (with their nested classes) and service files.
   *
   * @param classes the directory the classes were compiled to
   * @param types the names of the classes to include
   * @param services each service interface and the provider classes to list for it
   */
  static Path write(
      Path jar, Path classes, List<String> types, Map<Class<?>, List<Class<?>>> services)
      throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String type : types) {
        String path = type.replace('.', '/');
        Path directory = classes.resolve(path).getParent();
        String simple = path.substring(path.lastIndexOf('/') + 1);
        try (Stream<Path> files = Files.list(directory)) {
          for (Path file : (Iterable<Path>) files::iterator) {
            String name = file.getFileName().toString();
            if (name.equals(simple + ".class") || name.startsWith(simple + "$")) {
              add(
                  out,
                  classes.relativize(file).toString().replace('\\', '/'),
                  Files.readAllBytes(file));
            }
          }
        }
      }
      for (Map.Entry<Class<?>, List<Class<?>>> service : services.entrySet()) {
        StringBuilder text = new StringBuilder();
        for (Class<?> provider : service.getValue()) {
          text.append(provider.getName()).append('\n');
        }
        add(
            out,
            "META-INF/services/" + service.getKey().getName(),
            text.toString().getBytes(UTF_8));
      }
    }
    return jar;
  }

  /** Writes a jar of whatever files a directory holds. */
  static Path jarOf(Path jar, Path directory) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(file)) {
          add(
              out,
              directory.relativize(file).toString().replace('\\', '/'),
              Files.readAllBytes(file));
        }
      }
    }
    return jar;
  }

  private static void add(JarOutputStream out, String name, byte[] bytes) throws IOException {
    out.putNextEntry(new JarEntry(name));
    try (OutputStream entry = new NonClosing(out)) {
      entry.write(bytes);
    }
    out.closeEntry();
  }

  /** Compiles Java sources (file name to source text) against the api into {@code output}. */
  static void compile(Map<String, String> sources, Path output, boolean modular)
      throws IOException {
    Path sourceDir = Files.createDirectories(output.resolveSibling(output.getFileName() + "-src"));
    List<String> arguments = new ArrayList<>();
    arguments.addAll(List.of("--release", "17", "-d", output.toString()));
    arguments.addAll(List.of(modular ? "--module-path" : "-classpath", apiLocation().toString()));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = sourceDir.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue(), UTF_8);
      arguments.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status = javac.run(null, null, null, arguments.toArray(String[]::new));
    if (status != 0) {
      throw new IllegalStateException("javac failed with status " + status + ": " + arguments);
    }
  }

  /** Where the api's classes are: its jar or its class directory. */
  static Path apiLocation() {
    try {
      return Path.of(
          ServerSelector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }

  /** Lets a try-with-resources block write one jar entry without closing the jar. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
