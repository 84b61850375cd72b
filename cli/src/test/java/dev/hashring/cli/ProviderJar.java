package dev.hashring.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

/** A provider jar made at test time: Java sources compiled against the test class path. */
final class ProviderJar {

  private ProviderJar() {}

  /**
   * Compiles {@code sources} (class name to source text) and writes a jar with them and a {@code
   * META-INF/services/dev.hashring.ServerSelector} file listing {@code selectors}.
   */
  static Path build(
      Path directory, String name, Map<String, String> sources, List<String> selectors)
      throws IOException {
    Path sourceRoot = directory.resolve(name + "-src");
    Path classes = directory.resolve(name + "-classes");
    Files.createDirectories(classes);
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--release", "17", "-d", classes.toString(), "-classpath", ClassPath.current()));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = sourceRoot.resolve(source.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue(), UTF_8);
      arguments.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    if (javac.run(null, messages, messages, arguments.toArray(String[]::new)) != 0) {
      throw new AssertionError("javac failed for " + name + ":\n" + messages.toString(UTF_8));
    }
    Path jar = directory.resolve(name + ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("META-INF/services/dev.hashring.ServerSelector"));
      out.write((String.join("\n", selectors) + "\n").getBytes(UTF_8));
      out.closeEntry();
    }
    return jar;
  }
}
