package dev.hashring.spi;

import dev.hashring.HashAlgorithm;
import dev.hashring.Server;
import java.util.List;

/**
 * Implemented by rings that place keys on a continuum of 32-bit key hashes (ketama-style rings), so
 * that tools can compute exact shares: the share of keys a server holds, or the share that moves
 * between two server lists, is the share of the hash space its arcs cover (keys being uniformly
 * hashed).
 *
 * <p>A key goes to the owner of the arc its hash falls in. With {@linkplain #ceiling() ceiling}
 * lookup (libmemcached, spymemcached, twemproxy) arc {@code i} runs from just after point {@code
 * i-1} up to and including point {@code i}, and the first arc also takes everything after the last
 * point. With predecessor lookup (Dalli) arc {@code i} runs from point {@code i} up to just before
 * point {@code i+1}, and the last arc also takes everything below the first point.
 */
public interface Continuum {

  /**
   * The distinct point values of the continuum, ascending, each an unsigned 32-bit value. Where
   * several servers have a point of the same value, the value appears once.
   *
   * @return a new array, at least one element
   */
  long[] points();

  /**
   * For each of {@link #points()}, the server that keys of that point's arc go to.
   *
   * @return a list as long as {@code points()}
   */
  List<Server> owners();

  /**
   * Whether a key goes to the first point at or after its hash ({@code true}) or to the last point
   * at or before it ({@code false}).
   *
   * @return the lookup direction
   */
  boolean ceiling();

  /**
   * The hash that places keys on this continuum, whose low 32 bits are the key's position. Two
   * continua can be compared arc by arc only when their key hashes are the same function.
   *
   * @return the key hash
   */
  HashAlgorithm keyHash();
}
