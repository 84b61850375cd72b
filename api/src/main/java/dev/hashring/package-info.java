/**
 * hashring: which memcached server holds a key.
 *
 * <p>A {@link dev.hashring.ServerSelector} (ketama, modulo, jump, ...) builds a {@link
 * dev.hashring.Ring} for a list of {@link dev.hashring.Server}s; the ring answers which server
 * holds a key ({@link dev.hashring.Ring#primary(String)}) and which to try when it is down ({@link
 * dev.hashring.Ring#failover(String)}). Selectors and {@link dev.hashring.HashAlgorithm}s are found
 * by name through {@link dev.hashring.ServerSelectors} and {@link dev.hashring.HashAlgorithms}.
 *
 * <pre>{@code
 * List<Server> servers = List.of(Server.parse("10.0.0.1:11211"), Server.parse("10.0.0.2:11211:2"));
 * Ring ring = ServerSelectors.forName("ketama").ring(servers, Map.of());
 * Server server = ring.primary("user:42");
 * }</pre>
 */
package dev.hashring;
