package dev.hashring.hash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.HashAlgorithm;
import dev.hashring.HashAlgorithms;
import dev.hashring.spi.ClientHashes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link ClientHashes#LIBMEMCACHED} against values recorded from the real libmemcached 1.1.4 by
 * {@code tools/record-libmemcached-hashes} (every single byte, every tail length, UTF-8 and random
 * binary keys).
 */
class LibmemcachedRecordedHashesTest {

  private static final TsvResource RECORDED = TsvResource.read("libmemcached-hashes.tsv");

  /** Hashes libmemcached computes over unsigned bytes: the registered algorithm gives the same. */
  private static final Set<String> UNSIGNED = Set.of("md5", "crc", "murmur", "jenkins", "murmur3");

  @Test
  void everyLibmemcachedVariant_reproducesEveryRecordedValue() {
    List<String> mismatches = new ArrayList<>();
    int checked = 0;
    for (List<String> row : RECORDED.rows()) {
      byte[] key = TsvResource.hex(row.get(0));
      for (int column = 1; column < row.size(); column++) {
        String name = RECORDED.columns().get(column);
        HashAlgorithm hash = ClientHashes.LIBMEMCACHED.hash(name);
        long expected = Long.parseLong(row.get(column));
        checked++;
        if (hash.hash(key) != expected) {
          mismatches.add(
              hash + " of " + row.get(0) + " = " + hash.hash(key) + ", want " + expected);
        }
      }
    }
    assertThat(mismatches).as("of %d recorded values", checked).isEmpty();
    assertThat(RECORDED.columns())
        .containsExactly(
            "key_hex",
            "default",
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
    assertThat(RECORDED.rows()).hasSizeGreaterThan(500);
  }

  @Test
  void unsignedLibmemcachedHashes_equalTheRegisteredAlgorithmsOnEveryKey() {
    List<String> mismatches = new ArrayList<>();
    for (List<String> row : RECORDED.rows()) {
      byte[] key = TsvResource.hex(row.get(0));
      for (String name : UNSIGNED) {
        long expected = Long.parseLong(row.get(RECORDED.column(name)));
        long actual = HashAlgorithms.forName(name).hash(key) & 0xFFFF_FFFFL;
        if (actual != expected) {
          mismatches.add(name + " of " + row.get(0) + " = " + actual + ", want " + expected);
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void signExtendingHashes_equalTheRegisteredAlgorithmsOnAsciiKeysOnly() {
    int asciiKeys = 0;
    int differing = 0;
    for (List<String> row : RECORDED.rows()) {
      byte[] key = TsvResource.hex(row.get(0));
      boolean ascii = true;
      for (byte b : key) {
        ascii &= b >= 0;
      }
      long libmemcached = Long.parseLong(row.get(RECORDED.column("fnv1a_32")));
      long textbook = HashAlgorithms.forName("fnv1a_32").hash(key);
      long oneAtATime = HashAlgorithms.forName("one_at_a_time").hash(key);
      if (ascii) {
        asciiKeys++;
        assertThat(textbook).as("fnv1a_32 of %s", row.get(0)).isEqualTo(libmemcached);
        assertThat(oneAtATime)
            .as("one_at_a_time of %s", row.get(0))
            .isEqualTo(Long.parseLong(row.get(RECORDED.column("default"))));
      } else if (textbook != libmemcached) {
        differing++;
      }
    }
    assertThat(asciiKeys).isGreaterThan(100);
    assertThat(differing).as("non-ASCII keys where sign extension shows").isGreaterThan(100);
  }

  @Test
  void hsieh_isTheConstantOneInDebiansBuild() {
    for (List<String> row : RECORDED.rows()) {
      assertThat(row.get(RECORDED.column("hsieh"))).isEqualTo("1");
    }
    assertThat(ClientHashes.LIBMEMCACHED.hash("hsieh").hash(HexFormat.of().parseHex("ff00")))
        .isEqualTo(1);
  }
}
