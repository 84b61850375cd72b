package dev.hashring.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The text of {@code hashring --version}: the release, and the Java that runs it. */
final class VersionText implements IVersionProvider {

  /** The release of this build, from {@code version.properties} (written by Maven). */
  static String release() {
    Properties properties = new Properties();
    try (InputStream in = VersionText.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      properties.load(in);
    } catch (IOException unreadable) {
      throw new UncheckedIOException("cannot read version.properties", unreadable);
    }
    return properties.getProperty("version", "unknown");
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "hashring " + release(),
      "Java "
          + System.getProperty("java.version")
          + " ("
          + System.getProperty("java.vm.name")
          + ", "
          + System.getProperty("java.vendor")
          + ")"
    };
  }
}
