package dev.hashring.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is, for tests that read its files (vectors, README, the script). */
final class RepositoryFiles {

  private RepositoryFiles() {}

  /**
   * The repository root: the {@code hashring.root} property Maven sets, else the parent of the
   * working directory when that is the {@code cli} module.
   */
  static Path root() {
    String property = System.getProperty("hashring.root");
    Path root =
        property != null
            ? Path.of(property)
            : Path.of("").toAbsolutePath().getFileName().toString().equals("cli")
                ? Path.of("").toAbsolutePath().getParent()
                : Path.of("").toAbsolutePath();
    if (!Files.isRegularFile(root.resolve("cli/pom.xml"))) {
      throw new IllegalStateException(
          "not the repository root (no cli/pom.xml): " + root + "; set -Dhashring.root");
    }
    return root;
  }
}
