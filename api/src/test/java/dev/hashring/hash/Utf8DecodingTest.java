package dev.hashring.hash;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.HashAlgorithm;
import dev.hashring.HashAlgorithms;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Keys given as bytes decode exactly as {@code new String(bytes, UTF_8)} decodes them, malformed
 * input included, so {@code native} is that string's {@code hashCode()}.
 */
class Utf8DecodingTest {

  /** Bytes that sit on every boundary of UTF-8's rules for leads and continuations. */
  private static final byte[] EDGES = {
    0x00,
    0x41,
    0x7F,
    (byte) 0x80,
    (byte) 0x8F,
    (byte) 0x90,
    (byte) 0x9F,
    (byte) 0xA0,
    (byte) 0xBF,
    (byte) 0xC0,
    (byte) 0xC1,
    (byte) 0xC2,
    (byte) 0xDF,
    (byte) 0xE0,
    (byte) 0xE1,
    (byte) 0xEC,
    (byte) 0xED,
    (byte) 0xEE,
    (byte) 0xEF,
    (byte) 0xF0,
    (byte) 0xF1,
    (byte) 0xF3,
    (byte) 0xF4,
    (byte) 0xF5,
    (byte) 0xF7,
    (byte) 0xF8,
    (byte) 0xFF
  };

  private final HashAlgorithm nativeHash = HashAlgorithms.forName("native");
  private final char[] chars = new char[64];

  @Test
  void everySequenceOfOneOrTwoBytes_decodesLikeTheStringConstructor() {
    byte[] key = new byte[2];
    for (int first = 0; first < 256; first++) {
      key[0] = (byte) first;
      assertDecodesLikeString(key, 1);
      for (int second = 0; second < 256; second++) {
        key[1] = (byte) second;
        assertDecodesLikeString(key, 2);
      }
    }
  }

  @Test
  void everySequenceOfThreeOrFourEdgeBytes_decodesLikeTheStringConstructor() {
    int n = EDGES.length;
    byte[] key = new byte[4];
    for (int i = 0; i < n * n * n * n; i++) {
      int rest = i;
      for (int at = 0; at < 4; at++) {
        key[at] = EDGES[rest % n];
        rest /= n;
      }
      assertDecodesLikeString(key, 3);
      assertDecodesLikeString(key, 4);
    }
  }

  @Test
  void randomBytes_decodeLikeTheStringConstructor() {
    Random random = new Random(20_261_126);
    for (int round = 0; round < 20_000; round++) {
      byte[] key = new byte[random.nextInt(40)];
      for (int i = 0; i < key.length; i++) {
        // Mostly bytes near UTF-8's boundaries, so that almost-valid sequences are common.
        key[i] =
            random.nextBoolean() ? EDGES[random.nextInt(EDGES.length)] : (byte) random.nextInt();
      }
      assertDecodesLikeString(key, key.length);
    }
  }

  @Test
  void native_isTheStringHashCodeOfRandomAndMalformedBytes() {
    Random random = new Random(42);
    for (int round = 0; round < 20_000; round++) {
      byte[] key = new byte[random.nextInt(300)];
      random.nextBytes(key);
      if (round % 2 == 0) {
        // Valid UTF-8 of random characters, cut at a random byte.
        byte[] text = randomText(random).getBytes(UTF_8);
        key = Arrays.copyOf(text, random.nextInt(text.length + 1));
      }
      long expected = new String(key, UTF_8).hashCode() & 0xFFFF_FFFFL;
      assertThat(nativeHash.hash(key))
          .as("native of %s", HexFormat.of().formatHex(key))
          .isEqualTo(expected);
    }
  }

  @Test
  void native_ofAStringKey_isTheHashOfItsUtf8Bytes() {
    Random random = new Random(7);
    for (int round = 0; round < 5_000; round++) {
      String key = randomText(random);
      assertThat(nativeHash.hash(key))
          .as("native of %s", key)
          .isEqualTo(nativeHash.hash(key.getBytes(UTF_8)));
    }
    // An unpaired surrogate is '?' in UTF-8, so it is not the string's own hashCode.
    assertThat(nativeHash.hash("a\uD800b")).isEqualTo("a?b".hashCode());
  }

  private void assertDecodesLikeString(byte[] key, int length) {
    String expected = new String(key, 0, length, UTF_8);
    int count = Utf8Decoding.decode(key, 0, length, chars);
    assertThat(new String(chars, 0, count))
        .as("decoding %s", HexFormat.of().formatHex(key, 0, length))
        .isEqualTo(expected);
  }

  /** Characters from every plane of interest, with unpaired surrogates now and then. */
  static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(60);
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(7)) {
        case 0 -> text.append((char) (0x20 + random.nextInt(0x5F)));
        case 1 -> text.append((char) (0x80 + random.nextInt(0x780)));
        case 2 -> text.append((char) (0x800 + random.nextInt(0xD000)));
        case 3 -> text.append((char) (0xE000 + random.nextInt(0x2000)));
        case 4 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000));
        case 5 -> text.append((char) (0xD800 + random.nextInt(0x800)));
        default -> text.append("user:").append(random.nextInt(1000));
      }
    }
    return text.toString();
  }
}
