package dev.hashring.hash4j;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import com.dynatrace.hash4j.hashing.Hashing;
import dev.hashring.HashAlgorithm;
import dev.hashring.HashAlgorithms;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Each algorithm reproduces its authors' published test vectors. */
class PublishedVectorsTest {

  private static final long PRIME32 = 2654435761L;
  private static final long PRIME64 = 0x9E3779B185EBCA8DL; // 11400714785074694797

  /**
   * xxHash's sanity buffer ({@code cli/xsum_sanity_check.c}, {@code XSUM_fillTestBuffer}): byte i
   * is the top byte of {@code PRIME32 * PRIME64^i}.
   */
  private static byte[] sanityBuffer(int length) {
    byte[] buffer = new byte[length];
    long generator = PRIME32;
    for (int i = 0; i < length; i++) {
      buffer[i] = (byte) (generator >>> 56);
      generator *= PRIME64;
    }
    return buffer;
  }

  /** Cyan4973/xxHash cli/xsum_sanity_check.c (commit dde858b9): XSUM_XXH3_testdata. */
  @Test
  void xxh3_64_matchesXxhashsSanityVectors() {
    HashAlgorithm xxh3 = HashAlgorithms.forName("xxh3_64");
    long[][] seedZero = {
      {0, 0x2D06800538D394C2L},
      {1, 0xC44BDFF4074EECDBL},
      {6, 0x27B56A84CD2D7325L},
      {12, 0xA713DAF0DFBB77E7L},
      {24, 0xA3FE70BF9D3510EBL},
      {48, 0x397DA259ECBA1F11L},
      {80, 0xBCDEFBBB2C47C90AL},
      {195, 0xCD94217EE362EC3AL},
      {403, 0xCDEB804D65C6DEA4L},
      {512, 0x617E49599013CB6BL},
    };
    for (long[] vector : seedZero) {
      byte[] key = sanityBuffer((int) vector[0]);
      assertThat(xxh3.hash(key)).as("xxh3_64 of %d bytes", vector[0]).isEqualTo(vector[1]);
    }
    long[][] seedPrime64 = {
      {0, 0xA8A6B918B2F0364AL},
      {1, 0x032BE332DD766EF8L},
      {6, 0x84589C116AB59AB9L},
      {12, 0xE7303E1B2336DE0EL},
      {24, 0x850E80FC35BDD690L},
      {48, 0xADC2CBAA44ACC616L},
      {80, 0xC6DD0CB699532E73L},
      {195, 0xBA68003D370CB3D9L},
      {403, 0x6259F6ECFD6443FDL},
      {512, 0x3CE457DE14C27708L},
    };
    for (long[] vector : seedPrime64) {
      byte[] key = sanityBuffer((int) vector[0]);
      assertThat(Hashing.xxh3_64(PRIME64).hashBytesToLong(key)).isEqualTo(vector[1]);
    }
  }

  /** Cyan4973/xxHash cli/xsum_sanity_check.c (commit dde858b9): XSUM_XXH64_testdata. */
  @Test
  void xxh64_matchesXxhashsSanityVectors() {
    HashAlgorithm xxh64 = HashAlgorithms.forName("xxh64");
    long[][] vectors = {
      {0, 0, 0xEF46DB3751D8E999L},
      {0, PRIME32, 0xAC75FDA2929B17EFL},
      {1, 0, 0xE934A84ADB052768L},
      {1, PRIME32, 0x5014607643A9B4C3L},
      {4, 0, 0x9136A0DCA57457EEL},
      {14, 0, 0x8282DCC4994E35C8L},
      {14, PRIME32, 0xC3BD6BF63DEB6DF0L},
      {222, 0, 0xB641AE8CB691C174L},
      {222, PRIME32, 0x20CB8AB7AE10C14AL},
    };
    for (long[] vector : vectors) {
      byte[] key = sanityBuffer((int) vector[0]);
      if (vector[1] == 0) {
        assertThat(xxh64.hash(key)).as("xxh64 of %d bytes", vector[0]).isEqualTo(vector[2]);
      } else {
        assertThat(Hashing.xxh64(vector[1]).hashBytesToLong(key)).isEqualTo(vector[2]);
      }
    }
  }

