package dev.hashring;

import java.util.List;
import java.util.Objects;

/**
 * Finds {@link HashAlgorithm}s by name, like {@code java.sql.DriverManager} finds drivers.
 *
 * <p>The api jar registers the standard algorithms, each the textbook function over unsigned bytes:
 *
 * <table>
 *   <caption>Standard hash algorithms</caption>
 *   <tr><th>name</th><th>bits</th><th>definition</th></tr>
 *   <tr><td>{@code one_at_a_time} (alias {@code default})</td><td>32</td><td>Bob Jenkins'
 *       one-at-a-time hash; libmemcached's default</td></tr>
 *   <tr><td>{@code md5}</td><td>64</td><td>the first 8 bytes of the MD5 digest, little-endian, so
 *       the low 32 bits are the word ketama uses</td></tr>
 *   <tr><td>{@code crc}</td><td>15</td><td>libmemcached's CRC: {@code (crc32 >> 16) & 0x7fff}</td></tr>
 *   <tr><td>{@code crc16}</td><td>32</td><td>twemproxy's CRC-16 (XMODEM table, state never
 *       masked to 16 bits)</td></tr>
 *   <tr><td>{@code crc32a}</td><td>32</td><td>the standard CRC-32</td></tr>
 *   <tr><td>{@code fnv1_32}, {@code fnv1a_32}</td><td>32</td><td>FNV-1 and FNV-1a, 32 bits</td></tr>
 *   <tr><td>{@code fnv1_64}, {@code fnv1a_64}</td><td>64</td><td>FNV-1 and FNV-1a, 64 bits;
 *       clients use the low 32</td></tr>
 *   <tr><td>{@code murmur}</td><td>32</td><td>MurmurHash2 with seed {@code 0xdeadbeef * length},
 *       as in libmemcached and twemproxy</td></tr>
 *   <tr><td>{@code murmur3}</td><td>32</td><td>MurmurHash3 x86_32 with seed {@code 0xdeadbeef *
 *       length}, as in libmemcached</td></tr>
 *   <tr><td>{@code jenkins}</td><td>32</td><td>lookup3 {@code hashlittle} with initial value
 *       13</td></tr>
 *   <tr><td>{@code hsieh}</td><td>32</td><td>Paul Hsieh's SuperFastHash</td></tr>
 *   <tr><td>{@code native}</td><td>32</td><td>Java {@code String.hashCode()} of the key decoded
 *       as UTF-8, as an unsigned number (spymemcached's NATIVE_HASH)</td></tr>
 * </table>
 *
 * <p>More algorithms come from other jars on the class path or module path, such as {@code
 * hashring-hash4j} for {@code xxh3_64}.
 */
public final class HashAlgorithms {

  private HashAlgorithms() {}

  /**
   * The algorithm registered under {@code name} or one of its aliases, from the {@linkplain
   * #registry() default registry}.
   *
   * @param name for example {@code "md5"} or {@code "fnv1a_64"}
   * @return the algorithm
   * @throws NullPointerException if {@code name} is {@code null}
   * @throws IllegalArgumentException if no algorithm has that name; the message lists those
   *     available and suggests a close one
   * @throws IllegalStateException if two providers share that name
   */
  public static HashAlgorithm forName(String name) {
    return registry().forName(name);
  }

  /**
   * Every algorithm of the {@linkplain #registry() default registry}, sorted by name.
   *
   * @return an unmodifiable list
   */
  public static List<HashAlgorithm> all() {
    return registry().all();
  }

  /**
   * The default registry: the algorithms the thread context class loader (or, without one, the
   * class loader of this class) sees the first time it is asked for, loaded once.
   *
   * @return the default registry
   */
  public static Registry<HashAlgorithm> registry() {
    return Default.REGISTRY;
  }

  /**
   * A new registry of every algorithm {@code loader} can see, for tools that load provider jars of
   * their own.
   *
   * @param loader the class loader to search, with its parents
   * @return a new registry
   * @throws NullPointerException if {@code loader} is {@code null}
   */
  public static Registry<HashAlgorithm> load(ClassLoader loader) {
    Objects.requireNonNull(loader, "loader");
    return Registry.load(HashAlgorithm.class, loader, HashAlgorithm::name, HashAlgorithm::aliases);
  }

  /** Loaded on first use. */
  private static final class Default {
    static final Registry<HashAlgorithm> REGISTRY = load(DefaultLoader.get(HashAlgorithms.class));
  }
}
