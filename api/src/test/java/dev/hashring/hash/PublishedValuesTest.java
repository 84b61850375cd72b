package dev.hashring.hash;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.HashAlgorithm;
import dev.hashring.HashAlgorithms;
import dev.hashring.spi.ClientHashes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every hash reproduces the values its authors and the memcached clients publish. */
class PublishedValuesTest {

  private static final long LOW_32 = 0xFFFF_FFFFL;

  /** PLACEMENT.md §1.4 and §4: "apple" under every hash (libmemcached and twemproxy tests). */
  @ParameterizedTest(name = "{0}(\"apple\") = {1}")
  @CsvSource({
    "one_at_a_time, 2297466611",
    "default, 2297466611",
    "md5, 3195025439",
    "crc, 10542",
    "crc16, 3662830516",
    "crc32a, 2838417488",
    "fnv1_64, 473199127",
    "fnv1a_64, 1488911807",
    "fnv1_32, 67176023",
    "fnv1a_32, 280767167",
    "murmur, 4142305122",
    "murmur3, 1120212521",
    "jenkins, 1442444624",
    "hsieh, 3738850110",
  })
  void apple_hashesToTheSpecValue(String name, long expected) {
    HashAlgorithm hash = HashAlgorithms.forName(name);
    assertThat(hash.hash("apple") & LOW_32).isEqualTo(expected);
    assertThat(hash.hash("apple".getBytes(UTF_8)) & LOW_32).isEqualTo(expected);
  }

  /** PLACEMENT.md §1.4, "Non-ASCII keys differ between clients", recorded from the real clients. */
  @Test
  void nonAsciiKeys_differBetweenClientsAsTheSpecRecords() {
    String key = "ключ";
    String cjk = "日本語";
    assertThat(ClientHashes.LIBMEMCACHED.hash("default").hash(key)).isEqualTo(4224321546L);
    assertThat(ClientHashes.LIBMEMCACHED.hash("default").hash(cjk)).isEqualTo(1387473336L);
    assertThat(ClientHashes.XMEMCACHED.hash("one_at_a_time").hash(key)).isEqualTo(1596063434L);
    assertThat(ClientHashes.XMEMCACHED.hash("one_at_a_time").hash(cjk)).isEqualTo(2474214859L);
    assertThat(HashAlgorithms.forName("one_at_a_time").hash(key)).isEqualTo(1596063434L);
    assertThat(HashAlgorithms.forName("one_at_a_time").hash(cjk)).isEqualTo(2474214859L);
    assertThat(ClientHashes.LIBMEMCACHED.hash("fnv1a_32").hash(key)).isEqualTo(2950043617L);
    assertThat(ClientHashes.LIBMEMCACHED.hash("fnv1a_32").hash(cjk)).isEqualTo(308035559L);
    assertThat(HashAlgorithms.forName("fnv1a_32").hash(key)).isEqualTo(2512710113L);
    assertThat(HashAlgorithms.forName("fnv1a_32").hash(cjk)).isEqualTo(2153733351L);
    assertThat(ClientHashes.SPYMEMCACHED.hash("fnv1a_32").hash(key)).isEqualTo(866290361L);
    assertThat(ClientHashes.SPYMEMCACHED.hash("fnv1a_32").hash(cjk)).isEqualTo(1409693518L);
    for (ClientHashes client : ClientHashes.values()) {
      assertThat(client.hash("md5").hash(key)).as("%s md5", client).isEqualTo(1719363011L);
      assertThat(client.hash("crc").hash(key)).as("%s crc", client).isEqualTo(3247L);
    }
    assertThat(HashAlgorithms.forName("md5").hash(key) & LOW_32).isEqualTo(1719363011L);
    assertThat(HashAlgorithms.forName("crc").hash(key)).isEqualTo(3247L);
  }

