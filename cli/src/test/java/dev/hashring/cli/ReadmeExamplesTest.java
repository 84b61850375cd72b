package dev.hashring.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code java} code blocks of the README (and of the CLI docs) compile against the class path
 * of this module, which holds every module of the repository, so README examples cannot rot.
 *
 * <p>A block that declares a top-level type is compiled as a file; any other block is taken as
 * statements, perhaps after imports, and compiled as the body of a method. Both get wildcard
 * imports of {@code dev.hashring}, {@code dev.hashring.spi}, {@code dev.hashring.tck}, {@code
 * java.util} and {@code java.nio.file}, so short examples need not repeat them. To show Java that
 * is not meant to compile, fence it as {@code text}.
 */
class ReadmeExamplesTest {

  /**
   * The documents whose examples must compile, from the repository root; absent ones are skipped.
   */
  static final List<String> DOCUMENTS = List.of("README.md", "docs/CLI.md");

  private static final Pattern JAVA_BLOCK =
      Pattern.compile("(?m)^```java[ \\t]*\\n(.*?)^```[ \\t]*$", Pattern.DOTALL);
  private static final Pattern TYPE_DECLARATION =
      Pattern.compile(
          "(?m)^(public |abstract |final |sealed |non-sealed )*(class|interface|record|enum|@interface) ");
  private static final String IMPORTS =
      "import dev.hashring.*;\nimport dev.hashring.spi.*;\nimport dev.hashring.tck.*;\n"
          + "import java.util.*;\nimport java.nio.file.*;\n";

  /** One java block: where it is, and its text. */
  record Example(String document, int line, String code) {
    @Override
    public String toString() {
      return document + ":" + line;
    }
  }

  static Stream<Example> examples() throws IOException {
    List<Example> examples = new ArrayList<>();
    for (String document : DOCUMENTS) {
      Path file = RepositoryFiles.root().resolve(document);
      if (!Files.isRegularFile(file)) {
        continue;
      }
      String text = Files.readString(file, UTF_8);
      Matcher block = JAVA_BLOCK.matcher(text);
      while (block.find()) {
        int line =
            1 + (int) text.substring(0, block.start()).chars().filter(c -> c == '\n').count();
        examples.add(new Example(document, line, block.group(1)));
      }
    }
    return examples.stream();
  }

  @Test
  void theDocumentsHaveJavaExamples() throws IOException {
    assertThat(examples()).as("java blocks in %s", DOCUMENTS).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void example_compiles(Example example, @TempDir Path directory) throws IOException {
    String className;
    String source;
    if (TYPE_DECLARATION.matcher(example.code()).find()) {
      Matcher name =
          Pattern.compile(
                  "(?m)^(?:public |abstract |final )*(?:class|interface|record|enum) (\\w+)")
              .matcher(example.code());
      assertThat(name.find()).as("a type name in %s", example).isTrue();
      className = name.group(1);
      source = withImports(example.code());
    } else {
      // Statements, perhaps after the imports they need: the imports go before the class.
      StringBuilder imports = new StringBuilder(IMPORTS);
      StringBuilder statements = new StringBuilder();
      for (String line : example.code().split("\n")) {
        (line.startsWith("import ") ? imports : statements).append(line).append('\n');
      }
      className = "Example";
      source =
          imports
              + "class Example {\n  @SuppressWarnings(\"unused\")\n  void run() throws Exception {\n"
              + statements
              + "  }\n}\n";
    }
    Path file = directory.resolve(className + ".java");
    Files.writeString(file, source, UTF_8);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    int status =
        javac.run(
            null,
            messages,
            messages,
            "--release",
            "17",
            "-Xlint:all",
            "-proc:none",
            "-d",
            directory.toString(),
            "-classpath",
            ClassPath.current(),
            file.toString());
    assertThat(status)
        .as(
            "the java block at %s does not compile:%n%s%n--- as compiled:%n%s",
            example, messages.toString(UTF_8), source)
        .isZero();
  }

  /** The block with the default imports after its own package and imports. */
  private static String withImports(String code) {
    if (code.startsWith("package ")) {
      int end = code.indexOf('\n') + 1;
      return code.substring(0, end) + IMPORTS + code.substring(end);
    }
    return IMPORTS + code;
  }
}
