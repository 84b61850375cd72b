package dev.hashring.ketama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hashring.Server;
import dev.hashring.ServerSelectors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The selector's name, options and what it refuses, with the exact messages. */
class KetamaSelectorTest {

  private static final KetamaSelector KETAMA = new KetamaSelector();
  private static final List<Server> THREE =
      List.of(
          Server.of("10.0.0.1", 11211), Server.of("10.0.0.2", 11211), Server.of("10.0.0.3", 11212));

  @Test
  void isFoundByName_onTheModulePathAndTheClassPath() {
    assertThat(ServerSelectors.forName("ketama")).isInstanceOf(KetamaSelector.class);
    assertThat(KETAMA.name()).isEqualTo("ketama");
    assertThat(KETAMA).hasToString("ServerSelectors.forName(\"ketama\")");
  }

  @Test
  void compatProfiles_nativeFirst_thenTheEightClients() {
    assertThat(KETAMA.compatProfiles())
        .containsExactly(
            "native",
            "libmemcached",
            "libmemcached-weighted",
            "libmemcached-spy",
            "spymemcached",
            "spymemcached-libmemcached",
            "twemproxy",
            "xmemcached",
            "dalli");
  }

  @Test
  void options_describeEveryKeyWithItsValuesAndDefault() {
    Map<String, String> options = KETAMA.options();
    assertThat(options)
        .containsOnlyKeys(
            "compat", "hash", "points", "weighted", "node_format", "namespace", "hash_tag");
    assertThat(options.get("compat"))
        .startsWith("which client to reproduce (default native): native = this project's own ring")
        .contains("; libmemcached-weighted = libmemcached KETAMA_WEIGHTED")
        .contains("; dalli = Dalli::Ring");
    assertThat(options.get("hash"))
        .contains("native: any registered hash algorithm (default murmur3)")
        .contains("dalli: crc32a only")
        .contains("twemproxy: one_at_a_time, md5, crc16, crc32,")
        .contains("(default fnv1a_64)")
        .doesNotContain("hsieh (default default)");
    assertThat(options.get("points"))
        .isEqualTo("compat=native only: ring points per unit of weight, 1 to 4096 (default 160)");
  }