  /** PLACEMENT.md §2.1: NATIVE_HASH is masked, not Math.abs ("dustin" is 1320459433 with abs). */
  @Test
  void native_isTheUnsignedHashCodeNotItsAbsoluteValue() {
    assertThat(HashAlgorithms.forName("native").hash("dustin")).isEqualTo(2974507863L);
    assertThat(ClientHashes.SPYMEMCACHED.hash("native").hash("dustin")).isEqualTo(2974507863L);
    assertThat(ClientHashes.XMEMCACHED.hash("native").hash("dustin")).isEqualTo(2974507863L);
  }

  /** libmemcached test/fixtures/hashes.hpp: 26 inputs under every hash. */
  @Test
  void libmemcachedFixtures_matchTheRegisteredAlgorithmsAndTheLibmemcachedVariants() {
    TsvResource fixtures = TsvResource.read("libmemcached-fixtures-hashes.tsv");
    List<String> mismatches = new ArrayList<>();
    int checked = 0;
    for (List<String> row : fixtures.rows()) {
      byte[] key = row.get(0).getBytes(US_ASCII);
      for (int column = 1; column < row.size(); column++) {
        String name = fixtures.columns().get(column);
        long expected = Long.parseLong(row.get(column));
        if (name.equals("hsieh_disabled")) {
          // Debian's build: HAVE_HSIEH_HASH is off.
          checked += check(mismatches, ClientHashes.LIBMEMCACHED.hash("hsieh"), key, expected);
        } else {
          checked += check(mismatches, HashAlgorithms.forName(name), key, expected);
          if (!name.equals("hsieh")) {
            checked += check(mismatches, ClientHashes.LIBMEMCACHED.hash(name), key, expected);
          }
        }
      }
    }
    assertThat(mismatches).as("of %d values", checked).isEmpty();
    assertThat(checked).isEqualTo(26 * (11 + 10 + 1));
  }

  /** twemproxy src/test_all.c: "apple" under each of twemproxy's hashes, by its names. */
  @Test
  void twemproxyTests_matchTheTwemproxyVariants() {
    TsvResource values = TsvResource.read("twemproxy-test-all.tsv");
    List<String> mismatches = new ArrayList<>();
    for (List<String> row : values.rows()) {
      byte[] key = row.get(1).getBytes(US_ASCII);
      check(mismatches, ClientHashes.TWEMPROXY.hash(row.get(0)), key, Long.parseLong(row.get(2)));
    }
    assertThat(mismatches).isEmpty();
    assertThat(values.rows()).hasSize(ClientHashes.TWEMPROXY.names().size() - 1);
  }

  /** spymemcached's DefaultHashAlgorithmTest, which xmemcached's hashes also pass. */
  @Test
  void spymemcachedTests_matchTheJavaClientVariantsAndTheRegisteredAlgorithms() {
    TsvResource values = TsvResource.read("spymemcached-hash-test.tsv");
    List<String> mismatches = new ArrayList<>();
    for (List<String> row : values.rows()) {
      String name = row.get(0);
      String key = TsvResource.unquote(row.get(1));
      long expected = Long.parseLong(row.get(2));
      for (ClientHashes client : List.of(ClientHashes.SPYMEMCACHED, ClientHashes.XMEMCACHED)) {
        if (!(key.isEmpty() && client == ClientHashes.XMEMCACHED)) {
          HashAlgorithm hash = client.hash(name);
          if (hash.hash(key) != expected) {
            mismatches.add(hash + " of \"" + key + "\" = " + hash.hash(key) + ", want " + expected);
          }
        }
      }
      // ASCII keys: UTF-16 characters and bytes are the same numbers.
      check(mismatches, HashAlgorithms.forName(name), key.getBytes(US_ASCII), expected);
    }
    assertThat(mismatches).isEmpty();
  }

