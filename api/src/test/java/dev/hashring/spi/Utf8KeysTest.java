package dev.hashring.spi;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.HashAlgorithm;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Utf8KeysTest {

  /** A hash that is the bytes themselves, so the test sees exactly what was hashed. */
  private static final class Recorder implements HashAlgorithm {
    byte[] seen;

    @Override
    public String name() {
      return "recorder";
    }

    @Override
    public long hash(byte[] key, int offset, int length) {
      seen = Arrays.copyOfRange(key, offset, offset + length);
      return length;
    }
  }

  @Test
  void hashOfString_hashesExactlyTheBytesThatGetBytesProduces() {
    SplittableRandom random = new SplittableRandom(42);
    Recorder recorder = new Recorder();
    for (int round = 0; round < 20_000; round++) {
      String key = randomString(random, random.nextInt(0, 400));
      recorder.hash(key);
      assertThat(recorder.seen).as("key %s", escape(key)).isEqualTo(key.getBytes(UTF_8));
    }
  }

  @Test
  void encode_reportsAKeyThatDoesNotFit() {
    byte[] small = new byte[4];
    assertThat(Utf8Keys.encode("abcd", small)).isEqualTo(4);
    assertThat(Utf8Keys.encode("abcde", small)).isEqualTo(-1);
    assertThat(Utf8Keys.encode("abcé", small)).isEqualTo(-1);
    assertThat(Utf8Keys.encode("a😀", small)).isEqualTo(-1);
    assertThat(Utf8Keys.encode("😀", small)).isEqualTo(4);
  }

  @Test
  void hashOfString_growsTheBufferForLongerKeys_andFallsBackBeyondItsLimit() {
    Recorder recorder = new Recorder();
    for (String key :
        List.of(
            "ключ".repeat(Utf8Keys.CAPACITY),
            "x".repeat(Utf8Keys.MAX_CAPACITY),
            "ключ".repeat(Utf8Keys.MAX_CAPACITY),
            "a".repeat(Utf8Keys.MAX_CAPACITY + 1),
            "short")) {
      recorder.hash(key);
      assertThat(recorder.seen).isEqualTo(key.getBytes(UTF_8));
      assertThat(Utf8Keys.apply(key, (bytes, offset, length) -> length))
          .isEqualTo(key.getBytes(UTF_8).length);
    }
  }

  /** Mostly ASCII, with two-, three- and four-byte characters and unpaired surrogates. */
  private static String randomString(SplittableRandom random, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(10);
      if (kind < 5) {
        text.append((char) random.nextInt(0, 0x80));
      } else if (kind < 6) {
        text.append((char) random.nextInt(0x80, 0x800));
      } else if (kind < 7) {
        text.append((char) random.nextInt(0x800, 0xD800));
      } else if (kind < 8) {
        text.appendCodePoint(random.nextInt(0x10000, 0x110000));
      } else if (kind < 9) {
        text.append((char) random.nextInt(0xD800, 0xE000));
      } else {
        text.append((char) random.nextInt(0xE000, 0x10000));
      }
    }
    return text.toString();
  }

  private static String escape(String key) {
    StringBuilder text = new StringBuilder();
    key.chars().forEach(c -> text.append(String.format("\\u%04x", c)));
    return text.toString();
  }
}