  /** avaneev/komihash README.md "Test Vectors" (commit 8d531367), komihash 5.x. */
  @Test
  void komihash5_0_matchesTheReadmeVectors() {
    HashAlgorithm komihash = HashAlgorithms.forName("komihash5_0");
    assertThat(komihash.hash(ascii("This is a 32-byte testing string")))
        .isEqualTo(0x05AD960802903A9DL);
    assertThat(komihash.hash(ascii("The cat is out of the bag"))).isEqualTo(0xD15723521D3C37B1L);
    assertThat(komihash.hash(ascii("A 16-byte string"))).isEqualTo(0x467CAA28EA3DA7A6L);
    assertThat(komihash.hash(ascii("The new string"))).isEqualTo(0xF18E67BC90C43233L);
    assertThat(komihash.hash(ascii("7 chars"))).isEqualTo(0x2C514F6E5DCB11CBL);
    // "bulk" is a buffer of increasing 8-bit values, hashed at several lengths.
    long[][] bulk = {
      {3, 0x7A9717E9EEA4BE8BL},
      {6, 0xA56469564C2EA0FFL},
      {8, 0x00B4313A24431306L},
      {12, 0x64C2AD96013F70FEL},
      {20, 0x7A3888BC95545364L},
      {31, 0xC77E02ED4B201B9AL},
      {32, 0x256D74350303A1BAL},
      {40, 0x59609C71697BB9DFL},
      {47, 0x36EB9E6A4C2C5E4BL},
      {48, 0x8DD56C332850BAA6L},
      {56, 0xCBB722192B353999L},
      {64, 0x90B07E2158F88CC0L},
      {72, 0x24C9621701603741L},
      {80, 0x1D4C1D97CA684334L},
      {112, 0xD1A425D530652287L},
      {132, 0x72623BE342C20AB5L},
      {256, 0x94C3DBDCA59DDF57L},
    };
    byte[] buffer = new byte[256];
    for (int i = 0; i < buffer.length; i++) {
      buffer[i] = (byte) i;
    }
    for (long[] vector : bulk) {
      assertThat(komihash.hash(buffer, 0, (int) vector[0]))
          .as("komihash5_0 of bulk(%d)", vector[0])
          .isEqualTo(vector[1]);
    }
    // Seeded vectors: hash4j's komihash5_0 is the README's version, not only at seed 0.
    long seed = 0x0123456789ABCDEFL;
    assertThat(Hashing.komihash5_0(seed).hashBytesToLong(ascii("This is a 32-byte testing string")))
        .isEqualTo(0x6CE66A2E8D4979A5L);
    assertThat(Hashing.komihash5_0(seed).hashBytesToLong(Arrays.copyOf(buffer, 64)))
        .isEqualTo(0x765490569CCD77F2L);
    assertThat(Hashing.komihash5_0(0x100).hashBytesToLong(ascii("A 16-byte string")))
        .isEqualTo(0x11C31CCABAA524F1L);
  }

  /**
   * wangyi-fudan/wyhash test_vector.cpp run at commit 77e50f26 (final version 4), as Zig's
   * std.hash.Wyhash tests pin them: message i hashed with seed i.
   */
  @Test
  void wyhashFinal4_matchesTheTestVectors() {
    assertThat(HashAlgorithms.forName("wyhash_final4").hash(new byte[0]))
        .isEqualTo(0x0409638EE2BDE459L);
    String[] messages = {
      "",
      "a",
      "abc",
      "message digest",
      "abcdefghijklmnopqrstuvwxyz",
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
      "12345678901234567890123456789012345678901234567890123456789012345678901234567890"
    };
    long[] expected = {
      0x0409638EE2BDE459L,
      0xA8412D091B5FE0A9L,
      0x32DD92E4B2915153L,
      0x8619124089A3A16BL,
      0x7A43AFB61D7F5F40L,
      0xFF42329B90E50D58L,
      0xC39CAB13B115AAD3L
    };
    for (int i = 0; i < messages.length; i++) {
      assertThat(Hashing.wyhashFinal4(i).hashBytesToLong(ascii(messages[i])))
          .as("wyhash(\"%s\", seed %d)", messages[i], i)
          .isEqualTo(expected[i]);
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(US_ASCII);
  }
}