  /** The FNV authors' test vectors (Landon Curt Noll; also in draft-eastlake-fnv), all 64 bits. */
  @Test
  void fnv_matchesTheAuthorsTestVectors() {
    Map<String, long[]> vectors =
        Map.of(
            "",
            new long[] {0x811C9DC5L, 0x811C9DC5L, 0xCBF29CE484222325L, 0xCBF29CE484222325L},
            "a",
            new long[] {0x050C5D7EL, 0xE40C292CL, 0xAF63BD4C8601B7BEL, 0xAF63DC4C8601EC8CL},
            "foobar",
            new long[] {0x31F0B262L, 0xBF9CF968L, 0x340D8765A4DDA9C2L, 0x85944171F73967E8L});
    vectors.forEach(
        (key, expected) -> {
          assertThat(HashAlgorithms.forName("fnv1_32").hash(key)).isEqualTo(expected[0]);
          assertThat(HashAlgorithms.forName("fnv1a_32").hash(key)).isEqualTo(expected[1]);
          assertThat(HashAlgorithms.forName("fnv1_64").hash(key)).isEqualTo(expected[2]);
          assertThat(HashAlgorithms.forName("fnv1a_64").hash(key)).isEqualTo(expected[3]);
        });
  }

  /** lookup3.c's driver5(): hashlittle() of "" and of "Four score and seven years ago". */
  @Test
  void jenkins_matchesLookup3sOwnCheckValues() {
    byte[] empty = new byte[0];
    byte[] fourScore = "Four score and seven years ago".getBytes(US_ASCII);
    assertThat(JenkinsHash.hashLittle(empty, 0, 0, 0)).isEqualTo(0xDEADBEEF);
    assertThat(JenkinsHash.hashLittle(empty, 0, 0, 0xDEADBEEF)).isEqualTo(0xBD5B7DDE);
    assertThat(JenkinsHash.hashLittle(fourScore, 0, 30, 0)).isEqualTo(0x17770551);
    assertThat(JenkinsHash.hashLittle(fourScore, 0, 30, 1)).isEqualTo(0xCD628161);
    assertThat(HashAlgorithms.forName("jenkins").hash(empty)).isEqualTo(0xDEADBEEFL + 13);
  }

  /**
   * SMHasher's VerificationTest: hash the keys {}, {0}, {0, 1}, ... {0, ..., 254} with seed 256 -
   * length, then hash the 256 little-endian results with seed 0; the first four bytes of that are
   * the published verification value.
   */
  @Test
  void murmur_andMurmur3_passSmhashersVerificationTest() {
    assertThat(smhasherVerification(MurmurHash::murmur2)).isEqualTo(0x27864C1E);
    assertThat(smhasherVerification(Murmur3Hash::murmur3)).isEqualTo(0xB0F57EE3);
  }

  /** The CRC catalogue's check value of CRC-16/XMODEM, the low 16 bits of twemproxy's crc16. */
  @Test
  void crc16_lowBitsAreCrc16Xmodem() {
    long crc16 = HashAlgorithms.forName("crc16").hash("123456789");
    assertThat(crc16 & 0xFFFF).isEqualTo(0x31C3);
  }

  private interface SeededHash {
    int hash(byte[] key, int offset, int length, int seed);
  }

  private static int smhasherVerification(SeededHash hash) {
    byte[] key = new byte[256];
    byte[] hashes = new byte[4 * 256];
    for (int i = 0; i < 256; i++) {
      key[i] = (byte) i;
      int h = hash.hash(key, 0, i, 256 - i);
      for (int b = 0; b < 4; b++) {
        hashes[4 * i + b] = (byte) (h >>> (8 * b));
      }
    }
    return hash.hash(hashes, 0, hashes.length, 0);
  }

  private static int check(List<String> mismatches, HashAlgorithm hash, byte[] key, long expected) {
    long actual = hash.hash(key) & LOW_32;
    if (actual != expected) {
      mismatches.add(
          hash + " of " + new String(key, UTF_8) + " = " + actual + ", want " + expected);
    }
    return 1;
  }
}
