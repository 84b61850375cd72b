package dev.hashring.cli;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A selector and the options it runs with: one row of a simulation. The ring after the change gets
 * the options the selector gives for the change ({@link ServerSelector#optionsAfter}: the same,
 * except for a selector whose options record the changes of the list, such as anchor's {@code
 * history}), and {@code optionsAfter} on top, when the user gives some.
 *
 * @param selector the selector
 * @param options its options before the change
 * @param optionsAfter options the user gives for after the change, on top of what the selector
 *     says; usually none
 */
record Configuration(
    ServerSelector selector, Map<String, String> options, Map<String, String> optionsAfter) {

  /** Values longer than this are shortened in the table. */
  private static final int SHOWN_VALUE = 24;

  /** Copies the options. */
  Configuration {
    options = Map.copyOf(options);
    optionsAfter = Map.copyOf(optionsAfter);
  }

  /** A configuration with the same options before and after the change. */
  Configuration(ServerSelector selector, Map<String, String> options) {
    this(selector, options, Map.of());
  }

  /**
   * The options as {@code compat=libmemcached hash=md5}, or {@code (default options)}, then the
   * options after the change, if any, with long values shortened.
   */
  String optionText() {
    String text = SelectorOptions.describe(new TreeMap<>(options));
    if (optionsAfter.isEmpty()) {
      return text;
    }
    StringBuilder after = new StringBuilder(text).append(", after:");
    new TreeMap<>(optionsAfter)
        .forEach(
            (key, value) ->
                after
                    .append(' ')
                    .append(key)
                    .append('=')
                    .append(
                        value.length() > SHOWN_VALUE
                            ? value.substring(0, SHOWN_VALUE - 3) + "..."
                            : value));
    return after.toString();
  }

  /** The selector's name and options, such as {@code ketama compat=libmemcached}. */
  String label() {
    return options.isEmpty() && optionsAfter.isEmpty()
        ? selector.name()
        : selector.name() + " " + optionText();
  }

  /** The ring for the servers before the change. */
  Ring ringBefore(List<Server> servers) {
    return selector.ring(servers, options);
  }

  /**
   * The ring for the servers after the change: with the options the selector gives for the change
   * ({@link ServerSelector#optionsAfter}, which records it for a selector such as anchor), then
   * {@code optionsAfter} on top.
   */
  Ring ringAfter(List<Server> before, List<Server> after) {
    Map<String, String> next = new LinkedHashMap<>(selector.optionsAfter(before, after, options));
    next.putAll(optionsAfter);
    return selector.ring(after, next);
  }
}
