package dev.hashring;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The immutable lookup structure a {@link ServerSelector} builds for one list of servers: given a
 * key, which server holds it, and which servers to try, in order, when that one is down.
 *
 * <p>For modulo or jump selection it is not literally a ring; the name is kept because every user
 * of memcached clients knows it.
 *
 * <p>Every ring keeps these rules, checked by the TCK:
 *
 * <ul>
 *   <li>The same key gives the same answer across calls, threads, processes and releases, and a
 *       ring built from an equal server list gives the same answers.
 *   <li>Every answer is a member of {@link #servers()}.
 *   <li>A {@linkplain #failover failover sequence} starts with the primary and lists every server
 *       exactly once, then ends.
 *   <li>Lookups are thread-safe, take no locks, and allocate nothing for {@code byte[]} keys.
 * </ul>
 *
 * <p>A ring never changes. A new list of servers needs a new ring; publish it atomically (a {@code
 * volatile} field) to switch readers over.
 */
public interface Ring {

  /**
   * The server that holds {@code key}.
   *
   * @param key the key bytes (for a memcached key, its bytes as sent on the wire)
   * @return a member of {@link #servers()}, never {@code null}
   * @throws NullPointerException if {@code key} is {@code null}
   * @throws IllegalArgumentException only from a ring that reproduces a client which refuses this
   *     key, as xmemcached and Dalli refuse the empty key; the message says so. A ring of a
   *     selector's own ({@code native}) variant places every key.
   */
  Server primary(byte[] key);

  /**
   * The servers to try for {@code key}, in order: {@link #primary(byte[])} first, then every other
   * server of {@link #servers()} exactly once, then the sequence ends. It never repeats a server
   * and never goes on past {@code servers().size()} elements.
   *
   * @param key the key bytes
   * @return a new iterator, not thread-safe; its {@code remove} is unsupported
   * @throws NullPointerException if {@code key} is {@code null}
   */
  Iterator<Server> failover(byte[] key);

  /**
   * The servers this ring was built from, in the order given.
   *
   * @return an unmodifiable list, never empty
   */
  List<Server> servers();

  /**
   * The promises this ring makes beyond the rules every ring keeps; the TCK checks each one.
   *
   * @return an unmodifiable set, possibly empty
   */
  Set<Trait> traits();

  /**
   * The server that holds the UTF-8 bytes of {@code key}.
   *
   * @param key the key
   * @return {@code primary(key.getBytes(UTF_8))}
   * @throws NullPointerException if {@code key} is {@code null}
   */
  default Server primary(String key) {
    return primary(Objects.requireNonNull(key, "key").getBytes(UTF_8));
  }

  /**
   * The failover sequence of the UTF-8 bytes of {@code key}.
   *
   * @param key the key
   * @return {@code failover(key.getBytes(UTF_8))}
   * @throws NullPointerException if {@code key} is {@code null}
   */
  default Iterator<Server> failover(String key) {
    return failover(Objects.requireNonNull(key, "key").getBytes(UTF_8));
  }

  /**
   * The first server of {@code key}'s failover sequence that {@code available} accepts: the "first
   * server that connects". Returns empty when it accepts none, after asking about each server at
   * most once, even if the ring's iterator were to misbehave.
   *
   * @param key the key bytes
   * @param available tells whether a server can be used now
   * @return the server to use, or empty when every server of the sequence is refused
   * @throws NullPointerException if an argument is {@code null}
   */
  default Optional<Server> firstAvailable(byte[] key, Predicate<? super Server> available) {
    Objects.requireNonNull(available, "available");
    Iterator<Server> sequence = failover(key);
    // Bounded by the server count, so a faulty iterator cannot make this loop forever.
    for (int asked = servers().size(); asked > 0 && sequence.hasNext(); asked--) {
      Server server = sequence.next();
      if (available.test(server)) {
        return Optional.of(server);
      }
    }
    return Optional.empty();
  }

  /**
   * {@link #firstAvailable(byte[], Predicate)} for the UTF-8 bytes of {@code key}.
   *
   * @param key the key
   * @param available tells whether a server can be used now
   * @return the server to use, or empty when every server of the sequence is refused
   * @throws NullPointerException if an argument is {@code null}
   */
  default Optional<Server> firstAvailable(String key, Predicate<? super Server> available) {
    return firstAvailable(Objects.requireNonNull(key, "key").getBytes(UTF_8), available);
  }
}
