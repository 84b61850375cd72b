package dev.hashring.ketama;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.Ring;
import dev.hashring.Server;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * String keys are their UTF-8 bytes, whatever the profile: lookups of a string and of its bytes
 * agree, unpaired surrogates included (which the UTF-16 hashes of spymemcached and xmemcached count
 * as the '?' UTF-8 writes for them).
 */
class KeyBytesTest {

  private static String randomString(Random random) {
    StringBuilder key = new StringBuilder();
    int length = 1 + random.nextInt(40);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(6);
      key.append(
          switch (kind) {
            case 0 -> (char) (0x21 + random.nextInt(0x5E));
            case 1 -> (char) (0x80 + random.nextInt(0x780));
            case 2 -> (char) (0x800 + random.nextInt(0xD000));
            case 3 -> (char) (0xD800 + random.nextInt(0x800)); // lone surrogate
            case 4 -> new String(Character.toChars(0x10000 + random.nextInt(0xFFFF)));
            default -> "{" + (char) ('a' + random.nextInt(26)) + "}";
          });
    }
    return key.toString();
  }

  @Test
  void stringAndByteLookupsAgree_forEveryProfileAndHash() {
    List<Server> servers =
        List.of(
            Server.of("10.0.0.1", 11211),
            Server.of("10.0.0.2", 11211),
            Server.of("10.0.0.3", 11212, 2));
    Random random = new Random(52);
    List<String> keys = new java.util.ArrayList<>();
    for (int i = 0; i < 400; i++) {
      keys.add(randomString(random));
    }
    keys.add("x".repeat(300));
    KetamaSelector ketama = new KetamaSelector();
    for (String compat : ketama.compatProfiles()) {
      List<String> hashes =
          switch (compat) {
            case "spymemcached", "spymemcached-libmemcached" ->
                dev.hashring.spi.ClientHashes.SPYMEMCACHED.names();
            case "xmemcached" -> dev.hashring.spi.ClientHashes.XMEMCACHED.names();
            case "twemproxy" -> dev.hashring.spi.ClientHashes.TWEMPROXY.names();
            case "dalli" -> List.of("crc32a");
            case "native" -> List.of("murmur3", "fnv1a_64", "native");
            default -> List.of("default", "md5", "fnv1a_32");
          };
      for (String hash : hashes) {
        Map<String, String> options =
            new java.util.HashMap<>(Map.of("compat", compat, "hash", hash));
        if (compat.equals("twemproxy")) {
          options.put("hash_tag", "{}");
        }
        Ring ring = ketama.ring(servers, options);
        for (String key : keys) {
          assertThat(ring.primary(key))
              .as("%s '%s'", ring, key)
              .isEqualTo(ring.primary(key.getBytes(UTF_8)));
        }
      }
    }
  }
}
