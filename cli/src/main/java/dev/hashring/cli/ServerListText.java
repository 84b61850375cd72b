package dev.hashring.cli;

import dev.hashring.Server;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a server list given as text: {@code Server.parse} specs separated by commas, such as {@code
 * "10.0.0.1:11211,10.0.0.2:11211:2,10.0.0.7:22122:1 shard-7"}.
 */
final class ServerListText {

  private ServerListText() {}

  /**
   * The servers of {@code text}, in order.
   *
   * @param option the option that gave the list, for messages, such as {@code --servers}
   * @param text the comma-separated specs
   * @return the servers, at least one
   * @throws CommandFailure naming the option, the position and the spec when a spec is empty or
   *     does not parse
   */
  static List<Server> parse(String option, String text) {
    if (text.isBlank()) {
      throw CommandFailure.badInput(
          option + " needs at least one server spec, host:port[:weight][ name]: '" + text + "'");
    }
    String[] specs = text.split(",", -1);
    List<Server> servers = new ArrayList<>(specs.length);
    for (int i = 0; i < specs.length; i++) {
      String spec = specs[i];
      if (spec.isBlank()) {
        throw CommandFailure.badInput(
            option
                + ": server "
                + (i + 1)
                + " of "
                + specs.length
                + " is empty (two commas in a row, or one at an end): '"
                + text
                + "'");
      }
      try {
        servers.add(Server.parse(spec));
      } catch (IllegalArgumentException bad) {
        throw CommandFailure.badInput(
            option
                + ": server "
                + (i + 1)
                + " of "
                + specs.length
                + ", '"
                + spec.strip()
                + "': "
                + bad.getMessage(),
            bad);
      }
    }
    return servers;
  }

  /** The specs of {@code servers} joined by commas: what {@link #parse} reads back. */
  static String format(List<Server> servers) {
    StringBuilder text = new StringBuilder();
    for (Server server : servers) {
      if (text.length() > 0) {
        text.append(',');
      }
      text.append(server);
    }
    return text.toString();
  }
}
