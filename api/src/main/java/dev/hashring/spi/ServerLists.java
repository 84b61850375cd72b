package dev.hashring.spi;

import dev.hashring.Server;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The checks every selector makes on the server list it is given. */
public final class ServerLists {

  private ServerLists() {}

  /**
   * Checks {@code servers} and returns an immutable copy, so that later changes to the caller's
   * list change nothing.
   *
   * @param servers the list given to {@code ServerSelector.ring}
   * @return an unmodifiable copy in the same order
   * @throws NullPointerException if {@code servers} or one of its elements is {@code null}
   * @throws IllegalArgumentException if the list is empty, or two entries have the same address
   *     (host and port) or the same name
   */
  public static List<Server> requireValid(List<Server> servers) {
    Objects.requireNonNull(servers, "servers");
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("servers must not be empty");
    }
    Map<String, Integer> addresses = new HashMap<>();
    Map<String, Integer> names = new HashMap<>();
    for (int i = 0; i < servers.size(); i++) {
      Server server = servers.get(i);
      if (server == null) {
        throw new NullPointerException("servers[" + i + "] is null");
      }
      Integer earlier = addresses.putIfAbsent(server.address(), i);
      if (earlier != null) {
        throw new IllegalArgumentException(
            "duplicate server "
                + server.address()
                + " at positions "
                + earlier
                + " and "
                + i
                + ": each memcached server may be listed once");
      }
      if (server.name().isPresent()) {
        Integer named = names.putIfAbsent(server.name().get(), i);
        if (named != null) {
          throw new IllegalArgumentException(
              "duplicate server name '"
                  + server.name().get()
                  + "' at positions "
                  + named
                  + " and "
                  + i
                  + ": each server name may be used once");
        }
      }
    }
    return List.copyOf(servers);
  }
}
