package dev.hashring.rendezvous;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PythonKeyTextTest {

  private static String ofBytes(byte[] key) {
    byte[] out = new byte[PythonKeyText.capacityFor(key.length)];
    return new String(out, 0, PythonKeyText.ofBytes(key, out), ISO_8859_1);
  }

  /** The low byte of each code point, from the JDK's strict decoder; null if not UTF-8. */
  private static String lowBytesByTheJdk(byte[] key) {
    CharBuffer chars;
    try {
      chars =
          UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(key));
    } catch (CharacterCodingException e) {
      return null;
    }
    StringBuilder low = new StringBuilder();
    chars.toString().codePoints().forEach(cp -> low.append((char) (cp & 0xff)));
    return low.toString();
  }

  @Test
  void utf8Keys_decodeToTheLowByteOfEachCodePoint_andOtherBytesAreRejected() {
    SplittableRandom random = new SplittableRandom(1);
    byte[] pieces = {
      0x41,
      (byte) 0x80,
      (byte) 0xbf,
      (byte) 0xc2,
      (byte) 0xc1,
      (byte) 0xdf,
      (byte) 0xe0,
      (byte) 0xa0,
      (byte) 0xed,
      (byte) 0x9f,
      (byte) 0xef,
      (byte) 0xf0,
      (byte) 0x90,
      (byte) 0xf4,
      (byte) 0x8f,
      (byte) 0xf5,
      (byte) 0xff,
      0x00
    };
    int valid = 0;
    for (int round = 0; round < 200_000; round++) {
      byte[] key = new byte[random.nextInt(0, 8)];
      for (int i = 0; i < key.length; i++) {
        key[i] =
            random.nextBoolean() ? pieces[random.nextInt(pieces.length)] : (byte) random.nextInt();
      }
      byte[] out = new byte[key.length];
      int length = PythonKeyText.decodeUtf8(key, out);
      String expected = lowBytesByTheJdk(key);
      String hex = HexFormat.of().formatHex(key);
      if (expected == null) {
        assertThat(length).as(hex).isEqualTo(-1);
      } else {
        valid++;
        assertThat(new String(out, 0, length, ISO_8859_1)).as(hex).isEqualTo(expected);
      }
    }
    assertThat(valid).isGreaterThan(10_000);
  }

  @Test
  void overlongSurrogateAndOutOfRangeSequences_areNotUtf8() {
    for (String hex :
        new String[] {
          "c0af", "c1bf", "e08080", "e09fbf", "eda080", "edbfbf", "f08f8080",
          "f4908080", "f5808080", "ff", "80", "c3", "e282", "f09f98"
        }) {
      byte[] key = HexFormat.of().parseHex(hex);
      assertThat(PythonKeyText.decodeUtf8(key, new byte[key.length])).as(hex).isEqualTo(-1);
    }
  }

  /** Python 3: repr(b'\xff'), repr(b"'\xff"), repr(b'\'"\xff'), repr(b'\\\t\n\r\x00\x7f'). */
  @Test
  void bytesThatAreNotUtf8_areWrittenAsPythonsRepr() {
    assertThat(ofBytes(new byte[] {(byte) 0xff})).isEqualTo("b'\\xff'");
    assertThat(ofBytes(new byte[] {'\'', (byte) 0xff})).isEqualTo("b\"'\\xff\"");
    assertThat(ofBytes(new byte[] {'\'', '"', (byte) 0xff})).isEqualTo("b'\\'\"\\xff'");
    assertThat(ofBytes(new byte[] {'\\', '\t', '\n', '\r', 0, 0x7f, (byte) 0x80}))
        .isEqualTo("b'\\\\\\t\\n\\r\\x00\\x7f\\x80'");
  }

  @Test
  void reprOfTheLongestKeys_fitsTheCapacity() {
    byte[] key = new byte[1000];
    Arrays.fill(key, (byte) 0xff);
    byte[] out = new byte[PythonKeyText.capacityFor(key.length)];
    assertThat(PythonKeyText.ofBytes(key, out)).isEqualTo(out.length);
  }

  @Test
  void stringKeys_giveTheSameTextAsTheirUtf8Bytes_unpairedSurrogatesIncluded() {
    SplittableRandom random = new SplittableRandom(2);
    for (int round = 0; round < 50_000; round++) {
      StringBuilder key = new StringBuilder();
      int n = random.nextInt(0, 12);
      for (int i = 0; i < n; i++) {
        switch (random.nextInt(5)) {
          case 0 -> key.append((char) random.nextInt(0, 0x80));
          case 1 -> key.append((char) random.nextInt(0x80, 0xD800));
          case 2 -> key.appendCodePoint(random.nextInt(0x10000, 0x110000));
          case 3 -> key.append((char) random.nextInt(0xD800, 0xE000));
          default -> key.append((char) random.nextInt(0xE000, 0x10000));
        }
      }
      String text = key.toString();
      byte[] out = new byte[text.length()];
      String fromString = new String(out, 0, PythonKeyText.ofString(text, out), ISO_8859_1);
      assertThat(fromString).isEqualTo(ofBytes(text.getBytes(UTF_8)));
    }
  }
}
