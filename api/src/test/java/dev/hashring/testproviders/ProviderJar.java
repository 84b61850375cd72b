package dev.hashring.testproviders;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hashring.ServerSelector;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Builds provider jars at test time from this package's classes, and a class loader that loads this
 * package from those jars rather than from the test class path, as a real provider jar would.
 */
public final class ProviderJar {

  private static final String PACKAGE = ProviderJar.class.getPackageName() + ".";

  private ProviderJar() {}

  /**
   * Writes a jar with the given classes and a service file listing {@code entries}.
   *
   * @param file the jar to write
   * @param classes the classes to copy into it
   * @param entries the lines of {@code META-INF/services/dev.hashring.ServerSelector}
   * @return {@code file}
   */
  public static Path write(Path file, List<Class<?>> classes, List<String> entries) {
    try (OutputStream out = Files.newOutputStream(file);
        JarOutputStream jar = new JarOutputStream(out)) {
      for (Class<?> type : classes) {
        String resource = type.getName().replace('.', '/') + ".class";
        jar.putNextEntry(new JarEntry(resource));
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
          in.transferTo(jar);
        }
        jar.closeEntry();
      }
      jar.putNextEntry(new JarEntry("META-INF/services/" + ServerSelector.class.getName()));
      jar.write((String.join("\n", entries) + "\n").getBytes(UTF_8));
      jar.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * A class loader over {@code jars} that loads this package's classes from the jars first.
   *
   * @param jars the jars
   * @return the loader, a child of this class's loader
   */
  public static URLClassLoader loader(Path... jars) {
    URL[] urls = new URL[jars.length];
    for (int i = 0; i < jars.length; i++) {
      try {
        urls[i] = jars[i].toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException(e);
      }
    }
    return new URLClassLoader(urls, ProviderJar.class.getClassLoader()) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(PACKAGE) || name.equals(ProviderJar.class.getName())) {
          return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
          Class<?> loaded = findLoadedClass(name);
          if (loaded == null) {
            loaded = findClass(name);
          }
          if (resolve) {
            resolveClass(loaded);
          }
          return loaded;
        }
      }
    };
  }
}