  @Test
  void unknownCompat_listsTheProfiles_andSuggestsTheClosest() {
    assertThatThrownBy(() -> KETAMA.ring(THREE, Map.of("compat", "libmemcache")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "option 'compat' of selector ketama must be one of native, libmemcached,"
                + " libmemcached-weighted, libmemcached-spy, spymemcached,"
                + " spymemcached-libmemcached, twemproxy, xmemcached, dalli: 'libmemcache' (did you"
                + " mean 'libmemcached'?)");
  }

  @Test
  void aHashTheProfileDoesNotAccept_isRefusedWithWhatItAccepts() {
    assertThatThrownBy(() -> KETAMA.ring(THREE, Map.of("compat", "dalli", "hash", "md5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "option 'hash' of selector ketama with compat=dalli must be one of crc32a: 'md5'");
    assertThatThrownBy(
            () -> KETAMA.ring(THREE, Map.of("compat", "spymemcached", "hash", "murmur3")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "option 'hash' of selector ketama with compat=spymemcached must be one of native, crc,"
                + " fnv1_64, fnv1a_64, fnv1_32, fnv1a_32, md5: 'murmur3'");
    assertThatThrownBy(() -> KETAMA.ring(THREE, Map.of("compat", "twemproxy", "hash", "fnv1a64")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "option 'hash' of selector ketama with compat=twemproxy must be one of one_at_a_time, md5, crc16, crc32, crc32a,")
        .hasMessageEndingWith(": 'fnv1a64' (did you mean 'fnv1a_64'?)");
  }

  @Test
  void hsieh_isRefusedByTheLibmemcachedProfiles_asDebiansLibmemcachedRefusesIt() {
    for (String compat : List.of("libmemcached", "libmemcached-weighted", "libmemcached-spy")) {
      assertThatThrownBy(() -> KETAMA.ring(THREE, Map.of("compat", compat, "hash", "hsieh")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "option 'hash' of selector ketama with compat="
                  + compat
                  + " cannot be 'hsieh': libmemcached 1.1.4 as Debian builds it has no hsieh hash;"
                  + " setting MEMCACHED_BEHAVIOR_HASH to HSIEH fails with INVALID ARGUMENTS (pylibmc"
                  + " raises, php-memcached's setOption returns false); accepted: default,"
                  + " one_at_a_time, md5, crc, fnv1_64, fnv1a_64, fnv1_32, fnv1a_32, murmur, jenkins,"
                  + " murmur3");
    }
    // twemproxy has its own hsieh and uses it (compat-vectors/twemproxy-ketama-hsieh-4.tsv).
    assertThat(KETAMA.ring(THREE, Map.of("compat", "twemproxy", "hash", "hsieh")).servers())
        .hasSize(3);
  }

  @Test
  void nativeHash_isAnyRegisteredAlgorithm_anUnknownOneIsRefusedByTheRegistry() {
    assertThat(KETAMA.ring(THREE, Map.of("hash", "fnv1a_64")).toString()).contains("hash=fnv1a_64");
    assertThat(KETAMA.ring(THREE, Map.of()).toString())
        .isEqualTo("ketama ring (compat=native, hash=murmur3, points=160, 3 servers, 480 points)");
    assertThatThrownBy(() -> KETAMA.ring(THREE, Map.of("hash", "md6")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("option 'hash' of selector ketama with compat=native: ")
        .hasMessageContaining("'md6'")
        .hasMessageContaining("(did you mean 'md5'?)");
  }

  @Test
  void points_isBoundedAndOnlyForNative() {
    assertThat(KETAMA.ring(THREE, Map.of("points", "1")).toString()).contains("3 points");
    assertThat(KETAMA.ring(THREE, Map.of("points", "4096")).toString()).contains("12288 points");
    for (String bad : List.of("0", "4097", "-1", "x", "1.5", "")) {
      assertThatThrownBy(() -> KETAMA.ring(THREE, Map.of("points", bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "option 'points' of selector ketama with compat=native must be an integer from 1 to"
                  + " 4096: '"
                  + bad
                  + "'");
    }
    assertThatThrownBy(() -> KETAMA.ring(THREE, Map.of("compat", "libmemcached", "points", "100")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown option 'points' for selector ketama with compat=libmemcached; accepted:"
                + " compat, hash, weighted");
  }

  @Test
  void unknownOption_isNamedWithTheAcceptedOnes() {
    assertThatThrownBy(() -> KETAMA.ring(THREE, Map.of("pionts", "100")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown option 'pionts' for selector ketama with compat=native (did you mean"
                + " 'points'?); accepted: compat, hash, points");
    assertThatThrownBy(() -> KETAMA.ring(THREE, Map.of("compat", "twemproxy", "tag", "{}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown option 'tag' for selector ketama with compat=twemproxy; accepted: compat,"
                + " hash, hash_tag");
  }

  @Test
  void hashTag_isTwoPrintableAsciiCharacters() {
    for (String bad : List.of("{", "{}}", "{ ", "«»", "")) {
      assertThatThrownBy(() -> KETAMA.ring(THREE, Map.of("compat", "twemproxy", "hash_tag", bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "option 'hash_tag' of selector ketama with compat=twemproxy must be two printable"
                  + " ASCII characters, as twemproxy requires, such as {}: '"
                  + bad
                  + "'");
    }
  }

  @Test
  void nodeFormat_isXmemcachedsThree_andGwhalinOnlyWithMd5() {
    assertThatThrownBy(
            () -> KETAMA.ring(THREE, Map.of("compat", "xmemcached", "node_format", "ngnix")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "option 'node_format' of selector ketama with compat=xmemcached must be one of sockstr,"
                + " nginx, gwhalin: 'ngnix' (did you mean 'nginx'?)");
    assertThatThrownBy(
            () ->
                KETAMA.ring(
                    THREE,
                    Map.of("compat", "xmemcached", "node_format", "gwhalin", "hash", "fnv1a_32")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "option 'hash' of selector ketama with compat=xmemcached and node_format=gwhalin must"
                + " be md5: 'fnv1a_32' (xmemcached ignores the hash it is given in that mode and"
                + " always uses md5)");
    assertThatThrownBy(
            () ->
                KETAMA.ring(
                    List.of(Server.of("mc-1.hashring.invalid", 11211)),
                    Map.of("compat", "xmemcached", "node_format", "nginx")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "compat=xmemcached with node_format=nginx hashes the IP address of each server, but"
                + " host 'mc-1.hashring.invalid' of server mc-1.hashring.invalid:11211 does not"
                + " resolve");
  }

  @Test
  void namedServers_areRefusedWhereTheClientHasNoNames() {
    List<Server> named =
        List.of(Server.of("10.0.0.1", 11211).withName("shard-1"), Server.of("10.0.0.2", 11211));
    for (String compat : KETAMA.compatProfiles()) {
      if (compat.equals("native") || compat.equals("twemproxy")) {
        assertThat(KETAMA.ring(named, Map.of("compat", compat)).servers()).isEqualTo(named);
        continue;
      }
      String client =
          compat.startsWith("libmemcached")
              ? "libmemcached"
              : compat.startsWith("spymemcached")
                  ? "spymemcached"
                  : compat.equals("dalli") ? "Dalli" : compat;
      assertThatThrownBy(() -> KETAMA.ring(named, Map.of("compat", compat)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "compat="
                  + compat
                  + " cannot use server names: "
                  + client
                  + " hashes the address, not a name; server 10.0.0.1:11211 is named 'shard-1'"
                  + " (only compat=native and compat=twemproxy use names)");
    }
  }

  @Test
  void emptyAndDuplicateServerLists_areRefused() {
    for (String compat : KETAMA.compatProfiles()) {
      Map<String, String> options = Map.of("compat", compat);
      assertThatThrownBy(() -> KETAMA.ring(List.of(), options))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("servers must not be empty");
      assertThatThrownBy(
              () ->
                  KETAMA.ring(
                      List.of(Server.of("10.0.0.1", 11211), Server.of("10.0.0.1", 11211, 2)),
                      options))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "duplicate server 10.0.0.1:11211 at positions 0 and 1: each memcached server may be"
                  + " listed once");
      assertThatThrownBy(() -> KETAMA.ring(null, options)).isInstanceOf(NullPointerException.class);
    }
  }

  @Test
  void native_refusesTwoServersWithTheSameIdentity() {
    List<Server> servers =
        List.of(
            Server.of("10.0.0.1", 11211).withName("10.0.0.2:11211"), Server.of("10.0.0.2", 11211));
    assertThatThrownBy(() -> KETAMA.ring(servers, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "servers 10.0.0.1:11211 10.0.0.2:11211 and 10.0.0.2:11211 would hash as the same ring"
                + " identity '10.0.0.2:11211' (a server's name, or its address when it has none):"
                + " give each server a distinct name");
  }

  @Test
  void tooManyPoints_areRefusedBeforeAnythingIsAllocated() {
    List<Server> heavy = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      heavy.add(Server.of("10.1." + i / 250 + "." + (i % 250 + 1), 11211, 65535));
    }
    assertThatThrownBy(() -> KETAMA.ring(heavy, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "ketama ring with compat=native would need 104856000000 points for 10000 servers of"
                + " total weight 655350000 at points=160; at most 16777216 are supported: lower the"
                + " weights or 'points'");
    assertThatThrownBy(() -> KETAMA.ring(heavy.subList(0, 200), Map.of("compat", "xmemcached")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "ketama ring with compat=xmemcached would need 2097120000 points for 200 servers of"
                + " total weight 13107000; at most 16777216 are supported: lower the weights");
    // Shares of a fixed total never come close.
    assertThat(KETAMA.ring(heavy, Map.of("compat", "twemproxy")).servers()).hasSize(10_000);
  }

  @Test
  void twemproxy_refusesANameTooLongForItsPointBuffer() {
    String name = "n".repeat(82); // "name-39" needs 85 bytes, twemproxy's buffer holds 85
    Server fits = Server.of("10.0.0.1", 11211).withName(name);
    assertThat(KETAMA.ring(List.of(fits), Map.of("compat", "twemproxy")).servers()).hasSize(1);
    Server longer = Server.of("10.0.0.1", 11211).withName(name + "n");
    assertThatThrownBy(() -> KETAMA.ring(List.of(longer), Map.of("compat", "twemproxy")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "compat=twemproxy cannot use the node name '"
                + name
                + "n' of server 10.0.0.1:11211 "
                + name
                + "n: twemproxy formats '<name>-<index>' into a buffer of 86 bytes"
                + " (KETAMA_MAX_HOSTLEN) and hashes beyond it for longer names, so '"
                + name
                + "n-39' (86 bytes) has no defined points; use a name of at most 82 bytes");
  }

  @Test
  void emptyKeys_placedOrRefusedAsEachClientDoes() {
    for (String compat : KETAMA.compatProfiles()) {
      var ring = KETAMA.ring(THREE, Map.of("compat", compat));
      if (compat.equals("dalli") || compat.equals("xmemcached")) {
        String message =
            compat.equals("dalli")
                ? "compat=dalli cannot place an empty key: Dalli refuses blank keys"
                    + " (Dalli::KeyManager#validate_key raises ArgumentError 'key cannot be blank')"
                : "compat=xmemcached with hash=md5 cannot place an empty key: xmemcached computes"
                    + " md5 from ByteUtils.getBytes, which throws IllegalArgumentException 'Key"
                    + " must not be blank'";
        assertThatThrownBy(() -> ring.primary("")).hasMessage(message);
        assertThatThrownBy(() -> ring.primary(new byte[0])).hasMessage(message);
        assertThatThrownBy(() -> ring.failover(new byte[0])).hasMessage(message);
      } else {
        assertThat(ring.primary("")).isEqualTo(ring.primary(new byte[0]));
        assertThat(ring.failover("").next()).isEqualTo(ring.primary(""));
      }
    }
  }

  @Test
  void nullKeys_areNullPointerExceptions() {
    var ring = KETAMA.ring(THREE, Map.of());
    assertThatThrownBy(() -> ring.primary((byte[]) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("key");
    assertThatThrownBy(() -> ring.primary((String) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("key");
    assertThatThrownBy(() -> ring.failover((byte[]) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("key");
    assertThatThrownBy(() -> ring.failover((String) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("key");
  }

  @Test
  void theRingKeepsItsOwnCopyOfTheList() {
    List<Server> list = new ArrayList<>(THREE);
    var ring = KETAMA.ring(list, Map.of());
    Collections.reverse(list);
    assertThat(ring.servers()).isEqualTo(THREE);
    assertThatThrownBy(() -> ring.servers().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
