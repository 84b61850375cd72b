package dev.hashring;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Finds {@link ServerSelector}s by name, like {@code java.sql.DriverManager} finds drivers.
 *
 * <p>Selectors come from provider jars on the class path or module path: {@code hashring-ketama}
 * registers {@code ketama}, {@code hashring-modulo} registers {@code modulo}, {@code hashring-jump}
 * registers {@code jump}, and third parties register their own the same way.
 *
 * <pre>{@code
 * Ring ring = ServerSelectors.forName("ketama").ring(servers, Map.of("compat", "libmemcached"));
 * }</pre>
 */
public final class ServerSelectors {

  private ServerSelectors() {}

  /**
   * The selector registered under {@code name}, from the {@linkplain #registry() default registry}.
   *
   * @param name for example {@code "ketama"}
   * @return the selector
   * @throws NullPointerException if {@code name} is {@code null}
   * @throws IllegalArgumentException if no selector has that name; the message lists those
   *     available and suggests a close one, as in {@code no ServerSelector named 'ketamma';
   *     available: jump, ketama, modulo (did you mean 'ketama'?)}
   * @throws IllegalStateException if two providers share that name
   */
  public static ServerSelector forName(String name) {
    return registry().forName(name);
  }

  /**
   * Every selector of the {@linkplain #registry() default registry}, sorted by name.
   *
   * @return an unmodifiable list
   */
  public static List<ServerSelector> all() {
    return registry().all();
  }

  /**
   * The default registry: the selectors the thread context class loader (or, without one, the class
   * loader of this class) sees the first time it is asked for, loaded once.
   *
   * @return the default registry
   */
  public static Registry<ServerSelector> registry() {
    return Default.REGISTRY;
  }

  /**
   * A new registry of every selector {@code loader} can see, for tools that load provider jars of
   * their own (such as the TCK runner).
   *
   * @param loader the class loader to search, with its parents
   * @return a new registry
   * @throws NullPointerException if {@code loader} is {@code null}
   */
  public static Registry<ServerSelector> load(ClassLoader loader) {
    Objects.requireNonNull(loader, "loader");
    return Registry.load(ServerSelector.class, loader, ServerSelector::name, selector -> Set.of());
  }

  /** Loaded on first use. */
  private static final class Default {
    static final Registry<ServerSelector> REGISTRY = load(DefaultLoader.get(ServerSelectors.class));
  }
}
