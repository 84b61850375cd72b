package dev.hashring.ketama;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hashring.HashAlgorithm;
import dev.hashring.HashAlgorithms;
import dev.hashring.Ring;
import dev.hashring.tck.CompatVectors;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * Dalli's key rules ({@code Dalli::KeyManager#validate_key}): keys of more than 250 characters are
 * hashed as their first 212 characters, {@code ":md5:"} and the MD5 hex of the whole key; with a
 * namespace, {@code namespace:key} is measured and 213 characters are kept. Expected values are
 * computed here with {@link CRC32} and {@link MessageDigest}, and the recordings of a real Dalli
 * client are reproduced.
 */
class DalliKeysTest {

  private static final HashAlgorithm CRC32A = HashAlgorithms.forName("crc32a");

  /** Zlib.crc32 of the key Dalli would build, computed independently. */
  private static long expected(String key, String namespace) throws Exception {
    String full = namespace == null ? key : namespace + ":" + key;
    String hashed = full;
    if (full.codePointCount(0, full.length()) > 250) {
      String digest =
          HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(full.getBytes(UTF_8)));
      int kept = namespace == null ? 212 : 213;
      hashed = full.substring(0, full.offsetByCodePoints(0, kept)) + ":md5:" + digest;
    }
    CRC32 crc = new CRC32();
    crc.update(hashed.getBytes(UTF_8));
    return crc.getValue();
  }

  private static long ours(String key, String namespace) {
    byte[] bytes = key.getBytes(UTF_8);
    byte[] prefix = namespace == null ? null : (namespace + ":").getBytes(UTF_8);
    return DalliKeys.hash(CRC32A, prefix, bytes, 0, bytes.length);
  }

  @Test
  void keysUpTo250Characters_areHashedWhole_overThatTruncated() throws Exception {
    List<String> keys =
        List.of(
            "a",
            "x".repeat(249),
            "x".repeat(250),
            "x".repeat(251),
            "y".repeat(1000),
            "к".repeat(250), // 500 bytes, 250 characters: whole
            "к".repeat(251), // truncated by characters: 212 letters, 424 bytes kept
            "😀".repeat(250),
            "😀".repeat(251),
            "k".repeat(200) + "日本語".repeat(20));
    for (String namespace : new String[] {null, "app", "ключ"}) {
      for (String key : keys) {
        assertThat(ours(key, namespace))
            .as("%s chars, namespace %s", key.codePointCount(0, key.length()), namespace)
            .isEqualTo(expected(key, namespace));
      }
    }
  }

  @Test
  void aTruncatedKeyIsTheStoredFormDalliWrites() throws Exception {
    // The stored form of a 251-character key is itself 249 characters: hashed whole.
    String key = "z".repeat(251);
    String digest =
        HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(key.getBytes(UTF_8)));
    String stored = "z".repeat(212) + ":md5:" + digest;
    assertThat(stored).hasSize(249);
    assertThat(ours(key, null)).isEqualTo(ours(stored, null));
  }

  @Test
  void bytesThatAreNotUtf8_countOneCharacterEach_asRubyCountsThem() {
    byte[] broken = new byte[300];
    java.util.Arrays.fill(broken, (byte) 0xFF);
    CRC32 crc = new CRC32();
    crc.update(broken, 0, 212);
    crc.update(":md5:".getBytes(UTF_8));
    try {
      crc.update(
          HexFormat.of()
              .formatHex(MessageDigest.getInstance("MD5").digest(broken))
              .getBytes(UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
    assertThat(DalliKeys.hash(CRC32A, null, broken, 0, broken.length)).isEqualTo(crc.getValue());
  }

  @Test
  void characterLength_acceptsOnlyValidUtf8Sequences() {
    assertThat(length(0x41)).isEqualTo(1);
    assertThat(length(0xC3, 0xA9)).isEqualTo(2); // é
    assertThat(length(0xC0, 0x80)).isEqualTo(1); // overlong
    assertThat(length(0xE0, 0x80, 0x80)).isEqualTo(1); // overlong
    assertThat(length(0xE6, 0x97, 0xA5)).isEqualTo(3); // 日
    assertThat(length(0xED, 0xA0, 0x80)).isEqualTo(1); // a surrogate
    assertThat(length(0xF0, 0x9F, 0x98, 0x80)).isEqualTo(4); // 😀
    assertThat(length(0xF4, 0x90, 0x80, 0x80)).isEqualTo(1); // above U+10FFFF
    assertThat(length(0xE6, 0x97)).isEqualTo(1); // cut short
    assertThat(length(0x80)).isEqualTo(1); // a lone continuation byte
  }

  private static int length(int... bytes) {
    byte[] key = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      key[i] = (byte) bytes[i];
    }
    return DalliKeys.characterLength(key, 0, key.length);
  }

  @Test
  void recordedOverlongKeys_areReproducedWithTheirTruncation() {
    CompatVectors vectors =
        CompatVectors.read(
            VectorFiles.repository().resolve("findings/dalli-ring-overlong-keys-3.tsv"));
    Ring ring = new KetamaSelector().ring(vectors.servers(), Map.of("compat", "dalli"));
    assertThat(vectors.placements()).hasSize(50);
    assertThat(vectors.placements()).anyMatch(p -> p.key().length() > 250);
    assertThat(vectors.disagreements(ring)).isEmpty();
  }

  @Test
  void recordedNamespacedKeys_areReproducedWithTheNamespaceOption() {
    CompatVectors vectors =
        CompatVectors.read(VectorFiles.repository().resolve("findings/dalli-ring-namespace-3.tsv"));
    Ring plain = new KetamaSelector().ring(vectors.servers(), Map.of("compat", "dalli"));
    Ring namespaced =
        new KetamaSelector().ring(vectors.servers(), Map.of("compat", "dalli", "namespace", "app"));
    assertThat(vectors.placements()).hasSize(283);
    assertThat(vectors.disagreements(namespaced)).isEmpty();
    assertThat(vectors.disagreements(plain)).hasSizeGreaterThan(100);
    assertThat(namespaced.toString()).contains("namespace=app");
  }

  @Test
  void namespace_onlyForDalli_andNotEmpty() {
    var servers = List.of(dev.hashring.Server.of("10.0.0.1", 11211));
    assertThatThrownBy(
            () -> new KetamaSelector().ring(servers, Map.of("compat", "dalli", "namespace", "")))
        .hasMessage(
            "option 'namespace' of selector ketama with compat=dalli must not be empty: Dalli"
                + " prefixes '<namespace>:' to every key; leave the option out for keys without a"
                + " namespace");
    assertThatThrownBy(
            () ->
                new KetamaSelector().ring(servers, Map.of("compat", "twemproxy", "namespace", "a")))
        .hasMessage(
            "unknown option 'namespace' for selector ketama with compat=twemproxy; accepted:"
                + " compat, hash, hash_tag");
  }

  @Test
  void stringAndBytes_agree_forLongAndNamespacedKeys() {
    var servers =
        List.of(
            dev.hashring.Server.of("10.0.0.1", 11211),
            dev.hashring.Server.of("10.0.0.2", 11211),
            dev.hashring.Server.of("10.0.0.3", 11211));
    for (Map<String, String> options :
        List.of(Map.of("compat", "dalli"), Map.of("compat", "dalli", "namespace", "ns"))) {
      Ring ring = new KetamaSelector().ring(servers, options);
      for (String key : TestKeys.keys(11, 300)) {
        for (String k : List.of(key, key.repeat(5), key + "\uD800")) {
          assertThat(ring.primary(k)).as(k).isEqualTo(ring.primary(k.getBytes(UTF_8)));
        }
      }
    }
  }
}
