package dev.hashring;

import java.util.Objects;
import java.util.Optional;

/**
 * One memcached endpoint: host, port, weight, and an optional name.
 *
 * <p>A value object: two servers are equal when host, port, weight and name are equal. The host is
 * kept exactly as given (no DNS lookup, no change of case), because several clients hash the host
 * string itself. The name, when present, is what selectors that support names (twemproxy's named
 * servers) hash instead of the address.
 *
 * <p>The text form, read by {@link #parse} and written by {@link #toString}, is {@code
 * host:port[:weight][ name]}: a host name, an IPv4 address or an IPv6 address in brackets, a port
 * from 1 to 65535, a weight from 1 to 65535 (1 when absent), and a name after white space. For
 * example {@code 10.0.0.1:11211}, {@code cache-2.example.com:11211:3}, {@code [::1]:11212} or
 * {@code 10.0.0.7:22122:1 shard-7}.
 */
public final class Server {

  /** The smallest weight: a server of weight 1 takes one share of keys. */
  public static final int MIN_WEIGHT = 1;

  /** The largest weight, as in twemproxy's configuration. */
  public static final int MAX_WEIGHT = 65535;

  private final String host;
  private final int port;
  private final int weight;
  private final String name;

  private Server(String host, int port, int weight, String name) {
    this.host = host;
    this.port = port;
    this.weight = weight;
    this.name = name;
  }

  /**
   * A server of weight 1 without a name.
   *
   * @param host a host name, an IPv4 address, or an IPv6 address without brackets
   * @param port from 1 to 65535
   * @return the server
   * @throws NullPointerException if {@code host} is {@code null}
   * @throws IllegalArgumentException if the host or the port is not valid
   */
  public static Server of(String host, int port) {
    return of(host, port, MIN_WEIGHT);
  }

  /**
   * A server without a name.
   *
   * @param host a host name, an IPv4 address, or an IPv6 address without brackets
   * @param port from 1 to 65535
   * @param weight from 1 to 65535
   * @return the server
   * @throws NullPointerException if {@code host} is {@code null}
   * @throws IllegalArgumentException if the host, the port or the weight is not valid
   */
  public static Server of(String host, int port, int weight) {
    return create(Objects.requireNonNull(host, "host"), port, weight, null);
  }

  /**
   * Reads the text form {@code host:port[:weight][ name]}. White space around the whole spec is
   * ignored; the name is separated from the rest by white space.
   *
   * @param spec for example {@code "10.0.0.1:11211:2"}, {@code "[::1]:11211"} or {@code
   *     "10.0.0.7:22122:1 shard-7"}
   * @return the server
   * @throws NullPointerException if {@code spec} is {@code null}
   * @throws IllegalArgumentException if the spec does not follow the format, with a message that
   *     names the part that is wrong
   */
  public static Server parse(String spec) {
    return ServerSpec.parse(Objects.requireNonNull(spec, "spec"));
  }

  /**
   * This server with another weight.
   *
   * @param weight from 1 to 65535
   * @return a server equal to this one except for the weight
   * @throws IllegalArgumentException if the weight is not valid
   */
  public Server withWeight(int weight) {
    return create(host, port, weight, name);
  }

  /**
   * This server with a name, which selectors that support names hash instead of the address.
   *
   * @param name one or more characters, none of them white space or control characters
   * @return a server equal to this one except for the name
   * @throws NullPointerException if {@code name} is {@code null}
   * @throws IllegalArgumentException if the name is empty or contains white space or control
   *     characters
   */
  public Server withName(String name) {
    return create(host, port, weight, Objects.requireNonNull(name, "name"));
  }

  /**
   * The host exactly as given: a host name, an IPv4 address, or an IPv6 address without brackets.
   *
   * @return the host, never {@code null}
   */
  public String host() {
    return host;
  }

  /**
   * The TCP port.
   *
   * @return from 1 to 65535
   */
  public int port() {
    return port;
  }

  /**
   * The weight: how many shares of keys this server takes, for selectors that honour weights.
   *
   * @return from 1 to 65535
   */
  public int weight() {
    return weight;
  }

  /**
   * The name, if one was given.
   *
   * @return the name, or empty
   */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /**
   * The address a client connects to: {@code host:port}, with an IPv6 host in brackets.
   *
   * @return for example {@code "10.0.0.1:11211"} or {@code "[::1]:11211"}
   */
  public String address() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  /**
   * The text form that {@link #parse} reads back to an equal server: {@code host:port}, then {@code
   * :weight} unless the weight is 1, then a space and the name if there is one.
   *
   * @return for example {@code "10.0.0.1:11211:2"} or {@code "[::1]:11211 cache-a"}
   */
  @Override
  public String toString() {
    String text = weight == MIN_WEIGHT ? address() : address() + ":" + weight;
    return name == null ? text : text + " " + name;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Server)) {
      return false;
    }
    Server that = (Server) other;
    return port == that.port
        && weight == that.weight
        && host.equals(that.host)
        && Objects.equals(name, that.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(host, port, weight, name);
  }

  /** Validates every part and makes the server; the messages name the part and show the value. */
  static Server create(String host, int port, int weight, String name) {
    String hostProblem = HostSyntax.problem(host);
    if (hostProblem != null) {
      throw new IllegalArgumentException(hostProblem);
    }
    checkPort(port, host);
    Server server = new Server(host, port, weight, name);
    checkWeight(weight, server.address());
    if (name != null) {
      checkName(name, server.address());
    }
    return server;
  }

  private static void checkPort(int port, String host) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(
          "port must be between 1 and 65535: " + port + " (server " + host + ")");
    }
  }

  private static void checkWeight(int weight, String address) {
    if (weight < MIN_WEIGHT || weight > MAX_WEIGHT) {
      throw new IllegalArgumentException(
          "weight must be between "
              + MIN_WEIGHT
              + " and "
              + MAX_WEIGHT
              + ": "
              + weight
              + " (server "
              + address
              + ")");
    }
  }

  private static void checkName(String name, String address) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("name must not be empty (server " + address + ")");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
        throw new IllegalArgumentException(
            "name must not contain white space or control characters: '"
                + name
                + "' (server "
                + address
                + ")");
      }
    }
  }
}
