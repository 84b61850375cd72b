package dev.hashring.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.dynatrace.hash4j.consistent.ConsistentHashing;
import com.dynatrace.hash4j.hashing.Hashing;
import com.google.code.yanf4j.core.Session;
import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelectors;
import dev.hashring.spi.ClientHashes;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.rubyeye.xmemcached.impl.KetamaMemcachedSessionLocator;
import net.spy.memcached.MemcachedNode;
import net.spy.memcached.NodeLocator;
import org.junit.jupiter.api.Test;

/**
 * The comparisons of the benchmarks are like for like: on the benchmark's own keys and servers, our
 * compat profile puts every key on the server the incumbent it is measured against picks.
 */
class SameAnswersTest {

  private static final int SERVERS = 100;
  private static final KeyPool KEYS = KeyPool.standard();
  private static final List<Server> LIST = Topologies.servers(SERVERS);

  /** Keys the fast String paths must not get wrong: multi-byte UTF-8, pairs, lone surrogates. */
  private static final List<String> AWKWARD =
      List.of(
          "caf\u00e9",
          "\u043a\u043b\u044e\u0447:7",
          "\u6771\u4eac",
          "\ud83d\ude00 smile",
          "lone high \ud800 surrogate",
          "lone low \udc00",
          "\ud800",
          "x\ud83d");

  @Test
  void ketamaSpymemcached_placesEveryKeyLikeKetamaNodeLocator() {
    assertSameAsSpymemcached("ketama:spymemcached", "KetamaNodeLocator");
  }

  @Test
  void moduloSpymemcached_placesEveryKeyLikeArrayModNodeLocator() {
    assertSameAsSpymemcached("modulo:spymemcached", "ArrayModNodeLocator");
  }

  @Test
  void ketamaXmemcached_placesEveryKeyLikeKetamaMemcachedSessionLocator() {
    KetamaMemcachedSessionLocator locator = new KetamaMemcachedSessionLocator();
    locator.updateSessions(XmemcachedSession.of(LIST));
    Ring ring = Rings.build("ketama:xmemcached", LIST);
    List<String> differ = new ArrayList<>();
    for (String key : KEYS.strings) {
      Session session = locator.getSessionByKey(key);
      if (!address(ring.primary(key)).equals(session.getRemoteSocketAddress())) {
        differ.add(key);
      }
    }
    assertThat(differ).as("keys placed elsewhere than xmemcached places them").isEmpty();
  }

  @Test
  void jumpNative_placesEveryKeyLikeHash4jXxh3AndJumpBackHash() {
    Ring ring = Rings.build("jump:native", LIST);
    List<String> differ = new ArrayList<>();
    for (int i = 0; i < KeyPool.SIZE; i++) {
      long hash = Hashing.xxh3_64().hashBytesToLong(KEYS.bytes[i]);
      int bucket = ConsistentHashing.jumpBackHashSplitMix64().getBucket(hash, SERVERS);
      if (!ring.primary(KEYS.bytes[i]).equals(LIST.get(bucket))
          || !ring.primary(KEYS.strings[i]).equals(LIST.get(bucket))) {
        differ.add(KEYS.strings[i]);
      }
    }
    assertThat(differ).as("keys placed elsewhere than hash4j places them").isEmpty();
  }

  @Test
  void everyLookupSpec_buildsAndPlacesStringsLikeTheirBytes() throws NoSuchFieldException {
    String[] specs =
        LookupBenchmark.class
            .getField("selector")
            .getAnnotation(org.openjdk.jmh.annotations.Param.class)
            .value();
    assertThat(specs).hasSizeGreaterThan(10);
    List<String> keys = new ArrayList<>(List.of(KEYS.strings).subList(0, 256));
    keys.addAll(AWKWARD);
    for (String spec : specs) {
      Ring ring = Rings.build(spec, Topologies.servers(10));
      for (String key : keys) {
        assertThat(ring.primary(key))
            .as("%s, key %s", spec, key)
            .isEqualTo(ring.primary(key.getBytes(StandardCharsets.UTF_8)));
      }
    }
  }

  @Test
  void clientHashProfiles_placeStringsLikeTheirBytes_whateverTheHash() {
    // Each hash a client profile offers, those over UTF-16 characters included: the String path
    // decides per hash whether it must look for surrogates.
    String[][] profiles = {
      {"modulo", "spymemcached"}, {"modulo", "libmemcached"}, {"modulo", "twemproxy"},
    };
    for (String[] profile : profiles) {
      ClientHashes client = ClientHashes.valueOf(profile[1].toUpperCase(Locale.ROOT));
      for (String hash : client.names()) {
        if (profile[1].equals("libmemcached") && hash.equals("hsieh")) {
          continue; // refused: Debian's libmemcached has no hsieh
        }
        Ring ring =
            ServerSelectors.forName(profile[0])
                .ring(Topologies.servers(7), Map.of("compat", profile[1], "hash", hash));
        for (String key : AWKWARD) {
          assertThat(ring.primary(key))
              .as("%s compat=%s hash=%s, key %s", profile[0], profile[1], hash, key)
              .isEqualTo(ring.primary(key.getBytes(StandardCharsets.UTF_8)));
        }
      }
    }
  }

  private static void assertSameAsSpymemcached(String spec, String locatorName) {
    List<MemcachedNode> nodes = SpymemcachedNodes.of(LIST);
    NodeLocator locator = SpymemcachedBenchmark.locator(locatorName, nodes);
    Ring ring = Rings.build(spec, LIST);
    List<String> differ = new ArrayList<>();
    for (String key : KEYS.strings) {
      if (!address(ring.primary(key)).equals(locator.getPrimary(key).getSocketAddress())) {
        differ.add(key);
      }
    }
    assertThat(differ).as("keys placed elsewhere than spymemcached's %s", locatorName).isEmpty();
  }

  private static InetSocketAddress address(Server server) {
    return new InetSocketAddress(server.host(), server.port());
  }
}
