package dev.hashring.tck;

import dev.hashring.HashAlgorithm;
import dev.hashring.HashAlgorithms;
import dev.hashring.ProviderProblem;
import dev.hashring.Registry;
import dev.hashring.ServerSelector;
import dev.hashring.ServerSelectors;
import dev.hashring.spi.ClosestName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Checks the providers in jar files against every rule of the TCK, without writing Java: the
 * library behind {@code hashring tck --jar FILE.jar [--selector NAME] [--hash NAME] [--option
 * k=v]...}.
 *
 * <pre>{@code
 * TckReport report = TckRunner.forJars(List.of(Path.of("acme-ring.jar")))
 *     .selector("acme")
 *     .options(Map.of("compat", "native"))
 *     .run();
 * System.out.print(report.text());
 * System.exit(report.passed() ? 0 : 1);
 * }</pre>
 *
 * <p>The jars are loaded in a new class loader whose parent is the loader of this class, and their
 * providers are found through {@link java.util.ServiceLoader}: the classes their {@code
 * META-INF/services} files list. Providers already on the class path are not checked. Each provider
 * runs every rule that applies to it with the JUnit Platform Launcher, each rule in a daemon thread
 * under a time limit, so a provider that loops gets a failure, not a hang. While a provider is
 * checked, the thread context class loader is the jars' loader.
 *
 * <p>Which providers are checked: every selector and hash algorithm of the jars; or, when a
 * selector or hash name is given, only the providers named. The options are given to every selector
 * checked. Instances are immutable; each setter returns a new runner.
 */
public final class TckRunner {

  private final List<Path> jars;
  private final ClassLoader loader;
  private final String selectorName;
  private final String hashName;
  private final Map<String, String> options;
  private final Duration timeLimit;

  private TckRunner(
      List<Path> jars,
      ClassLoader loader,
      String selectorName,
      String hashName,
      Map<String, String> options,
      Duration timeLimit) {
    this.jars = jars;
    this.loader = loader;
    this.selectorName = selectorName;
    this.hashName = hashName;
    this.options = options;
    this.timeLimit = timeLimit;
  }

