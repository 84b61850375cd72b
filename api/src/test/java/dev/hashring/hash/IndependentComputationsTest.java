package dev.hashring.hash;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import dev.hashring.HashAlgorithm;
import dev.hashring.HashAlgorithms;
import dev.hashring.spi.ClientHashes;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.CRC32;
import net.spy.memcached.DefaultHashAlgorithm;
import org.junit.jupiter.api.Test;

/**
 * Each algorithm agrees with an implementation it shares no code with, on thousands of random keys
 * with bytes of every value: the JDK, Guava, spymemcached and xmemcached, or a plain transcription
 * of the definition.
 */
class IndependentComputationsTest {

  private static final int ROUNDS = 5_000;

  @Test
  void md5_isTheFirstEightDigestBytesLittleEndian() throws Exception {
    HashAlgorithm md5 = HashAlgorithms.forName("md5");
    MessageDigest jdk = MessageDigest.getInstance("MD5");
    forRandomKeys(
        1,
        key -> {
          byte[] digest = jdk.digest(key);
          long expected = ByteBuffer.wrap(digest).order(ByteOrder.LITTLE_ENDIAN).getLong();
          assertThat(md5.hash(key)).as(hex(key)).isEqualTo(expected);
        });
  }

  @Test
  void crc32a_isJavaUtilZipCrc32_andCrcIsItsBits16To30() {
    HashAlgorithm crc32a = HashAlgorithms.forName("crc32a");
    HashAlgorithm crc = HashAlgorithms.forName("crc");
    forRandomKeys(
        2,
        key -> {
          CRC32 jdk = new CRC32();
          jdk.update(key);
          assertThat(crc32a.hash(key)).as(hex(key)).isEqualTo(jdk.getValue());
          assertThat(crc.hash(key)).as(hex(key)).isEqualTo((jdk.getValue() >> 16) & 0x7FFF);
        });
  }

  @Test
  void murmur3_isGuavasMurmur3WithLibmemcachedsSeed() {
    HashAlgorithm murmur3 = HashAlgorithms.forName("murmur3");
    forRandomKeys(
        3,
        key -> {
          int seed = 0xDEADBEEF * key.length;
          long expected = Hashing.murmur3_32_fixed(seed).hashBytes(key).asInt() & 0xFFFF_FFFFL;
          assertThat(murmur3.hash(key)).as(hex(key)).isEqualTo(expected);
        });
  }

  @Test
  void fnv_lowBitsAreSpymemcachedsOnLatin1Strings_andAll64BitsFollowTheDefinition() {
    String[] names = {"fnv1_32", "fnv1a_32", "fnv1_64", "fnv1a_64"};
    DefaultHashAlgorithm[] spymemcached = {
      DefaultHashAlgorithm.FNV1_32_HASH,
      DefaultHashAlgorithm.FNV1A_32_HASH,
      DefaultHashAlgorithm.FNV1_64_HASH,
      DefaultHashAlgorithm.FNV1A_64_HASH
    };
    forRandomKeys(
        4,
        key -> {
          // Latin-1 maps each byte to the character of the same unsigned value, and spymemcached
          // hashes characters: a real client's FNV over unsigned bytes.
          String latin1 = new String(key, ISO_8859_1);
          for (int i = 0; i < names.length; i++) {
            long ours = HashAlgorithms.forName(names[i]).hash(key);
            assertThat(ours & 0xFFFF_FFFFL)
                .as("%s of %s", names[i], hex(key))
                .isEqualTo(spymemcached[i].hash(latin1));
          }
          assertThat(HashAlgorithms.forName("fnv1_64").hash(key))
              .isEqualTo(fnv64ByDefinition(key, false));
          assertThat(HashAlgorithms.forName("fnv1a_64").hash(key))
              .isEqualTo(fnv64ByDefinition(key, true));
        });
  }

  @Test
  void oneAtATime_isXmemcachedsOverUtf8() {
    HashAlgorithm oneAtATime = HashAlgorithms.forName("one_at_a_time");
    Random random = new Random(5);
    for (int round = 0; round < ROUNDS; round++) {
      String key = Utf8DecodingTest.randomText(random);
      long expected = net.rubyeye.xmemcached.HashAlgorithm.ONE_AT_A_TIME.hash(key);
      assertThat(oneAtATime.hash(key)).as(key).isEqualTo(expected);
      assertThat(oneAtATime.hash(key.getBytes(UTF_8))).as(key).isEqualTo(expected);
    }
  }

