package dev.hashring.spi;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hashring.HashAlgorithm;
import dev.hashring.HashAlgorithms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;
import net.spy.memcached.DefaultHashAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link ClientHashes}: the names each client accepts, the errors for names it does not, and the
 * Java clients' hashes against the real spymemcached and xmemcached jars, in process. (The C
 * clients are checked against recorded and published values in {@code dev.hashring.hash}.)
 */
class ClientHashesTest {

  private static final int ROUNDS = 4_000;

  @Test
  void names_areEachClientsOwnInItsDocumentedOrder() {
    assertThat(ClientHashes.LIBMEMCACHED.names())
        .containsExactly(
            "default",
            "one_at_a_time",
            "md5",
            "crc",
            "fnv1_64",
            "fnv1a_64",
            "fnv1_32",
            "fnv1a_32",
            "hsieh",
            "murmur",
            "jenkins",
            "murmur3");
    assertThat(ClientHashes.TWEMPROXY.names())
        .containsExactly(
            "one_at_a_time",
            "md5",
            "crc16",
            "crc32",
            "crc32a",
            "fnv1_64",
            "fnv1a_64",
            "fnv1_32",
            "fnv1a_32",
            "hsieh",
            "murmur",
            "jenkins",
            "crc");
    assertThat(ClientHashes.SPYMEMCACHED.names())
        .containsExactly("native", "crc", "fnv1_64", "fnv1a_64", "fnv1_32", "fnv1a_32", "md5");
    assertThat(ClientHashes.XMEMCACHED.names())
        .containsExactly(
            "native",
            "crc",
            "fnv1_64",
            "fnv1a_64",
            "fnv1_32",
            "fnv1a_32",
            "md5",
            "mysql",
            "elf",
            "rs",
            "lua",
            "one_at_a_time");
  }

