package dev.hashring;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hashring.spi.ClosestName;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.System.Logger.Level;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The providers of one service ({@link ServerSelector} or {@link HashAlgorithm}) that one class
 * loader can see, by name: the {@code DriverManager} of hashring.
 *
 * <p>Providers are found with {@link ServiceLoader}, on the class path ({@code META-INF/services})
 * and on the module path ({@code provides} in {@code module-info}). Every provider is loaded on its
 * own: one that fails to load or to start, has an invalid name, or shares its name with another is
 * reported in {@link #problems()} and logged as a warning, with its class and jar, and never hides
 * the others.
 *
 * <p>A registry is a snapshot taken when it is made; it is immutable and thread-safe. Get the
 * default ones from {@link ServerSelectors#registry()} and {@link HashAlgorithms#registry()}, or
 * one for any class loader from their {@code load} methods.
 *
 * @param <T> the service type
 */
public final class Registry<T> {

  private static final System.Logger LOG = System.getLogger(Registry.class.getName());
  private static final Pattern VALID_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
  private static final int MAX_CONSECUTIVE_ERRORS = 10_000;

  private final String service;
  private final List<T> providers;
  private final Map<String, List<T>> byName;
  private final SortedSet<String> names;
  private final Map<T, String> sources;
  private final List<ProviderProblem> problems;

  private Registry(
      String service,
      List<T> providers,
      Map<String, List<T>> byName,
      SortedSet<String> names,
      Map<T, String> sources,
      List<ProviderProblem> problems) {
    this.service = service;
    this.providers = providers;
    this.byName = byName;
    this.names = names;
    this.sources = sources;
    this.problems = problems;
  }

  /**
   * The provider registered under {@code name} or one of its aliases.
   *
   * @param name the exact name, for example {@code "ketama"} or {@code "md5"}
   * @return the provider
   * @throws NullPointerException if {@code name} is {@code null}
   * @throws IllegalArgumentException if no provider has that name; the message lists the available
   *     names, suggests a close one, and names the providers that failed to load
   * @throws IllegalStateException if two providers share that name; the message names both, with
   *     their jars
   */
  public T forName(String name) {
    Objects.requireNonNull(name, "name");
    List<T> found = byName.get(name);
    if (found == null) {
      throw new IllegalArgumentException(unknownName(name));
    }
    if (found.size() > 1) {
      throw new IllegalStateException(
          found.size()
              + " "
              + service
              + "s are named '"
              + name
              + "': "
              + found.stream().map(this::describe).collect(Collectors.joining(" and "))
              + "; keep only one of them on the class path or module path");
    }
    return found.get(0);
  }

  /**
   * Every provider that loaded, sorted by name. Providers that share a name are all listed.
   *
   * @return an unmodifiable list
   */
  public List<T> all() {
    return providers;
  }

  /**
   * The names of the providers that loaded, without aliases.
   *
   * @return an unmodifiable sorted set
   */
  public SortedSet<String> names() {
    return names;
  }

  /**
   * Every provider that was found but could not be used, in the order they were met.
   *
   * @return an unmodifiable list, empty when all is well
   */
  public List<ProviderProblem> problems() {
    return problems;
  }

  /**
   * Where a provider of this registry was loaded from.
   *
   * @param provider one of {@link #all()}
   * @return the path of its jar or class directory, or {@code "unknown location"}
   * @throws IllegalArgumentException if {@code provider} is not one of this registry's
   */
  public String source(T provider) {
    String source = sources.get(provider);
    if (source == null) {
      throw new IllegalArgumentException("not a provider of this registry: " + provider);
    }
    return source;
  }

  @Override
  public String toString() {
    return service + " registry " + names;
  }

  private String describe(T provider) {
    return provider.getClass().getName() + " (" + sources.get(provider) + ")";
  }

  private String unknownName(String name) {
    StringBuilder message = new StringBuilder("no ").append(service).append(" named '");
    message.append(name).append("'; available: ");
    message.append(names.isEmpty() ? "none" : String.join(", ", names));
    ClosestName.among(name, byName.keySet())
        .ifPresent(close -> message.append(" (did you mean '").append(close).append("'?)"));
    if (!problems.isEmpty()) {
      message.append("; ").append(problems.size()).append(" could not be used: ");
      message.append(
          problems.stream().map(ProviderProblem::toString).collect(Collectors.joining("; ")));
    }
    return message.toString();
  }

  /**
   * Loads every provider of {@code type} that {@code loader} can see.
   *
   * @param type the service interface
   * @param loader where to look
   * @param nameOf reads a provider's name
   * @param aliasesOf reads a provider's aliases
   */
  static <T> Registry<T> load(
      Class<T> type,
      ClassLoader loader,
      Function<T, String> nameOf,
      Function<T, Set<String>> aliasesOf) {
    String service = type.getSimpleName();
    List<ProviderProblem> problems = new ArrayList<>();
    Map<T, String> sources = new IdentityHashMap<>();
    Map<T, String> names = new IdentityHashMap<>();
    Map<String, List<T>> byName = new TreeMap<>();

    Iterator<ServiceLoader.Provider<T>> found =
        ServiceLoader.load(type, loader).stream().iterator();
    int consecutiveErrors = 0;
    while (consecutiveErrors < MAX_CONSECUTIVE_ERRORS) {
      ServiceLoader.Provider<T> provider;
      try {
        if (!found.hasNext()) {
          break;
        }
        provider = found.next();
      } catch (ServiceConfigurationError error) {
        consecutiveErrors++;
        problems.add(configurationProblem(type, loader, error));
        continue;
      }
      consecutiveErrors = 0;
      Class<?> providerClass = null;
      String source = "unknown location";
      try {
        providerClass = provider.type();
        source = sourceOf(providerClass);
        T instance = provider.get();
        String name = nameOf.apply(instance);
        Set<String> aliases = aliasesOf.apply(instance);
        String invalid = invalidNames(name, aliases);
        if (invalid != null) {
          problems.add(new ProviderProblem(providerClass.getName(), source, invalid));
          continue;
        }
        sources.put(instance, source);
        names.put(instance, name);
        byName.computeIfAbsent(name, key -> new ArrayList<>()).add(instance);
        for (String alias : aliases) {
          byName.computeIfAbsent(alias, key -> new ArrayList<>()).add(instance);
        }
      } catch (ServiceConfigurationError | RuntimeException | LinkageError error) {
        String className = providerClass == null ? "unknown class" : providerClass.getName();
        problems.add(new ProviderProblem(className, source, "failed to load: " + causeOf(error)));
      }
    }

    for (Map.Entry<String, List<T>> entry : byName.entrySet()) {
      if (entry.getValue().size() > 1) {
        for (T provider : entry.getValue()) {
          problems.add(
              new ProviderProblem(
                  provider.getClass().getName(),
                  sources.get(provider),
                  "shares the name '"
                      + entry.getKey()
                      + "' with "
                      + (entry.getValue().size() - 1)
                      + " other "
                      + service
                      + " provider(s)"));
        }
      }
    }
    for (ProviderProblem problem : problems) {
      LOG.log(Level.WARNING, service + " provider not usable: " + problem);
    }

    List<T> providers = new ArrayList<>(names.keySet());
    providers.sort(
        Comparator.comparing((T provider) -> names.get(provider))
            .thenComparing(provider -> provider.getClass().getName()));
    Map<String, List<T>> frozen = new TreeMap<>();
    byName.forEach((key, value) -> frozen.put(key, List.copyOf(value)));
    return new Registry<>(
        service,
        List.copyOf(providers),
        Collections.unmodifiableMap(frozen),
        Collections.unmodifiableSortedSet(new TreeSet<>(names.values())),
        sources,
        List.copyOf(problems));
  }

  private static String invalidNames(String name, Set<String> aliases) {
    if (name == null || !VALID_NAME.matcher(name).matches()) {
      return "invalid name "
          + (name == null ? "null" : "'" + name + "'")
          + ": a name is lower case letters, digits, '_' and '-'";
    }
    if (aliases == null) {
      return "aliases() returned null";
    }
    for (String alias : aliases) {
      if (alias == null || !VALID_NAME.matcher(alias).matches() || alias.equals(name)) {
        return "invalid alias "
            + (alias == null ? "null" : "'" + alias + "'")
            + " of '"
            + name
            + "': an alias is lower case letters, digits, '_' and '-', and differs from the name";
      }
    }
    return null;
  }

  /**
   * The error and its causes in one line. A {@link ServiceConfigurationError} is shown by its
   * message alone, without the service name it starts with.
   */
  private static String causeOf(Throwable error) {
    StringBuilder text = new StringBuilder();
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (text.length() > 0) {
        text.append(" caused by ");
      }
      String message = cause.getMessage();
      if (cause instanceof ServiceConfigurationError && message != null) {
        int colon = message.indexOf(": ");
        text.append(colon >= 0 ? message.substring(colon + 2) : message);
      } else {
        text.append(cause.getClass().getName());
        if (message != null) {
          text.append(": ").append(message);
        }
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return text.toString();
  }

  /** Where a class was loaded from: its jar or class directory. */
  static String sourceOf(Class<?> type) {
    CodeSource codeSource = type.getProtectionDomain().getCodeSource();
    if (codeSource == null || codeSource.getLocation() == null) {
      return "unknown location";
    }
    return locationText(codeSource.getLocation());
  }

  private static String locationText(URL location) {
    try {
      if ("file".equals(location.getProtocol())) {
        return Path.of(location.toURI()).toString();
      }
    } catch (URISyntaxException | IllegalArgumentException notAPath) {
      // Fall through to the URL itself.
    }
    return location.toString();
  }

  /**
   * A service file entry that could not be loaded as a provider: the class is missing, is not a
   * provider of the service, or the file is malformed. The error names the class but not the jar,
   * so the jar is found by reading the service files the loader can see.
   */
  private static ProviderProblem configurationProblem(
      Class<?> type, ClassLoader loader, ServiceConfigurationError error) {
    String message = String.valueOf(error.getMessage());
    String resource = "META-INF/services/" + type.getName();
    try {
      Enumeration<URL> files =
          loader == null ? ClassLoader.getSystemResources(resource) : loader.getResources(resource);
      while (files.hasMoreElements()) {
        URL file = files.nextElement();
        for (String entry : entries(file)) {
          if (message.contains(" " + entry + " ") || message.endsWith(" " + entry)) {
            return new ProviderProblem(entry, jarOf(file), "failed to load: " + causeOf(error));
          }
        }
      }
    } catch (IOException unreadable) {
      // Report what the error itself says.
    }
    return new ProviderProblem("unknown class", "unknown location", causeOf(error));
  }

  private static List<String> entries(URL serviceFile) {
    List<String> entries = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(serviceFile.openStream(), UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        int comment = line.indexOf('#');
        String entry = (comment >= 0 ? line.substring(0, comment) : line).strip();
        if (!entry.isEmpty()) {
          entries.add(entry);
        }
      }
    } catch (IOException unreadable) {
      // A file that cannot be read names no entries.
    }
    return entries;
  }

  /** The jar (or directory) that holds a service file, from the file's URL. */
  private static String jarOf(URL serviceFile) {
    String text = serviceFile.toString();
    int bang = text.indexOf("!/");
    if (text.startsWith("jar:") && bang > 0) {
      try {
        return locationText(new URL(text.substring(4, bang)));
      } catch (java.net.MalformedURLException malformed) {
        return text.substring(4, bang);
      }
    }
    String suffix = "META-INF/services/";
    int at = text.indexOf(suffix);
    try {
      return at > 0 ? locationText(new URL(text.substring(0, at))) : text;
    } catch (java.net.MalformedURLException malformed) {
      return text;
    }
  }
}
