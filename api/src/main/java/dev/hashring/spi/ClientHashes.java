package dev.hashring.spi;

import dev.hashring.HashAlgorithm;
import dev.hashring.hash.ClientVariants;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The key hashes that existing memcached clients really compute, for selector profiles that
 * reproduce a client bit for bit.
 *
 * <p>A registered {@link HashAlgorithm} is the textbook function over unsigned bytes. Clients
 * differ from it in two ways: C clients on x86-64 read key bytes as signed {@code char}s, so bytes
 * of 0x80 and above are mixed in sign-extended; Java clients hash the {@code String}'s UTF-16
 * characters, not its bytes. Neither shows on ASCII keys, where a variant equals the low 32 bits of
 * the registered algorithm of the same name (libmemcached's {@code hsieh} excepted, see below).
 * Each variant returns an unsigned value of at most 32 bits exactly as its client does (so {@code
 * hash % n} is the client's modulo choice): {@code md5} is the ketama word, digest bytes 0 to 3
 * little-endian, and the 64-bit FNV hashes keep their low 32 bits.
 *
 * <p>{@code name()} is the registry-style name ({@code "one_at_a_time"} for libmemcached's {@code
 * default}, {@code "crc"} for twemproxy's {@code crc32}), {@code bits()} is 32 (15 for {@code crc},
 * 31 for xmemcached's {@code elf} and {@code rs}), and {@code toString()} prints the factory call,
 * such as {@code ClientHashes.LIBMEMCACHED.hash("fnv1a_32")}.
 *
 * <pre>{@code
 * HashAlgorithm hash = ClientHashes.TWEMPROXY.hash("fnv1a_64");
 * long point = hash.hash("user:42");
 * }</pre>
 */
public enum ClientHashes {

  /**
   * libmemcached 1.1.4 as Debian builds it for x86-64 ({@code memcached_generate_hash_value}), in
   * the order of {@code memcached_hash_t}: {@code default} (also {@code one_at_a_time}), {@code
   * md5}, {@code crc}, {@code fnv1_64}, {@code fnv1a_64}, {@code fnv1_32}, {@code fnv1a_32}, {@code
   * hsieh}, {@code murmur}, {@code jenkins}, {@code murmur3}.
   *
   * <p>{@code one_at_a_time} and the four FNV hashes mix bytes sign-extended. {@code md5}, {@code
   * crc}, {@code murmur}, {@code murmur3} and {@code jenkins} equal the registered algorithms (low
   * 32 bits of {@code md5}).
   *
   * <p>{@code hsieh} is the constant 1. Debian compiles libmemcached without {@code
   * HAVE_HSIEH_HASH}, and then {@code memcached_generate_hash_value(key, length,
   * MEMCACHED_HASH_HSIEH)} returns 1 for every key (recorded from the library; {@code
   * libhashkit_hsieh} returns 0). A client cannot even select it: {@code
   * memcached_behavior_set(MEMCACHED_BEHAVIOR_HASH, MEMCACHED_HASH_HSIEH)} fails with "INVALID
   * ARGUMENTS" and the client keeps hashing with {@code one_at_a_time}. A profile that offers
   * {@code hash=hsieh} for libmemcached should reject it rather than use this constant.
   */
  LIBMEMCACHED(ClientVariants::libmemcached),

  /**
   * twemproxy (nutcracker) 0.5.0 on x86-64, in the order of its {@code hash:} setting: {@code
   * one_at_a_time}, {@code md5}, {@code crc16}, {@code crc32}, {@code crc32a}, {@code fnv1_64},
   * {@code fnv1a_64}, {@code fnv1_32}, {@code fnv1a_32}, {@code hsieh}, {@code murmur}, {@code
   * jenkins}; and {@code crc}, the registry's name for {@code crc32}.
   *
   * <p>{@code one_at_a_time} and the four FNV hashes mix bytes sign-extended, and {@code hsieh}
   * reads the third byte of a 3-byte tail sign-extended ({@code src/hashkit/nc_*.c}). {@code crc32}
   * is libmemcached's 15-bit CRC, the registry's {@code crc}; {@code crc16}, {@code crc32a}, {@code
   * murmur} and {@code jenkins} equal the registered algorithms.
   */
  TWEMPROXY(ClientVariants::twemproxy),

  /**
   * spymemcached 2.12.3 {@code DefaultHashAlgorithm}, in its order: {@code native}, {@code crc},
   * {@code fnv1_64}, {@code fnv1a_64}, {@code fnv1_32}, {@code fnv1a_32}, {@code md5} ({@code
   * KETAMA_HASH}).
   *
   * <p>{@code native} and the FNV hashes run over the key's UTF-16 characters: a key given as bytes
   * is decoded as {@code new String(bytes, UTF_8)} decodes it, and a {@code String} key hashes
   * exactly like its UTF-8 bytes, so an unpaired surrogate counts as the {@code '?'} UTF-8 writes
   * for it (spymemcached hashes the surrogate, but sends the {@code '?'} to the server). {@code
   * crc} and {@code md5} hash the UTF-8 bytes.
   */
  SPYMEMCACHED(ClientVariants::spymemcached),

  /**
   * xmemcached 2.4.x {@code HashAlgorithm}, in its order: {@code native}, {@code crc}, {@code
   * fnv1_64}, {@code fnv1a_64}, {@code fnv1_32}, {@code fnv1a_32}, {@code md5} ({@code
   * KETAMA_HASH}, also {@code ELECTION_HASH}), {@code mysql}, {@code elf}, {@code rs}, {@code lua},
   * {@code one_at_a_time}.
   *
   * <p>The first seven are spymemcached's, except that {@code crc} and {@code md5} of an empty key
   * throw {@link IllegalArgumentException}, as xmemcached does. {@code mysql}, {@code elf}, {@code
   * rs} and {@code lua} run over UTF-16 characters like {@code native}; {@code one_at_a_time} runs
   * over unsigned UTF-8 bytes, the registry's algorithm, and hashes the empty key to 0.
   */
  XMEMCACHED(ClientVariants::xmemcached);

  private final Map<String, HashAlgorithm> byName;
  private final List<String> names;

  ClientHashes(Supplier<Map<String, HashAlgorithm>> table) {
    this.byName = table.get();
    this.names = List.copyOf(byName.keySet());
  }

  /**
   * The hash this client computes under {@code name}.
   *
   * @param name one of {@link #names()}, for example {@code "fnv1a_32"}
   * @return the client's variant
   * @throws NullPointerException if {@code name} is {@code null}
   * @throws IllegalArgumentException if the client has no hash of that name; the message lists the
   *     accepted names and suggests a close one, as in {@code libmemcached has no hash 'md6';
   *     accepted: default, one_at_a_time, md5, ... (did you mean 'md5'?)}
   */
  public HashAlgorithm hash(String name) {
    Objects.requireNonNull(name, "name");
    HashAlgorithm hash = byName.get(name);
    if (hash == null) {
      StringBuilder message = new StringBuilder();
      message.append(clientName()).append(" has no hash '").append(name).append("'; accepted: ");
      message.append(String.join(", ", names));
      ClosestName.among(name, names)
          .ifPresent(close -> message.append(" (did you mean '").append(close).append("'?)"));
      throw new IllegalArgumentException(message.toString());
    }
    return hash;
  }

  /**
   * The names {@link #hash(String)} accepts, in the client's documented order.
   *
   * @return an unmodifiable list
   */
  public List<String> names() {
    return names;
  }

  private String clientName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
