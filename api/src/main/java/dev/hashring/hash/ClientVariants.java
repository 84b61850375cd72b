package dev.hashring.hash;

import dev.hashring.HashAlgorithm;
import dev.hashring.hash.ClientHash.SliceHash;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hashes each memcached client really computes, by the names it accepts, in the client's own
 * order. This is the table behind {@link dev.hashring.spi.ClientHashes}, which documents it; the
 * class is public only so that {@code ClientHashes} can reach it, and its package is not exported.
 *
 * <p>Every variant returns an unsigned 32-bit value (15 bits for {@code crc}, 31 for xmemcached's
 * {@code elf} and {@code rs}) exactly as the client does.
 */
public final class ClientVariants {

  private static final long LOW_32 = StandardHash.LOW_32;
  private static final int SIGNED = Fnv.SIGN_EXTENDED;

  private static final SliceHash CRC = new CrcHash()::hashSlice;
  private static final SliceHash CRC16 = new Crc16Hash()::hashSlice;
  private static final SliceHash CRC32A = new Crc32aHash()::hashSlice;
  private static final SliceHash MURMUR = new MurmurHash()::hashSlice;
  private static final SliceHash MURMUR3 = new Murmur3Hash()::hashSlice;
  private static final SliceHash JENKINS = new JenkinsHash()::hashSlice;
  private static final SliceHash ONE_AT_A_TIME = new OneAtATimeHash()::hashSlice;

  /** MD5 {@code word(0)}: digest bytes 0 to 3, little-endian. */
  private static final SliceHash MD5_WORD_0 =
      (key, offset, length) -> Md5Hash.first8Bytes(key, offset, length) & LOW_32;

  // Bytes sign-extended, as C reads a signed char on x86-64 (libmemcached, twemproxy).
  private static final SliceHash SIGNED_ONE_AT_A_TIME =
      (key, offset, length) -> OneAtATimeHash.oneAtATime(key, offset, length, SIGNED) & LOW_32;
  private static final SliceHash SIGNED_FNV1_64 =
      (key, offset, length) -> Fnv.fnv1With64Bits(key, offset, length, SIGNED) & LOW_32;
  private static final SliceHash SIGNED_FNV1A_64 =
      (key, offset, length) -> Fnv.fnv1aWith64Bits(key, offset, length, SIGNED) & LOW_32;
  private static final SliceHash SIGNED_FNV1_32 =
      (key, offset, length) -> Fnv.fnv1With32Bits(key, offset, length, SIGNED) & LOW_32;
  private static final SliceHash SIGNED_FNV1A_32 =
      (key, offset, length) -> Fnv.fnv1aWith32Bits(key, offset, length, SIGNED) & LOW_32;
  private static final SliceHash TWEMPROXY_HSIEH =
      (key, offset, length) -> HsiehHash.hsieh(key, offset, length, SIGNED) & LOW_32;

  /** Debian builds libmemcached without {@code HAVE_HSIEH_HASH}; its digest is then always 1. */
  private static final SliceHash MISSING_HSIEH = (key, offset, length) -> 1;

  private ClientVariants() {}

  /**
   * libmemcached 1.1.4 as Debian builds it for x86-64, where C's {@code char} is signed: the {@code
   * memcached_hash_t} menu of {@code memcached_generate_hash_value}, plus {@code one_at_a_time} as
   * another name for {@code default}.
   *
   * @return the hashes by name, in the client's order
   */
  public static Map<String, HashAlgorithm> libmemcached() {
    Table table = new Table("LIBMEMCACHED");
    HashAlgorithm oneAtATime = table.overBytes("one_at_a_time", 32, SIGNED_ONE_AT_A_TIME);
    table.put("default", oneAtATime);
    table.put("one_at_a_time", oneAtATime);
    table.add("md5", 32, MD5_WORD_0);
    table.add("crc", 15, CRC);
    table.add("fnv1_64", 32, SIGNED_FNV1_64);
    table.add("fnv1a_64", 32, SIGNED_FNV1A_64);
    table.add("fnv1_32", 32, SIGNED_FNV1_32);
    table.add("fnv1a_32", 32, SIGNED_FNV1A_32);
    table.add("hsieh", 32, MISSING_HSIEH);
    table.add("murmur", 32, MURMUR);
    table.add("jenkins", 32, JENKINS);
    table.add("murmur3", 32, MURMUR3);
    return table.done();
  }

