package dev.hashring.cli;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelector;
import java.util.List;
import java.util.Map;

/**
 * A selector and the options it runs with: one row of a simulation.
 *
 * @param selector the selector
 * @param options its options
 */
record Configuration(ServerSelector selector, Map<String, String> options) {

  /** Copies the options. */
  Configuration {
    options = Map.copyOf(options);
  }

  /** The options as {@code compat=libmemcached hash=md5}, or {@code (default options)}. */
  String optionText() {
    return SelectorOptions.describe(new java.util.TreeMap<>(options));
  }

  /** The selector's name and options, such as {@code ketama compat=libmemcached}. */
  String label() {
    return options.isEmpty() ? selector.name() : selector.name() + " " + optionText();
  }

  /** The ring for {@code servers}. */
  Ring ring(List<Server> servers) {
    return selector.ring(servers, options);
  }
}
