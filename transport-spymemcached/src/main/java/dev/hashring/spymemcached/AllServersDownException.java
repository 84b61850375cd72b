package dev.hashring.spymemcached;

import dev.hashring.Server;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when an operation is started while every memcached server of the client is down, so that
 * no server of its key's failover sequence can take it. spymemcached keeps reconnecting in the
 * background; operations succeed again once a server is back.
 *
 * <p>Thrown by the {@code MemcachedClient} method that starts the operation ({@code get}, {@code
 * set}, {@code asyncGet}, ...), at once, instead of spymemcached's way of queueing the operation on
 * the dead primary until it times out. Only with {@code FailureMode.Redistribute}, the default.
 */
public final class AllServersDownException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /** The servers, all down; not serialized ({@link Server} is not serializable). */
  private final transient List<Server> servers;

  AllServersDownException(Collection<String> keys, List<Server> servers) {
    super(message(keys, servers));
    this.servers = List.copyOf(servers);
  }

  private static String message(Collection<String> keys, List<Server> servers) {
    StringBuilder message = new StringBuilder("no memcached server can take ");
    if (keys.size() == 1) {
      message.append("key '").append(keys.iterator().next()).append("'");
    } else {
      message.append(keys.size()).append(" keys");
    }
    message.append(": ");
    message.append(servers.size() == 1 ? "the server is" : "all " + servers.size() + " are");
    message.append(" down (");
    message.append(servers.stream().map(Server::toString).collect(Collectors.joining(", ")));
    message.append("); spymemcached reconnects in the background");
    return message.toString();
  }

  /**
   * The servers of the client when the operation was started, every one of them down.
   *
   * @return an unmodifiable list; empty in a deserialized copy of this exception
   */
  public List<Server> servers() {
    return servers == null ? List.of() : servers;
  }
}