  @Test
  void unknownName_listsWhatTheClientAcceptsAndSuggestsAClosOne() {
    assertThatThrownBy(() -> ClientHashes.LIBMEMCACHED.hash("md6"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "libmemcached has no hash 'md6'; accepted: default, one_at_a_time, md5, crc, fnv1_64,"
                + " fnv1a_64, fnv1_32, fnv1a_32, hsieh, murmur, jenkins, murmur3 (did you mean"
                + " 'md5'?)");
    assertThatThrownBy(() -> ClientHashes.SPYMEMCACHED.hash("ketama"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "spymemcached has no hash 'ketama'; accepted: native, crc, fnv1_64, fnv1a_64, fnv1_32,"
                + " fnv1a_32, md5");
    assertThatThrownBy(() -> ClientHashes.TWEMPROXY.hash("murmur3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "twemproxy has no hash 'murmur3'; accepted: one_at_a_time, md5, crc16, crc32, crc32a,"
                + " fnv1_64, fnv1a_64, fnv1_32, fnv1a_32, hsieh, murmur, jenkins, crc (did you mean"
                + " 'murmur'?)");
    assertThatThrownBy(() -> ClientHashes.XMEMCACHED.hash("FNV1A_32"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "xmemcached has no hash 'FNV1A_32'; accepted: native, crc, fnv1_64, fnv1a_64, fnv1_32,"
                + " fnv1a_32, md5, mysql, elf, rs, lua, one_at_a_time (did you mean 'fnv1a_32'?)");
    assertThatThrownBy(() -> ClientHashes.XMEMCACHED.hash(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("name");
  }

  @ParameterizedTest
  @EnumSource(ClientHashes.class)
  void everyVariant_namesItselfAndPrintsTheCallThatReturnsIt(ClientHashes client) {
    for (String name : client.names()) {
      HashAlgorithm hash = client.hash(name);
      assertThat(hash)
          .hasToString("ClientHashes." + client.name() + ".hash(\"" + hash.name() + "\")");
      assertThat(client.hash(hash.name())).isSameAs(hash);
      int bits =
          switch (hash.name()) {
            case "crc" -> 15;
            case "elf", "rs" -> 31;
            default -> 32;
          };
      assertThat(hash.bits()).as("bits of %s", hash).isEqualTo(bits);
      assertThat(hash.aliases()).isEmpty();
    }
  }

  @Test
  void clientNamesThatAreNotRegistryNames_mapToTheRegistryName() {
    assertThat(ClientHashes.LIBMEMCACHED.hash("default").name()).isEqualTo("one_at_a_time");
    assertThat(ClientHashes.LIBMEMCACHED.hash("default"))
        .isSameAs(ClientHashes.LIBMEMCACHED.hash("one_at_a_time"));
    assertThat(ClientHashes.TWEMPROXY.hash("crc32").name()).isEqualTo("crc");
    assertThat(ClientHashes.TWEMPROXY.hash("crc32")).isSameAs(ClientHashes.TWEMPROXY.hash("crc"));
  }

  @ParameterizedTest
  @EnumSource(ClientHashes.class)
  void onAsciiKeys_aVariantIsTheLow32BitsOfTheRegisteredAlgorithm(ClientHashes client) {
    Random random = new Random(17);
    for (String name : client.names()) {
      HashAlgorithm variant = client.hash(name);
      boolean registered = HashAlgorithms.registry().names().contains(variant.name());
      if (!registered || (client == ClientHashes.LIBMEMCACHED && name.equals("hsieh"))) {
        continue;
      }
      HashAlgorithm textbook = HashAlgorithms.forName(variant.name());
      for (int round = 0; round < 500; round++) {
        byte[] key = new byte[1 + random.nextInt(60)];
        for (int i = 0; i < key.length; i++) {
          key[i] = (byte) (0x20 + random.nextInt(0x5F));
        }
        assertThat(variant.hash(key))
            .as("%s of %s", variant, new String(key, UTF_8))
            .isEqualTo(textbook.hash(key) & 0xFFFF_FFFFL);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = ClientHashes.class,
      names = {"LIBMEMCACHED", "TWEMPROXY"})
  void cClients_hashAStringKeyAsItsUtf8Bytes(ClientHashes client) {
    Random random = new Random(11);
    for (int round = 0; round < ROUNDS; round++) {
      String key = randomText(random);
      for (String name : client.names()) {
        HashAlgorithm hash = client.hash(name);
        assertThat(hash.hash(key))
            .as("%s of %s", hash, key)
            .isEqualTo(hash.hash(key.getBytes(UTF_8)));
      }
    }
  }

  @Test
  void spymemcached_matchesTheRealDefaultHashAlgorithm() {
    Map<String, DefaultHashAlgorithm> real =
        Map.of(
            "native", DefaultHashAlgorithm.NATIVE_HASH,
            "crc", DefaultHashAlgorithm.CRC_HASH,
            "fnv1_64", DefaultHashAlgorithm.FNV1_64_HASH,
            "fnv1a_64", DefaultHashAlgorithm.FNV1A_64_HASH,
            "fnv1_32", DefaultHashAlgorithm.FNV1_32_HASH,
            "fnv1a_32", DefaultHashAlgorithm.FNV1A_32_HASH,
            "md5", DefaultHashAlgorithm.KETAMA_HASH);
    assertThat(real.keySet())
        .containsExactlyInAnyOrderElementsOf(ClientHashes.SPYMEMCACHED.names());
    real.forEach(
        (name, algorithm) -> assertMatches(ClientHashes.SPYMEMCACHED.hash(name), algorithm::hash));
  }

  @Test
  void xmemcached_matchesTheRealHashAlgorithm() {
    Map<String, net.rubyeye.xmemcached.HashAlgorithm> real =
        Map.ofEntries(
            Map.entry("native", net.rubyeye.xmemcached.HashAlgorithm.NATIVE_HASH),
            Map.entry("crc", net.rubyeye.xmemcached.HashAlgorithm.CRC32_HASH),
            Map.entry("fnv1_64", net.rubyeye.xmemcached.HashAlgorithm.FNV1_64_HASH),
            Map.entry("fnv1a_64", net.rubyeye.xmemcached.HashAlgorithm.FNV1A_64_HASH),
            Map.entry("fnv1_32", net.rubyeye.xmemcached.HashAlgorithm.FNV1_32_HASH),
            Map.entry("fnv1a_32", net.rubyeye.xmemcached.HashAlgorithm.FNV1A_32_HASH),
            Map.entry("md5", net.rubyeye.xmemcached.HashAlgorithm.KETAMA_HASH),
            Map.entry("mysql", net.rubyeye.xmemcached.HashAlgorithm.MYSQL_HASH),
            Map.entry("elf", net.rubyeye.xmemcached.HashAlgorithm.ELF_HASH),
            Map.entry("rs", net.rubyeye.xmemcached.HashAlgorithm.RS_HASH),
            Map.entry("lua", net.rubyeye.xmemcached.HashAlgorithm.LUA_HASH),
            Map.entry("one_at_a_time", net.rubyeye.xmemcached.HashAlgorithm.ONE_AT_A_TIME));
    assertThat(real.keySet()).containsExactlyInAnyOrderElementsOf(ClientHashes.XMEMCACHED.names());
    real.forEach(
        (name, algorithm) -> assertMatches(ClientHashes.XMEMCACHED.hash(name), algorithm::hash));
    // ELECTION_HASH is KETAMA_HASH under another name.
    assertMatches(
        ClientHashes.XMEMCACHED.hash("md5"),
        net.rubyeye.xmemcached.HashAlgorithm.ELECTION_HASH::hash);
  }

  @Test
  void xmemcached_rejectsAnEmptyKeyWhereTheClientThrows() {
    for (String name : List.of("crc", "md5")) {
      HashAlgorithm hash = ClientHashes.XMEMCACHED.hash(name);
      String message =
          "xmemcached cannot hash an empty key with "
              + name
              + ": its ByteUtils.getBytes throws \"Key must not be blank\"";
      assertThatThrownBy(() -> hash.hash(""))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(message);
      assertThatThrownBy(() -> hash.hash(new byte[3], 1, 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(message);
    }
    assertThatThrownBy(() -> net.rubyeye.xmemcached.HashAlgorithm.KETAMA_HASH.hash(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Key must not be blank");
  }

  @Test
  void libmemcachedHsieh_isTheConstantThatDebiansBuildReturns() {
    HashAlgorithm hsieh = ClientHashes.LIBMEMCACHED.hash("hsieh");
    Random random = new Random(13);
    for (int round = 0; round < 100; round++) {
      assertThat(hsieh.hash(randomText(random))).isEqualTo(1);
    }
  }

  /** The Java clients' hashes over UTF-16 characters; the others hash UTF-8 bytes. */
  private static final Set<String> OVER_CHARACTERS =
      Set.of("native", "fnv1_64", "fnv1a_64", "fnv1_32", "fnv1a_32", "mysql", "elf", "rs", "lua");

  /**
   * Ours and the client's agree on random strings and on random bytes. Bytes reach a Java client as
   * {@code new String(bytes, UTF_8)}: a hash over characters sees exactly that string, a hash over
   * bytes sees the same bytes only when they are valid UTF-8. A string key hashes like its UTF-8
   * bytes (the {@code HashAlgorithm} contract), so it agrees with the client on the string those
   * bytes decode to: the same string unless it has an unpaired surrogate, which becomes {@code
   * '?'}.
   */
  private static void assertMatches(HashAlgorithm ours, ToLongFunction<String> client) {
    Random random = new Random(ours.toString().hashCode());
    List<String> mismatches = new ArrayList<>();
    for (int round = 0; round < ROUNDS && mismatches.size() < 10; round++) {
      String key = randomText(random);
      byte[] bytes = new byte[random.nextInt(60)];
      random.nextBytes(bytes);
      String decoded = new String(bytes, UTF_8);
      String roundTrip = new String(key.getBytes(UTF_8), UTF_8);
      compare(mismatches, ours, client, roundTrip, () -> ours.hash(key));
      if (!(key.isEmpty() && isXmemcachedCrcOrMd5(ours))
          && ours.hash(key) != ours.hash(key.getBytes(UTF_8))) {
        mismatches.add(ours + " of " + escape(key) + " differs from the hash of its UTF-8 bytes");
      }
      if (OVER_CHARACTERS.contains(ours.name()) || Arrays.equals(decoded.getBytes(UTF_8), bytes)) {
        compare(mismatches, ours, client, decoded, () -> ours.hash(bytes));
      }
      // A string that survives UTF-8 (unpaired surrogates become '?'): its bytes and it agree.
      String valid = new String(randomText(random).getBytes(UTF_8), UTF_8);
      compare(mismatches, ours, client, valid, () -> ours.hash(valid.getBytes(UTF_8)));
    }
    assertThat(mismatches).as("%s against the client", ours).isEmpty();
  }

  private static void compare(
      List<String> mismatches,
      HashAlgorithm ours,
      ToLongFunction<String> client,
      String key,
      LongSupplier hashOfKey) {
    if (key.isEmpty() && isXmemcachedCrcOrMd5(ours)) {
      return;
    }
    long actual = hashOfKey.getAsLong();
    long expected = client.applyAsLong(key);
    if (actual != expected) {
      mismatches.add(ours + " of " + escape(key) + " = " + actual + ", client says " + expected);
    }
  }

  private static boolean isXmemcachedCrcOrMd5(HashAlgorithm hash) {
    return hash.toString().equals("ClientHashes.XMEMCACHED.hash(\"crc\")")
        || hash.toString().equals("ClientHashes.XMEMCACHED.hash(\"md5\")");
  }

  private static String escape(String key) {
    StringBuilder text = new StringBuilder("\"");
    key.chars()
        .forEach(
            c ->
                text.append(
                    c < 0x80 && c >= 0x20
                        ? String.valueOf((char) c)
                        : String.format("\\u%04x", c)));
    return text.append('"').toString();
  }

  /** ASCII, Latin, CJK and supplementary characters, with unpaired surrogates now and then. */
  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(random.nextInt(10) == 0 ? 300 : 40);
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(8)) {
        case 0, 1 -> text.append((char) (0x20 + random.nextInt(0x5F)));
        case 2 -> text.append((char) (0x80 + random.nextInt(0x780)));
        case 3 -> text.append((char) (0x800 + random.nextInt(0xD000)));
        case 4 -> text.append((char) (0xE000 + random.nextInt(0x2000)));
        case 5 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000));
        case 6 -> text.append((char) (0xD800 + random.nextInt(0x800)));
        default -> text.append("user:").append(random.nextInt(100_000));
      }
    }
    return text.toString();
  }
}
