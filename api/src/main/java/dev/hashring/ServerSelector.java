package dev.hashring;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A distribution algorithm (ketama, modulo, jump, ...): given a list of servers and options, it
 * builds the {@link Ring} that maps keys to those servers.
 *
 * <p>Implementations are stateless and thread-safe, and are found by {@linkplain #name() name}
 * through {@link java.util.ServiceLoader} (see {@link ServerSelectors}). A provider registers a
 * public class with a public no-argument constructor in {@code
 * META-INF/services/dev.hashring.ServerSelector} and with {@code provides
 * dev.hashring.ServerSelector with ...} in its {@code module-info}.
 *
 * <p>Options are a string map, so that a properties file, a command line and code configure the
 * same thing. Two keys mean the same for every selector: {@code compat}, which existing client to
 * reproduce bit for bit (absent or {@code native}: this project's own best variant), and {@code
 * hash}, the key hash algorithm by {@linkplain HashAlgorithms registry} name. Unknown keys and
 * values are errors.
 */
public interface ServerSelector {

  /**
   * The registry name: lower case letters, digits, {@code '_'} and {@code '-'}, for example {@code
   * "ketama"}.
   *
   * @return the name this selector is registered under
   */
  String name();

  /**
   * Builds the ring for {@code servers}. The ring keeps its own copy of the list, so changing the
   * list afterwards changes nothing.
   *
   * @param servers the servers, in the order that matters to the algorithm (list order decides
   *     placement for modulo and jump, and ties for some ketama profiles)
   * @param options the options; see {@link #options()}
   * @return the ring
   * @throws NullPointerException if {@code servers}, one of its elements, or {@code options} is
   *     {@code null}
   * @throws IllegalArgumentException if {@code servers} is empty or lists one server twice (the
   *     same host and port, or the same name), if an option is unknown or has a value this selector
   *     does not accept (the message lists what is accepted), or if the servers are more than the
   *     algorithm can place
   */
  Ring ring(List<Server> servers, Map<String, String> options);

  /**
   * Builds the ring for {@code servers} with default options.
   *
   * @param servers the servers
   * @return {@code ring(servers, Map.of())}
   * @throws NullPointerException if {@code servers} or one of its elements is {@code null}
   * @throws IllegalArgumentException as {@link #ring(List, Map)} does
   */
  default Ring ring(List<Server> servers) {
    return ring(servers, Map.of());
  }

  /**
   * The options to build the ring of {@code after} with, when the ring of {@code before} was built
   * with {@code options}. Most selectors keep no state about the servers in their options and
   * return {@code options} unchanged (the default). A selector whose options record how the list
   * came to be (a removal history, as {@code anchor}'s {@code history}) returns the options with
   * the change recorded, so that the change keeps the promises of its traits.
   *
   * <p>Tools that change a running server list ask this: the spymemcached transport when servers
   * are added or removed, {@code hashring simulate} and {@code diff}, and the TCK's disruption
   * rules.
   *
   * @param before the servers of the current ring, in order
   * @param after the servers of the next ring, in order
   * @param options the options the current ring was built with
   * @return the options for the next ring; by default {@code options}
   * @throws NullPointerException if an argument is {@code null}
   */
  default Map<String, String> optionsAfter(
      List<Server> before, List<Server> after, Map<String, String> options) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    return Objects.requireNonNull(options, "options");
  }

  /**
   * The options this selector accepts, for help texts: each key with a one-line description that
   * says its values and its default.
   *
   * @return an unmodifiable map in a stable order; empty by default
   */
  default Map<String, String> options() {
    return Map.of();
  }

  /**
   * The values the {@code compat} option accepts, {@code "native"} first when the selector has its
   * own variant.
   *
   * @return an unmodifiable list; empty when the selector has no {@code compat} option
   */
  default List<String> compatProfiles() {
    return List.of();
  }
}