  /**
   * A runner for the providers of some jar files.
   *
   * @param jars one or more jar files
   * @return a runner with default options and a time limit of 30 seconds per rule
   * @throws NullPointerException if {@code jars} or one of its elements is {@code null}
   * @throws IllegalArgumentException if the list is empty or a file does not exist or is not a
   *     regular file
   */
  public static TckRunner forJars(List<Path> jars) {
    Objects.requireNonNull(jars, "jars");
    if (jars.isEmpty()) {
      throw new IllegalArgumentException("jars must not be empty: give at least one jar file");
    }
    List<Path> files = new ArrayList<>();
    for (Path jar : jars) {
      Path file = Objects.requireNonNull(jar, "jar").toAbsolutePath().normalize();
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException(
            "jar file does not exist or is not a file: " + jar + " (" + file + ")");
      }
      files.add(file);
    }
    return new TckRunner(List.copyOf(files), null, null, null, Map.of(), Duration.ofSeconds(30));
  }

  /**
   * A runner for every provider a class loader can see, its parents' included.
   *
   * @param loader the class loader to search
   * @return a runner with default options and a time limit of 30 seconds per rule
   * @throws NullPointerException if {@code loader} is {@code null}
   */
  public static TckRunner forClassLoader(ClassLoader loader) {
    Objects.requireNonNull(loader, "loader");
    return new TckRunner(null, loader, null, null, Map.of(), Duration.ofSeconds(30));
  }

  /**
   * Checks only the selector of this name (and only the hash algorithm named by {@link #hash}, if
   * any).
   *
   * @param name a selector's registry name
   * @return a new runner
   * @throws NullPointerException if {@code name} is {@code null}
   */
  public TckRunner selector(String name) {
    return new TckRunner(
        jars, loader, Objects.requireNonNull(name, "name"), hashName, options, timeLimit);
  }

  /**
   * Checks only the hash algorithm of this name (and only the selector named by {@link #selector},
   * if any).
   *
   * @param name a hash algorithm's registry name or alias
   * @return a new runner
   * @throws NullPointerException if {@code name} is {@code null}
   */
  public TckRunner hash(String name) {
    return new TckRunner(
        jars, loader, selectorName, Objects.requireNonNull(name, "name"), options, timeLimit);
  }

  /**
   * The options every selector is checked with.
   *
   * @param options for example {@code Map.of("compat", "libmemcached")}
   * @return a new runner
   * @throws NullPointerException if {@code options}, a key or a value is {@code null}
   */
  public TckRunner options(Map<String, String> options) {
    return new TckRunner(jars, loader, selectorName, hashName, Map.copyOf(options), timeLimit);
  }

  /**
   * How long one rule may take for one provider before it fails as hanging.
   *
   * @param limit a positive duration
   * @return a new runner
   * @throws IllegalArgumentException if {@code limit} is zero or negative
   */
  public TckRunner timeLimit(Duration limit) {
    Objects.requireNonNull(limit, "limit");
    if (limit.isZero() || limit.isNegative()) {
      throw new IllegalArgumentException("time limit must be positive: " + limit);
    }
    return new TckRunner(jars, loader, selectorName, hashName, options, limit);
  }

  /**
   * Finds the providers and checks each against every rule that applies to it.
   *
   * @return the report; {@link TckReport#passed()} tells whether every required rule passed
   */
  public TckReport run() {
    if (loader != null) {
      return check(loader, null, null, List.of());
    }
    List<String> problems = new ArrayList<>();
    Set<String> selectors = ProviderJars.declared(jars, ServerSelector.class, problems);
    Set<String> hashes = ProviderJars.declared(jars, HashAlgorithm.class, problems);
    if (selectors.isEmpty() && hashes.isEmpty() && problems.isEmpty()) {
      problems.add(
          "no providers in "
              + jars
              + ": no jar lists a class in META-INF/services/"
              + ServerSelector.class.getName()
              + " or META-INF/services/"
              + HashAlgorithm.class.getName());
    }
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = jars.get(i).toUri().toURL();
      } catch (MalformedURLException impossible) {
        throw new IllegalStateException("a file path is not a URL: " + jars.get(i), impossible);
      }
    }
    try (URLClassLoader jarLoader = new URLClassLoader(urls, TckRunner.class.getClassLoader())) {
      return check(jarLoader, selectors, hashes, problems);
    } catch (IOException closing) {
      throw new UncheckedIOException("cannot close the class loader of " + jars, closing);
    }
  }

  /**
   * Checks the providers {@code loader} finds.
   *
   * @param selectors the selector classes to check, or {@code null} for all found
   * @param hashes the hash algorithm classes to check, or {@code null} for all found
   */
  private TckReport check(
      ClassLoader loader, Set<String> selectors, Set<String> hashes, List<String> earlier) {
    List<String> problems = new ArrayList<>(earlier);
    Registry<ServerSelector> selectorRegistry = ServerSelectors.load(loader);
    Registry<HashAlgorithm> hashRegistry = HashAlgorithms.load(loader);
    List<ServerSelector> chosenSelectors =
        choose(
            ServerSelector.class,
            selectorRegistry,
            selectors,
            selectorName,
            hashName,
            selector -> Set.of(selector.name()),
            problems);
    List<HashAlgorithm> chosenHashes =
        choose(
            HashAlgorithm.class,
            hashRegistry,
            hashes,
            hashName,
            selectorName,
            algorithm -> names(algorithm),
            problems);
    List<TckReport.ProviderResult> results = new ArrayList<>();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      for (ServerSelector selector : chosenSelectors) {
        results.add(
            new TckReport.ProviderResult(
                ServerSelector.class,
                selector.name(),
                selector.getClass().getName(),
                selectorRegistry.source(selector),
                options,
                LauncherRun.selector(selector, options, timeLimit)));
      }
      for (HashAlgorithm algorithm : chosenHashes) {
        results.add(
            new TckReport.ProviderResult(
                HashAlgorithm.class,
                algorithm.name(),
                algorithm.getClass().getName(),
                hashRegistry.source(algorithm),
                Map.of(),
                LauncherRun.hashAlgorithm(algorithm, timeLimit)));
      }
    } finally {
      thread.setContextClassLoader(previous);
    }
    return new TckReport(results, problems);
  }

  private static Set<String> names(HashAlgorithm algorithm) {
    Set<String> names = new TreeSet<>(algorithm.aliases());
    names.add(algorithm.name());
    return names;
  }

  /**
   * The providers of a registry to check: those the jars declare (or all, without jars), and of
   * those the one named, if a name is given. A name that matches none is a problem.
   *
   * @param declared the classes the jars list, or {@code null} to take every provider
   * @param name the name asked for, or {@code null}
   * @param otherName the name asked for of the other kind of provider, or {@code null}
   */
  private <T> List<T> choose(
      Class<T> service,
      Registry<T> registry,
      Set<String> declared,
      String name,
      String otherName,
      Function<T, Set<String>> namesOf,
      List<String> problems) {
    for (ProviderProblem problem : registry.problems()) {
      if (declared == null
          || declared.contains(problem.provider())
          || jars.stream().anyMatch(jar -> jar.toString().equals(problem.source()))) {
        problems.add(problem.toString());
      }
    }
    List<T> found =
        registry.all().stream()
            .filter(p -> declared == null || declared.contains(p.getClass().getName()))
            .toList();
    if (name == null) {
      return otherName == null ? found : List.of();
    }
    List<T> named = new ArrayList<>();
    Set<String> names = new TreeSet<>();
    for (T provider : found) {
      Set<String> providerNames = namesOf.apply(provider);
      names.addAll(providerNames);
      if (providerNames.contains(name)) {
        named.add(provider);
      }
    }
    if (named.isEmpty()) {
      problems.add(
          "no "
              + service.getSimpleName()
              + " named '"
              + name
              + "' "
              + (jars == null ? "found" : "in " + jars)
              + "; available: "
              + (names.isEmpty() ? "none" : String.join(", ", names))
              + ClosestName.among(name, names).map(c -> " (did you mean '" + c + "'?)").orElse(""));
    }
    return named;
  }
}
