package dev.hashring.rendezvous;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.dynatrace.hash4j.hashing.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PymemcacheMurmur3Test {

  private static long hash(String text, int seed) {
    byte[] chars = new byte[text.length()];
    int length = PythonKeyText.ofString(text, chars);
    return PymemcacheMurmur3.hash(chars, length, seed);
  }

  /** pymemcache/test/test_rendezvous.py: test_init_no_options and test_seed. */
  @Test
  void pymemcachesOwnValues() {
    assertThat(hash("6666", 0)).isEqualTo(1361238019L);
    assertThat(hash("6666", 10)).isEqualTo(2981722772L);
  }

  /** Values from pymemcache's murmur3_32, recorded by src/test/scripts/pymemcache_vectors.py. */
  @Test
  void recordedValues_ofAsciiAndNonAsciiText() throws IOException {
    int rows = 0;
    for (String line :
        Files.readAllLines(Path.of("src/test/resources/pymemcache/murmur3.tsv"), UTF_8)) {
      if (line.startsWith("#")) {
        continue;
      }
      String[] columns = line.split("\t");
      String text = new String(HexFormat.of().parseHex(columns[0]), UTF_8);
      int seed = (int) Long.parseLong(columns[1]);
      assertThat(hash(text, seed)).as(line).isEqualTo(Long.parseLong(columns[2]));
      rows++;
    }
    assertThat(rows).isEqualTo(600);
  }

  @Test
  void asciiText_isStandardMurmur3_asHash4jComputesIt() {
    SplittableRandom random = new SplittableRandom(5);
    for (int round = 0; round < 5_000; round++) {
      byte[] text = new byte[random.nextInt(0, 80)];
      for (int i = 0; i < text.length; i++) {
        text[i] = (byte) random.nextInt(0, 128);
      }
      int seed = random.nextInt();
      long expected = Hashing.murmur3_32(seed).hashBytesToInt(text) & 0xffffffffL;
      assertThat(PymemcacheMurmur3.hash(text, text.length, seed)).isEqualTo(expected);
    }
  }

  @Test
  void prefixThenFinish_isTheHashOfTheWhole_atEverySplit() {
    SplittableRandom random = new SplittableRandom(6);
    for (int round = 0; round < 300; round++) {
      byte[] whole = new byte[random.nextInt(0, 40)];
      random.nextBytes(whole);
      long expected = PymemcacheMurmur3.hash(whole, whole.length, 0);
      for (int split = 0; split <= whole.length; split++) {
        PymemcacheMurmur3 prefix = PymemcacheMurmur3.prefix(Arrays.copyOf(whole, split), 0);
        byte[] rest = Arrays.copyOfRange(whole, split, whole.length);
        // A longer buffer than the text: only the first length bytes count.
        byte[] buffer = Arrays.copyOf(rest, rest.length + 7);
        assertThat(
                PymemcacheMurmur3.finish(
                    prefix.hash, prefix.pending, prefix.length, buffer, rest.length))
            .as("split %d of %s", split, HexFormat.of().formatHex(whole))
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void nodePrefix_fromTheGoldenServers() {
    // murmur3_32("10.0.1.1:11211-foo") hashed whole and split after the node.
    byte[] whole = "10.0.1.1:11211-foo".getBytes(US_ASCII);
    PymemcacheMurmur3 prefix = PymemcacheMurmur3.prefix("10.0.1.1:11211-".getBytes(US_ASCII), 0);
    assertThat(
            PymemcacheMurmur3.finish(
                prefix.hash, prefix.pending, prefix.length, "foo".getBytes(US_ASCII), 3))
        .isEqualTo(Hashing.murmur3_32(0).hashBytesToInt(whole) & 0xffffffffL);
  }
}
