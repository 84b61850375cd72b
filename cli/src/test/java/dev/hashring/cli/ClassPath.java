package dev.hashring.cli;

/** The class path these tests run on, for javac and for child processes. */
final class ClassPath {

  private ClassPath() {}

  /**
   * The test class path: Surefire's {@code surefire.test.class.path} when it sets one (its booter
   * jar may stand in for the real path in {@code java.class.path}), else {@code java.class.path}.
   */
  static String current() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }
}