  @Test
  void hsieh_followsSuperFastHashAsTwemproxyWritesIt() {
    HashAlgorithm hsieh = HashAlgorithms.forName("hsieh");
    HashAlgorithm twemproxy = ClientHashes.TWEMPROXY.hash("hsieh");
    forRandomKeys(
        6,
        key -> {
          assertThat(hsieh.hash(key)).as(hex(key)).isEqualTo(superFastHash(key, false));
          assertThat(twemproxy.hash(key)).as(hex(key)).isEqualTo(superFastHash(key, true));
        });
  }

  @Test
  void crc16_lowBitsAreABitwiseCrc16Xmodem() {
    HashAlgorithm crc16 = HashAlgorithms.forName("crc16");
    forRandomKeys(
        7,
        key -> {
          int crc = 0;
          for (byte b : key) {
            crc ^= (b & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
              crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            crc &= 0xFFFF;
          }
          assertThat(crc16.hash(key) & 0xFFFF).as(hex(key)).isEqualTo(crc);
        });
  }

  /** FNV-1 or FNV-1a over unsigned bytes in arbitrary precision, reduced mod 2^64 at the end. */
  private static long fnv64ByDefinition(byte[] key, boolean xorFirst) {
    BigInteger modulus = BigInteger.ONE.shiftLeft(64);
    BigInteger prime = new BigInteger("1099511628211");
    BigInteger h = new BigInteger("14695981039346656037");
    for (byte b : key) {
      BigInteger octet = BigInteger.valueOf(b & 0xFF);
      h =
          xorFirst
              ? h.xor(octet).multiply(prime).mod(modulus)
              : h.multiply(prime).mod(modulus).xor(octet);
    }
    return h.longValue();
  }

  /**
   * Paul Hsieh's SuperFastHash, in 64-bit arithmetic truncated after every step, as twemproxy's
   * {@code nc_hsieh.c} states it: the hash starts at 0, 16-bit reads are little-endian and
   * unsigned, and the third byte of a 3-byte tail is a C {@code char} (sign-extended on x86-64).
   */
  private static long superFastHash(byte[] key, boolean signedChar) {
    long mask = 0xFFFF_FFFFL;
    int length = key.length;
    if (length == 0) {
      return 0;
    }
    long hash = 0;
    int at = 0;
    for (int blocks = length / 4; blocks > 0; blocks--, at += 4) {
      hash = (hash + get16(key, at)) & mask;
      long tmp = ((get16(key, at + 2) << 11) ^ hash) & mask;
      hash = ((hash << 16) ^ tmp) & mask;
      hash = (hash + (hash >>> 11)) & mask;
    }
    switch (length % 4) {
      case 3 -> {
        hash = (hash + get16(key, at)) & mask;
        hash = (hash ^ (hash << 16)) & mask;
        long third = signedChar ? (long) key[at + 2] & mask : key[at + 2] & 0xFF;
        hash = (hash ^ (third << 18)) & mask;
        hash = (hash + (hash >>> 11)) & mask;
      }
      case 2 -> {
        hash = (hash + get16(key, at)) & mask;
        hash = (hash ^ (hash << 11)) & mask;
        hash = (hash + (hash >>> 17)) & mask;
      }
      case 1 -> {
        hash = (hash + (key[at] & 0xFF)) & mask;
        hash = (hash ^ (hash << 10)) & mask;
        hash = (hash + (hash >>> 1)) & mask;
      }
      default -> {}
    }
    hash = (hash ^ (hash << 3)) & mask;
    hash = (hash + (hash >>> 5)) & mask;
    hash = (hash ^ (hash << 4)) & mask;
    hash = (hash + (hash >>> 17)) & mask;
    hash = (hash ^ (hash << 25)) & mask;
    hash = (hash + (hash >>> 6)) & mask;
    return hash;
  }

  private static long get16(byte[] key, int at) {
    return (key[at] & 0xFF) | ((key[at + 1] & 0xFF) << 8);
  }

  private interface KeyCheck {
    void check(byte[] key) throws Exception;
  }

  /** Random keys of 0 to 300 bytes with every byte value, the same keys on every run. */
  private static void forRandomKeys(long seed, KeyCheck check) {
    Random random = new Random(seed);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        byte[] key = new byte[round < 300 ? round : random.nextInt(301)];
        random.nextBytes(key);
        check.check(key);
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String hex(byte[] key) {
    return HexFormat.of().formatHex(key);
  }
}
