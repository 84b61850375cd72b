package dev.hashring.hash4j;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.HashAlgorithm;
import dev.hashring.HashAlgorithms;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * xxh3_64 and xxh64 against the C reference library, through Debian's python3-xxhash: values
 * recorded by {@code hashes-hash4j/record-xxhash-values.py} for 311 keys of every size class.
 */
class XxhashRecordedValuesTest {

  @Test
  void xxh3_64_andXxh64_reproduceEveryRecordedValue() throws IOException {
    HashAlgorithm xxh3 = HashAlgorithms.forName("xxh3_64");
    HashAlgorithm xxh64 = HashAlgorithms.forName("xxh64");
    List<String> mismatches = new ArrayList<>();
    int rows = 0;
    try (InputStream in = getClass().getResourceAsStream("xxhash-values.tsv")) {
      assertThat(in).as("test resource xxhash-values.tsv").isNotNull();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, UTF_8));
      assertThat(skipComments(reader)).isEqualTo("key_hex\txxh3_64\txxh64");
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] cells = line.split("\t", -1);
        byte[] key = HexFormat.of().parseHex(cells[0]);
        long expectedXxh3 = Long.parseUnsignedLong(cells[1], 16);
        long expectedXxh64 = Long.parseUnsignedLong(cells[2], 16);
        if (xxh3.hash(key) != expectedXxh3) {
          mismatches.add("xxh3_64 of " + cells[0] + " = " + Long.toHexString(xxh3.hash(key)));
        }
        if (xxh64.hash(key) != expectedXxh64) {
          mismatches.add("xxh64 of " + cells[0] + " = " + Long.toHexString(xxh64.hash(key)));
        }
        rows++;
      }
    }
    assertThat(mismatches).as("of %d recorded keys", rows).isEmpty();
    assertThat(rows).isEqualTo(311);
  }

  private static String skipComments(BufferedReader reader) throws IOException {
    String line = reader.readLine();
    while (line != null && line.startsWith("#")) {
      line = reader.readLine();
    }
    return line;
  }
}
