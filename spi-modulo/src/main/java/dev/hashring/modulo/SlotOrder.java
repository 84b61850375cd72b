package dev.hashring.modulo;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hashring.Server;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The order in which servers take their slots. */
enum SlotOrder {

  /** The order of the list. */
  LIST {
    @Override
    int[] of(List<Server> servers) {
      int[] order = new int[servers.size()];
      Arrays.setAll(order, i -> i);
      return order;
    }
  },

  /**
   * nutcracker's order: it sorts a pool's servers by name when it checks them for duplicates
   * ({@code conf_validate_server}) and keeps that order, so the slots follow the names, shorter
   * names first, equal lengths by their bytes. A server's name is the one given, else {@code host}
   * when the port is 11211, else {@code host:port} ({@code conf_add_server}). Two servers with the
   * same name are refused, as nutcracker refuses them.
   */
  TWEMPROXY_NAMES {
    @Override
    int[] of(List<Server> servers) {
      byte[][] names = new byte[servers.size()][];
      for (int i = 0; i < names.length; i++) {
        names[i] = twemproxyName(servers.get(i)).getBytes(UTF_8);
      }
      Comparator<Integer> byName =
          Comparator.<Integer>comparingInt(i -> names[i].length)
              .thenComparing((a, b) -> Arrays.compareUnsigned(names[a], names[b]));
      Integer[] sorted = new Integer[names.length];
      Arrays.setAll(sorted, i -> i);
      Arrays.sort(sorted, byName);
      int[] order = new int[sorted.length];
      for (int i = 0; i < sorted.length; i++) {
        order[i] = sorted[i];
        if (i > 0 && byName.compare(sorted[i - 1], sorted[i]) == 0) {
          throw new IllegalArgumentException(
              "servers "
                  + servers.get(Math.min(sorted[i - 1], sorted[i]))
                  + " and "
                  + servers.get(Math.max(sorted[i - 1], sorted[i]))
                  + " have the same twemproxy name '"
                  + twemproxyName(servers.get(sorted[i]))
                  + "', which nutcracker refuses: give one of them another name");
        }
      }
      return order;
    }
  };

  /** The servers' indices in slot order. */
  abstract int[] of(List<Server> servers);

  /** The name nutcracker gives a server line {@code host:port:weight [name]}. */
  static String twemproxyName(Server server) {
    return server
        .name()
        .orElse(server.port() == 11211 ? server.host() : server.host() + ":" + server.port());
  }
}
