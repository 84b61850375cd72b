package dev.hashring.ketama;

import dev.hashring.Server;
import java.net.InetSocketAddress;

/**
 * How a server becomes the text its ring points are hashed from. Point {@code i} of a server is
 * made from {@code node + separator + i}; every client but Dalli separates with {@code '-'}.
 */
enum NodeFormat {

  /** This project's own: the server's name if it has one, else {@link Server#address()}. */
  IDENTITY("-") {
    @Override
    String node(Server server) {
      return server.name().orElseGet(server::address);
    }
  },

  /**
   * libmemcached CONSISTENT and KETAMA_WEIGHTED ({@code hosts.cc: update_continuum}): the host
   * string exactly as given, with {@code ":port"} unless the port is 11211.
   */
  LIBMEMCACHED("-") {
    @Override
    String node(Server server) {
      return elidingDefaultPort(server.host(), server.port());
    }
  },

  /** libmemcached CONSISTENT_KETAMA_SPY: {@code "/" + host + ":" + port}, always with the port. */
  LIBMEMCACHED_SPY("-") {
    @Override
    String node(Server server) {
      return "/" + server.host() + ":" + server.port();
    }
  },

  /**
   * spymemcached's {@code KetamaNodeKeyFormatter.Format.SPYMEMCACHED}: what {@code new
   * InetSocketAddress(host, port).toString()} prints on this JDK, one leading {@code '/'} removed:
   * {@code 10.0.0.1:11211}, {@code localhost/127.0.0.1:11211}. A host name is resolved (DNS) when
   * the ring is built, as spymemcached resolves it when it creates its nodes.
   */
  SPYMEMCACHED("-") {
    @Override
    String node(Server server) {
      String text = new InetSocketAddress(server.host(), server.port()).toString();
      return text.startsWith("/") ? text.substring(1) : text;
    }
  },

  /**
   * spymemcached's {@code Format.LIBMEMCACHED}: {@code getHostName()} of {@code new
   * InetSocketAddress(host, port)}, with {@code ":port"} unless the port is 11211. For an IP
   * address that is a reverse DNS lookup when the ring is built (127.0.0.1 usually becomes {@code
   * localhost}), as in spymemcached.
   */
  SPYMEMCACHED_LIBMEMCACHED("-") {
    @Override
    String node(Server server) {
      String host = new InetSocketAddress(server.host(), server.port()).getHostName();
      return elidingDefaultPort(host, server.port());
    }
  },

  /**
   * twemproxy ({@code nc_conf.c: conf_add_server}): the server's name if it has one, else the host,
   * with {@code ":port"} unless the port is 11211.
   */
  TWEMPROXY("-") {
    @Override
    String node(Server server) {
      return server.name().orElseGet(() -> elidingDefaultPort(server.host(), server.port()));
    }
  },

  /**
   * xmemcached's {@code KetamaMemcachedSessionLocator}: the remote address string its session
   * records at the first connect, which is {@code new InetSocketAddress(host, port).toString()}
   * with its leading {@code '/'}: {@code /10.0.0.1:11211}, {@code localhost/127.0.0.1:11211}.
   */
  XMEMCACHED("-") {
    @Override
    String node(Server server) {
      return new InetSocketAddress(server.host(), server.port()).toString();
    }
  },

  /**
   * xmemcached's {@code KetamaMemcachedSessionLocator} with {@code cwNginxUpstreamConsistent}: the
   * IP address ({@code getAddress().getHostAddress()}), with {@code ":port"} unless 11211, like the
   * nginx "upstream consistent" module and libmemcached with IP addresses.
   */
  XMEMCACHED_NGINX("-") {
    @Override
    String node(Server server) {
      InetSocketAddress address = new InetSocketAddress(server.host(), server.port());
      if (address.isUnresolved()) {
        throw new IllegalArgumentException(
            "compat=xmemcached with node_format=nginx hashes the IP address of each server, but"
                + " host '"
                + server.host()
                + "' of server "
                + server.address()
                + " does not resolve");
      }
      return elidingDefaultPort(address.getAddress().getHostAddress(), server.port());
    }
  },

  /**
   * xmemcached's {@code KetamaMemcachedSessionLocator} with {@code
   * gwhalinMemcachedJavaClientCompatibiltyConsistent} (the old Whalin Java client): {@code
   * getHostName() + ":" + port}, always with the port; an IP address reverse-resolves when the ring
   * is built.
   */
  XMEMCACHED_GWHALIN("-") {
    @Override
    String node(Server server) {
      return new InetSocketAddress(server.host(), server.port()).getHostName()
          + ":"
          + server.port();
    }
  },

  /**
   * Dalli ({@code Dalli::Protocol::Binary#name}): {@code host + ":" + port}, always with the port,
   * an IPv6 host without brackets. Points are {@code name + ":" + index}.
   */
  DALLI(":") {
    @Override
    String node(Server server) {
      return server.host() + ":" + server.port();
    }
  };

  private static final int DEFAULT_PORT = 11211;

  private final String separator;

  NodeFormat(String separator) {
    this.separator = separator;
  }

  /** The text that, followed by {@link #separator()} and a point index, is hashed into points. */
  abstract String node(Server server);

  /** What comes between the node text and the point index. */
  String separator() {
    return separator;
  }

  private static String elidingDefaultPort(String host, int port) {
    return port == DEFAULT_PORT ? host : host + ":" + port;
  }
}
