package dev.hashring.rendezvous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hashring.Server;
import dev.hashring.ServerSelector;
import dev.hashring.ServerSelectors;
import dev.hashring.Trait;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RendezvousSelectorTest {

  private final ServerSelector selector = new RendezvousSelector();
  private final List<Server> three = NativeRendezvousTest.servers(3);

  @Test
  void isFoundByName_onTheModulePathAndTheClassPath() {
    ServerSelector found = ServerSelectors.forName("rendezvous");
    assertThat(found).isInstanceOf(RendezvousSelector.class);
    assertThat(found.name()).isEqualTo("rendezvous");
  }

  @Test
  void describesItsOptionsAndProfiles() {
    assertThat(selector.compatProfiles()).containsExactly("native", "pymemcache");
    assertThat(selector.options()).containsOnlyKeys("compat", "key_type");
    assertThat(selector.options().get("compat")).contains("native").contains("pymemcache");
    assertThat(selector.options().get("key_type")).contains("str").contains("bytes");
  }

  @Test
  void compat_selectsTheRing() {
    assertThat(selector.ring(three).traits()).contains(Trait.WEIGHTED);
    assertThat(selector.ring(three, Map.of("compat", "native")).traits()).contains(Trait.WEIGHTED);
    assertThat(selector.ring(three, Map.of("compat", "pymemcache")).traits())
        .containsExactlyInAnyOrder(Trait.MINIMAL_DISRUPTION, Trait.FAILOVER_IS_REMOVAL);
  }

  @Test
  void unknownCompat_listsTheProfiles_andSuggestsTheClosest() {
    assertThatThrownBy(() -> selector.ring(three, Map.of("compat", "pymemcach")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "option 'compat' of selector rendezvous must be one of native, pymemcache:"
                + " 'pymemcach' (did you mean 'pymemcache'?)");
  }

  @Test
  void unknownOption_isRefused_withTheAcceptedOnes() {
    assertThatThrownBy(() -> selector.ring(three, Map.of("hash", "md5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown option 'hash' for selector rendezvous with compat=native; accepted: compat");
    assertThatThrownBy(() -> selector.ring(three, Map.of("compat", "pymemcache", "seed", "7")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown option 'seed' for selector rendezvous with compat=pymemcache; accepted:"
                + " compat, key_type");
  }

  @Test
  void keyType_isAnOptionOfPymemcacheOnly_withStrOrBytes() {
    assertThat(selector.ring(three, Map.of("compat", "pymemcache", "key_type", "bytes")))
        .hasToString(
            "rendezvous ring (compat=pymemcache, key_type=bytes) of [10.0.0.1:11211,"
                + " 10.0.0.2:11212, 10.0.0.3:11213]");
    assertThatThrownBy(
            () -> selector.ring(three, Map.of("compat", "pymemcache", "key_type", "byte")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "option 'key_type' of selector rendezvous with compat=pymemcache must be one of str,"
                + " bytes: 'byte' (did you mean 'bytes'?)");
    assertThatThrownBy(() -> selector.ring(three, Map.of("key_type", "bytes")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown option 'key_type' for selector rendezvous with compat=native; accepted:"
                + " compat");
  }

  @Test
  void pymemcache_refusesWeights_andNames() {
    List<Server> weighted = new ArrayList<>(three);
    weighted.set(1, weighted.get(1).withWeight(3));
    assertThatThrownBy(() -> selector.ring(weighted, Map.of("compat", "pymemcache")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "selector rendezvous with compat=pymemcache does not support weights, as pymemcache's"
                + " HashClient has none: weight 3 (server 10.0.0.2:11212); accepted: weight 1");
    List<Server> named = new ArrayList<>(three);
    named.set(2, named.get(2).withName("cache-c"));
    assertThatThrownBy(() -> selector.ring(named, Map.of("compat", "pymemcache")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "selector rendezvous with compat=pymemcache does not support server names, as"
                + " pymemcache hashes host:port: name 'cache-c' (server 10.0.0.3:11213); remove"
                + " the name");
  }

  @Test
  void badServerLists_areRefused() {
    assertThatThrownBy(() -> selector.ring(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("servers must not be empty");
    assertThatThrownBy(() -> selector.ring(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("servers");
    Server one = Server.of("10.0.0.1", 11211);
    assertThatThrownBy(() -> selector.ring(List.of(one, one), Map.of("compat", "pymemcache")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "duplicate server 10.0.0.1:11211 at positions 0 and 1: each memcached server may be"
                + " listed once");
  }

  @Test
  void nullKeys_areRefused() {
    for (String compat : selector.compatProfiles()) {
      var ring = selector.ring(three, Map.of("compat", compat));
      assertThatThrownBy(() -> ring.primary((byte[]) null))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> ring.primary((String) null))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> ring.failover((byte[]) null))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> ring.failover((String) null))
          .isInstanceOf(NullPointerException.class);
    }
  }
}
