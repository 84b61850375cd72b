package dev.hashring.spi;

import dev.hashring.HashAlgorithm;
import dev.hashring.HashAlgorithms;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a selector's option map and rejects what it does not understand, with messages that name
 * the option, show the value, and list what is accepted.
 *
 * <p>A selector reads each option it accepts, then calls {@link #requireNoOthers()}; every key it
 * did not read is an error that lists the keys it did read:
 *
 * <pre>{@code
 * Options options = Options.of("ketama", map);
 * String compat = options.choice("compat", "native", List.of("native", "libmemcached"));
 * int points = options.integer("points", 160, 1, 1024);
 * options.requireNoOthers();
 * }</pre>
 *
 * <p>Not thread-safe; make one per {@code ring(...)} call.
 */
public final class Options {

  private final String owner;
  private final Map<String, String> values;
  private final Set<String> read = new LinkedHashSet<>();
  private String context = "";

  private Options(String owner, Map<String, String> values) {
    this.owner = owner;
    this.values = values;
  }

  /**
   * Starts reading {@code options} for the selector {@code selector}.
   *
   * @param selector the selector's name, used in messages
   * @param options the option map as the user gave it
   * @return a reader
   * @throws NullPointerException if an argument, a key or a value is {@code null}
   */
  public static Options of(String selector, Map<String, String> options) {
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(options, "options");
    Map<String, String> copy = new TreeMap<>();
    options.forEach(
        (key, value) -> {
          Objects.requireNonNull(key, "option key");
          Objects.requireNonNull(value, () -> "value of option '" + key + "'");
          copy.put(key, value);
        });
    return new Options("selector " + selector, copy);
  }

  /**
   * Adds to messages the setting that decided which options apply, for example {@code
   * "compat=libmemcached"}.
   *
   * @param setting the deciding setting
   * @return this reader
   */
  public Options within(String setting) {
    this.context = " with " + Objects.requireNonNull(setting, "setting");
    return this;
  }

  /**
   * The value of an option that takes one of a fixed list of values.
   *
   * @param key the option
   * @param defaultValue the value when the option is absent
   * @param accepted the values accepted
   * @return the value given, or {@code defaultValue}
   * @throws IllegalArgumentException if the value is not one of {@code accepted}
   */
  public String choice(String key, String defaultValue, List<String> accepted) {
    String value = values.getOrDefault(key, defaultValue);
    read.add(key);
    if (!accepted.contains(value)) {
      StringBuilder message = new StringBuilder();
      message.append("option '").append(key).append("' of ").append(owner).append(context);
      message.append(" must be one of ").append(String.join(", ", accepted));
      message.append(": '").append(value).append("'");
      ClosestName.among(value, accepted)
          .ifPresent(close -> message.append(" (did you mean '").append(close).append("'?)"));
      throw new IllegalArgumentException(message.toString());
    }
    return value;
  }

  /**
   * The value of an integer option.
   *
   * @param key the option
   * @param defaultValue the value when the option is absent
   * @param min the smallest value accepted
   * @param max the largest value accepted
   * @return the value given, or {@code defaultValue}
   * @throws IllegalArgumentException if the value is not a decimal integer within {@code [min,
   *     max]}
   */
  public int integer(String key, int defaultValue, int min, int max) {
    read.add(key);
    String text = values.get(key);
    if (text == null) {
      return defaultValue;
    }
    long value;
    try {
      value = text.matches("-?[0-9]{1,18}") ? Long.parseLong(text) : Long.MIN_VALUE;
    } catch (NumberFormatException impossible) {
      value = Long.MIN_VALUE;
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "option '"
              + key
              + "' of "
              + owner
              + context
              + " must be an integer from "
              + min
              + " to "
              + max
              + ": '"
              + text
              + "'");
    }
    return (int) value;
  }

  /**
   * The value of a free-form option.
   *
   * @param key the option
   * @return the value given, or empty
   */
  public Optional<String> text(String key) {
    read.add(key);
    return Optional.ofNullable(values.get(key));
  }

  /**
   * The hash algorithm an option names, looked up in the default {@link HashAlgorithms} registry.
   *
   * @param key the option, usually {@code "hash"}
   * @param defaultName the algorithm when the option is absent
   * @return the algorithm
   * @throws IllegalArgumentException if no registered algorithm has that name; the message lists
   *     those available
   */
  public HashAlgorithm hash(String key, String defaultName) {
    read.add(key);
    String name = values.getOrDefault(key, defaultName);
    try {
      return HashAlgorithms.forName(name);
    } catch (IllegalArgumentException | IllegalStateException unknown) {
      throw new IllegalArgumentException(
          "option '" + key + "' of " + owner + context + ": " + unknown.getMessage(), unknown);
    }
  }

  /**
   * Fails if the map holds a key that was not read.
   *
   * @throws IllegalArgumentException naming the unknown keys and listing the keys accepted
   */
  public void requireNoOthers() {
    List<String> unknown = new ArrayList<>();
    for (String key : values.keySet()) {
      if (!read.contains(key)) {
        unknown.add(key);
      }
    }
    if (unknown.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder("unknown option");
    message.append(unknown.size() > 1 ? "s " : " ");
    message.append("'").append(String.join("', '", unknown)).append("'");
    message.append(" for ").append(owner).append(context);
    if (unknown.size() == 1) {
      ClosestName.among(unknown.get(0), read)
          .ifPresent(close -> message.append(" (did you mean '").append(close).append("'?)"));
    }
    message.append("; accepted: ").append(read.isEmpty() ? "none" : String.join(", ", read));
    throw new IllegalArgumentException(message.toString());
  }
}
