package dev.hashring.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads {@code --option key=value} arguments into a selector's option map. A key given twice is an
 * error rather than a silent replacement; the selector itself rejects keys and values it does not
 * accept.
 */
final class SelectorOptions {

  private SelectorOptions() {}

  /**
   * The map of {@code key=value} arguments, in the order given.
   *
   * @param pairs the arguments of {@code --option}, possibly {@code null} when none was given
   * @return an unmodifiable map
   * @throws CommandFailure if an argument is not {@code key=value} or a key is given twice
   */
  static Map<String, String> parse(List<String> pairs) {
    return parse(pairs, "--option");
  }

  /**
   * The map of {@code key=value} arguments of the option {@code name}, in the order given.
   *
   * @throws CommandFailure if an argument is not {@code key=value} or a key is given twice
   */
  static Map<String, String> parse(List<String> pairs, String name) {
    Map<String, String> options = new LinkedHashMap<>();
    if (pairs == null) {
      return Collections.unmodifiableMap(options);
    }
    for (String pair : pairs) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw CommandFailure.badInput(
            name + " must be key=value, such as compat=libmemcached or hash=md5: '" + pair + "'");
      }
      String key = pair.substring(0, equals);
      String value = pair.substring(equals + 1);
      String earlier = options.putIfAbsent(key, value);
      if (earlier != null) {
        throw CommandFailure.badInput(
            name
                + " "
                + key
                + " is given twice, as '"
                + earlier
                + "' and '"
                + value
                + "': give each option once");
      }
    }
    return Collections.unmodifiableMap(options);
  }

  /**
   * The options as a reader sees them: {@code compat=libmemcached hash=md5}, or {@code (default
   * options)} when there are none.
   */
  static String describe(Map<String, String> options) {
    if (options.isEmpty()) {
      return "(default options)";
    }
    return options.entrySet().stream()
        .map(entry -> entry.getKey() + "=" + entry.getValue())
        .collect(Collectors.joining(" "));
  }
}
