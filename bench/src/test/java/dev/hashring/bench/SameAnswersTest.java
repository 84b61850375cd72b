package dev.hashring.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.dynatrace.hash4j.consistent.ConsistentHashing;
import com.dynatrace.hash4j.hashing.Hashing;
import com.google.code.yanf4j.core.Session;
import dev.hashring.Ring;
import dev.hashring.Server;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
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
    for (String spec : specs) {
      Ring ring = Rings.build(spec, Topologies.servers(10));
      for (int i = 0; i < 256; i++) {
        assertThat(ring.primary(KEYS.strings[i]))
            .as("%s, key %s", spec, KEYS.strings[i])
            .isEqualTo(ring.primary(KEYS.bytes[i]));
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
