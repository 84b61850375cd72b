package dev.hashring.ketama;

import com.google.code.yanf4j.core.Session;
import dev.hashring.Server;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.rubyeye.xmemcached.HashAlgorithm;
import net.rubyeye.xmemcached.impl.KetamaMemcachedSessionLocator;
import net.rubyeye.xmemcached.networking.MemcachedSession;
import net.rubyeye.xmemcached.utils.InetSocketAddressWrapper;

/**
 * The real xmemcached 2.4.9 {@code KetamaMemcachedSessionLocator} over stand-in sessions: each a
 * {@code MemcachedSession} with the server's weight, whose address wrapper holds the remote address
 * string a connected session records ({@code String.valueOf} of the socket's remote address, which
 * is {@code new InetSocketAddress(host, port)}).
 */
final class XmemcachedSessions {

  private XmemcachedSessions() {}

  /** xmemcached's hash algorithm for a {@code ClientHashes.XMEMCACHED} name. */
  static HashAlgorithm algorithm(String name) {
    return switch (name) {
      case "native" -> HashAlgorithm.NATIVE_HASH;
      case "crc" -> HashAlgorithm.CRC32_HASH;
      case "fnv1_64" -> HashAlgorithm.FNV1_64_HASH;
      case "fnv1a_64" -> HashAlgorithm.FNV1A_64_HASH;
      case "fnv1_32" -> HashAlgorithm.FNV1_32_HASH;
      case "fnv1a_32" -> HashAlgorithm.FNV1A_32_HASH;
      case "md5" -> HashAlgorithm.KETAMA_HASH;
      case "mysql" -> HashAlgorithm.MYSQL_HASH;
      case "elf" -> HashAlgorithm.ELF_HASH;
      case "rs" -> HashAlgorithm.RS_HASH;
      case "lua" -> HashAlgorithm.LUA_HASH;
      case "one_at_a_time" -> HashAlgorithm.ONE_AT_A_TIME;
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** A connected session to {@code server}, equal only to itself. */
  static Session session(Server server) {
    InetSocketAddress address = new InetSocketAddress(server.host(), server.port());
    InetSocketAddressWrapper wrapper =
        new InetSocketAddressWrapper(address, 0, server.weight(), null, false);
    wrapper.setRemoteAddressStr(String.valueOf(address));
    return (Session)
        Proxy.newProxyInstance(
            MemcachedSession.class.getClassLoader(),
            new Class<?>[] {MemcachedSession.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getRemoteSocketAddress" -> address;
                  case "getInetSocketAddressWrapper" -> wrapper;
                  case "getWeight" -> server.weight();
                  case "isClosed" -> false;
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  case "toString" -> "session " + server;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  /**
   * The locator for {@code servers}.
   *
   * @param nodeFormat {@code sockstr}, {@code nginx} or {@code gwhalin}, as the profile's option
   */
  static Locator locator(List<Server> servers, String hash, String nodeFormat) {
    KetamaMemcachedSessionLocator locator =
        switch (nodeFormat) {
          case "sockstr" -> new KetamaMemcachedSessionLocator(algorithm(hash), false);
          case "nginx" -> new KetamaMemcachedSessionLocator(algorithm(hash), true);
          case "gwhalin" -> new KetamaMemcachedSessionLocator(algorithm(hash), false, true);
          default -> throw new IllegalArgumentException(nodeFormat);
        };
    List<Session> sessions = new ArrayList<>();
    Map<Session, Server> byServer = new HashMap<>();
    for (Server server : servers) {
      Session session = session(server);
      sessions.add(session);
      byServer.put(session, server);
    }
    locator.updateSessions(sessions);
    return new Locator(locator, byServer);
  }

  /** A real locator and the server behind each of its sessions. */
  record Locator(KetamaMemcachedSessionLocator locator, Map<Session, Server> servers) {
    Server primary(String key) {
      return servers.get(locator.getSessionByKey(key));
    }
  }
}
