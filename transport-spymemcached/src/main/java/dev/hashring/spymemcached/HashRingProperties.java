package dev.hashring.spymemcached;

import dev.hashring.Server;
import dev.hashring.spi.ClosestName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/** Reads the {@code hashring.*} properties into a {@link HashRingConnectionFactory.Builder}. */
final class HashRingProperties {

  static final String PREFIX = "hashring.";
  static final String SELECTOR = "hashring.selector";
  static final String SERVERS = "hashring.servers";
  static final String OPTION = "hashring.option.";

  private static final List<String> ACCEPTED = List.of(SELECTOR, OPTION + "<key>", SERVERS);

  private HashRingProperties() {}

  static void applyTo(HashRingConnectionFactory.Builder builder, Properties properties) {
    // A value that is not a String is invisible to getProperty: refuse it rather than ignore it.
    for (Map.Entry<Object, Object> entry : properties.entrySet()) {
      if (entry.getKey() instanceof String
          && ((String) entry.getKey()).startsWith(PREFIX)
          && !(entry.getValue() instanceof String)) {
        throw new IllegalArgumentException(
            "property '"
                + entry.getKey()
                + "' must be a String, not a "
                + entry.getValue().getClass().getName()
                + ": "
                + entry.getValue());
      }
    }
    for (String key : new TreeSet<>(properties.stringPropertyNames())) {
      if (!key.startsWith(PREFIX)) {
        continue;
      }
      String value = properties.getProperty(key);
      if (key.equals(SELECTOR)) {
        builder.selector(value.strip());
      } else if (key.equals(SERVERS)) {
        builder.servers(servers(value));
      } else if (key.startsWith(OPTION) && key.length() > OPTION.length()) {
        builder.option(key.substring(OPTION.length()), value.strip());
      } else {
        throw new IllegalArgumentException(unknown(key));
      }
    }
  }

  private static String unknown(String key) {
    StringBuilder message = new StringBuilder("unknown property '").append(key).append("'");
    ClosestName.among(key, List.of(SELECTOR, SERVERS))
        .ifPresent(close -> message.append(" (did you mean '").append(close).append("'?)"));
    message.append("; accepted: ").append(String.join(", ", ACCEPTED));
    return message.toString();
  }

  /** Server specs separated by commas; white space around each is ignored. */
  static List<Server> servers(String value) {
    List<Server> servers = new ArrayList<>();
    String[] specs = value.split(",", -1);
    for (int i = 0; i < specs.length; i++) {
      String spec = specs[i].strip();
      if (spec.isEmpty()) {
        throw new IllegalArgumentException(
            "property '"
                + SERVERS
                + "' has an empty server spec at position "
                + (i + 1)
                + ": '"
                + value
                + "' (expected specs host:port[:weight][ name] separated by commas)");
      }
      try {
        servers.add(Server.parse(spec));
      } catch (IllegalArgumentException bad) {
        throw new IllegalArgumentException("property '" + SERVERS + "': " + bad.getMessage(), bad);
      }
    }
    return servers;
  }
}