  /**
   * twemproxy (nutcracker) 0.5.0 on x86-64: the {@code hash:} values of its configuration, in the
   * order of {@code src/hashkit/nc_hashkit.h}, plus {@code crc} as another name for {@code crc32}.
   *
   * @return the hashes by name, in the client's order
   */
  public static Map<String, HashAlgorithm> twemproxy() {
    Table table = new Table("TWEMPROXY");
    table.add("one_at_a_time", 32, SIGNED_ONE_AT_A_TIME);
    table.add("md5", 32, MD5_WORD_0);
    table.add("crc16", 32, CRC16);
    HashAlgorithm crc = table.overBytes("crc", 15, CRC);
    table.put("crc32", crc);
    table.add("crc32a", 32, CRC32A);
    table.add("fnv1_64", 32, SIGNED_FNV1_64);
    table.add("fnv1a_64", 32, SIGNED_FNV1A_64);
    table.add("fnv1_32", 32, SIGNED_FNV1_32);
    table.add("fnv1a_32", 32, SIGNED_FNV1A_32);
    table.add("hsieh", 32, TWEMPROXY_HSIEH);
    table.add("murmur", 32, MURMUR);
    table.add("jenkins", 32, JENKINS);
    table.put("crc", crc);
    return table.done();
  }

  /**
   * spymemcached 2.12.3 {@code DefaultHashAlgorithm}, in its enum order, {@code KETAMA_HASH} under
   * the name {@code md5}.
   *
   * @return the hashes by name, in the client's order
   */
  public static Map<String, HashAlgorithm> spymemcached() {
    Table table = new Table("SPYMEMCACHED");
    table.add("native", 32, Utf16Hash.NATIVE);
    table.add("crc", 15, CRC);
    table.add("fnv1_64", 32, Utf16Hash.FNV1_64);
    table.add("fnv1a_64", 32, Utf16Hash.FNV1A_64);
    table.add("fnv1_32", 32, Utf16Hash.FNV1_32);
    table.add("fnv1a_32", 32, Utf16Hash.FNV1A_32);
    table.add("md5", 32, MD5_WORD_0);
    return table.done();
  }

  /**
   * xmemcached 2.4.x {@code net.rubyeye.xmemcached.HashAlgorithm}, in its enum order, {@code
   * KETAMA_HASH} and {@code ELECTION_HASH} under the name {@code md5}.
   *
   * @return the hashes by name, in the client's order
   */
  public static Map<String, HashAlgorithm> xmemcached() {
    Table table = new Table("XMEMCACHED");
    table.add("native", 32, Utf16Hash.NATIVE);
    table.add("crc", 15, rejectingEmptyKeys("crc", CRC));
    table.add("fnv1_64", 32, Utf16Hash.FNV1_64);
    table.add("fnv1a_64", 32, Utf16Hash.FNV1A_64);
    table.add("fnv1_32", 32, Utf16Hash.FNV1_32);
    table.add("fnv1a_32", 32, Utf16Hash.FNV1A_32);
    table.add("md5", 32, rejectingEmptyKeys("md5", MD5_WORD_0));
    table.add("mysql", 32, Utf16Hash.MYSQL);
    table.add("elf", 31, Utf16Hash.ELF);
    table.add("rs", 31, Utf16Hash.RS);
    table.add("lua", 32, Utf16Hash.LUA);
    // ONE_AT_A_TIME encodes with String.getBytes itself: unsigned UTF-8 bytes; the empty key is 0.
    table.add("one_at_a_time", 32, ONE_AT_A_TIME);
    return table.done();
  }

  /** xmemcached encodes CRC and MD5 keys with {@code ByteUtils.getBytes}, which rejects "". */
  private static SliceHash rejectingEmptyKeys(String name, SliceHash hash) {
    String message =
        "xmemcached cannot hash an empty key with "
            + name
            + ": its ByteUtils.getBytes throws \"Key must not be blank\"";
    return (key, offset, length) -> {
      if (length == 0) {
        throw new IllegalArgumentException(message);
      }
      return hash.hash(key, offset, length);
    };
  }

  /** One client's table under construction: ordered, each name once. */
  private static final class Table {
    private final String client;
    private final Map<String, HashAlgorithm> byName = new LinkedHashMap<>();

    Table(String client) {
      this.client = client;
    }

    HashAlgorithm overBytes(String name, int bits, SliceHash function) {
      return ClientHash.overBytes(client, name, bits, function);
    }

    void add(String name, int bits, SliceHash function) {
      put(name, overBytes(name, bits, function));
    }

    void add(String name, int bits, Utf16Hash function) {
      put(name, ClientHash.overCharacters(client, name, bits, function));
    }

    void put(String name, HashAlgorithm hash) {
      if (byName.putIfAbsent(name, hash) != null) {
        throw new IllegalStateException(client + " lists '" + name + "' twice");
      }
    }

    Map<String, HashAlgorithm> done() {
      return Collections.unmodifiableMap(byName);
    }
  }
}
