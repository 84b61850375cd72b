package dev.hashring.tck;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.module.InvalidModuleDescriptorException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipFile;

/**
 * What provider jars declare: the classes their {@code META-INF/services} files list for a service.
 * Those, and only those, are the providers "from the jars", even when the same classes are also on
 * the class path.
 */
final class ProviderJars {

  private ProviderJars() {}

  /**
   * The provider classes the jars list for {@code service}.
   *
   * @param problems receives one sentence per jar that cannot be read, and per provider that a
   *     jar's {@code module-info} declares but its service file does not list (the runner loads
   *     jars on the class path, where only service files count)
   */
  static Set<String> declared(List<Path> jars, Class<?> service, List<String> problems) {
    Set<String> classes = new LinkedHashSet<>();
    String serviceFile = "META-INF/services/" + service.getName();
    for (Path jar : jars) {
      try (JarFile file =
          new JarFile(jar.toFile(), true, ZipFile.OPEN_READ, JarFile.runtimeVersion())) {
        Set<String> listed = new LinkedHashSet<>();
        JarEntry entry = file.getJarEntry(serviceFile);
        if (entry != null) {
          try (InputStream in = file.getInputStream(entry)) {
            listed.addAll(entries(in));
          }
        }
        classes.addAll(listed);
        JarEntry moduleInfo = file.getJarEntry("module-info.class");
        if (moduleInfo != null) {
          try (InputStream in = file.getInputStream(moduleInfo)) {
            for (ModuleDescriptor.Provides provides : ModuleDescriptor.read(in).provides()) {
              if (!provides.service().equals(service.getName())) {
                continue;
              }
              for (String provider : provides.providers()) {
                if (!listed.contains(provider)) {
                  problems.add(
                      provider
                          + " ("
                          + jar
                          + "): module-info.class provides it as a "
                          + service.getSimpleName()
                          + " but "
                          + serviceFile
                          + " does not list it; the runner loads jars on the class path, where"
                          + " only that file counts (AutoService writes it)");
                }
              }
            }
          } catch (InvalidModuleDescriptorException invalid) {
            problems.add(jar + ": module-info.class cannot be read: " + invalid.getMessage());
          }
        }
      } catch (IOException unreadable) {
        problems.add(jar + ": cannot be read as a jar: " + Describe.thrown(unreadable));
      }
    }
    return classes;
  }

  /** The class names of a service file: one per line, {@code #} starts a comment. */
  private static List<String> entries(InputStream in) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, UTF_8));
    return reader
        .lines()
        .map(line -> line.indexOf('#') >= 0 ? line.substring(0, line.indexOf('#')) : line)
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .toList();
  }
}
