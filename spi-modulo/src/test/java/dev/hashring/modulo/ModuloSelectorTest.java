package dev.hashring.modulo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelectors;
import dev.hashring.Trait;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Options, errors, traits and discovery of the modulo selector. */
class ModuloSelectorTest {

  private final ModuloSelector selector = new ModuloSelector();

  @Test
  void registry_findsModulo() {
    assertThat(ServerSelectors.forName("modulo")).isInstanceOf(ModuloSelector.class);
    assertThat(selector.name()).isEqualTo("modulo");
    assertThat(selector).hasToString("ServerSelectors.forName(\"modulo\")");
  }

  @Test
  void compatProfiles_nativeFirst() {
    assertThat(selector.compatProfiles())
        .containsExactly("native", "libmemcached", "spymemcached", "twemproxy");
    assertThat(selector.options()).containsOnlyKeys("compat", "hash");
  }

  @Test
  void traits_weightedAndFailoverIsRemovalOnlyWhereTheyHold() {
    List<Server> servers = Topologies.servers(3);
    assertThat(selector.ring(servers).traits())
        .containsExactlyInAnyOrder(Trait.WEIGHTED, Trait.FAILOVER_IS_REMOVAL);
    assertThat(selector.ring(servers, Map.of("compat", "twemproxy")).traits())
        .containsExactlyInAnyOrder(Trait.WEIGHTED, Trait.FAILOVER_IS_REMOVAL);
    assertThat(selector.ring(servers, Map.of("compat", "libmemcached")).traits()).isEmpty();
    assertThat(selector.ring(servers, Map.of("compat", "spymemcached")).traits()).isEmpty();
  }

  @Test
  void unknownCompat_listsTheProfiles() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> selector.ring(Topologies.servers(2), Map.of("compat", "libmemcache")))
        .withMessage(
            "option 'compat' of selector modulo must be one of native, libmemcached, spymemcached,"
                + " twemproxy: 'libmemcache' (did you mean 'libmemcached'?)");
  }

  @Test
  void unknownOption_listsTheAcceptedOnes() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> selector.ring(Topologies.servers(2), Map.of("hashh", "md5")))
        .withMessage(
            "unknown option 'hashh' for selector modulo with compat=native (did you mean"
                + " 'hash'?); accepted: compat, hash");
  }

  @Test
  void libmemcached_ignoresWeights_asModulaDoes() {
    List<Server> weighted = List.of(Server.of("10.0.0.1", 11211), Server.of("10.0.0.2", 11211, 2));
    List<Server> equal = List.of(Server.of("10.0.0.1", 11211), Server.of("10.0.0.2", 11211));
    Ring withWeights = selector.ring(weighted, Map.of("compat", "libmemcached"));
    Ring withoutWeights = selector.ring(equal, Map.of("compat", "libmemcached"));
    assertThat(withWeights.traits()).doesNotContain(Trait.WEIGHTED);
    assertThat(withWeights.servers()).isEqualTo(weighted);
    for (int i = 0; i < 2_000; i++) {
      String key = "key:" + i;
      assertThat(withWeights.primary(key).address())
          .isEqualTo(withoutWeights.primary(key).address());
    }
  }

  @Test
  void spymemcached_refusesWeights_becauseItHasNone() {
    List<Server> servers = List.of(Server.of("10.0.0.1", 11211, 3), Server.of("10.0.0.2", 11211));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> selector.ring(servers, Map.of("compat", "spymemcached")))
        .withMessage(
            "weight must be 1 for selector modulo with compat=spymemcached, because spymemcached's"
                + " ArrayModNodeLocator has no weights (use compat=native or compat=twemproxy"
                + " for weights): 3 (server 10.0.0.1:11211)");
  }

  @Test
  void totalWeight_beyondTheSlotLimit_isRefusedBeforeAllocating() {
    List<Server> servers = new ArrayList<>();
    for (Server server : Topologies.servers(65)) {
      servers.add(server.withWeight(Server.MAX_WEIGHT));
    }
    assertThatIllegalArgumentException()
        .isThrownBy(() -> selector.ring(servers, Map.of("compat", "twemproxy")))
        .withMessage(
            "total weight of the servers must be at most 4194304 for selector modulo with"
                + " compat=twemproxy (one slot per unit of weight): 4259775 over 65 servers");
    // 64 servers of the largest weight fit.
    assertThat(selector.ring(servers.subList(0, 64)).servers()).hasSize(64);
  }

  @Test
  void clientProfile_refusesAHashTheClientDoesNotHave() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                selector.ring(
                    Topologies.servers(2), Map.of("compat", "spymemcached", "hash", "murmur")))
        .withMessage(
            "option 'hash' of selector modulo with compat=spymemcached: spymemcached has no hash"
                + " 'murmur'; accepted: native, crc, fnv1_64, fnv1a_64, fnv1_32, fnv1a_32, md5");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                selector.ring(
                    Topologies.servers(2), Map.of("compat", "libmemcached", "hash", "md6")))
        .withMessage(
            "option 'hash' of selector modulo with compat=libmemcached: libmemcached has no hash"
                + " 'md6'; accepted: default, one_at_a_time, md5, crc, fnv1_64, fnv1a_64, fnv1_32,"
                + " fnv1a_32, hsieh, murmur, jenkins, murmur3 (did you mean 'md5'?)");
  }

  @Test
  void twemproxy_acceptsCrcForItsCrc32() {
    // nutcracker's "crc32" is libmemcached's 15-bit CRC, the registry's "crc".
    List<Server> servers = Topologies.servers(5);
    var crc32 = selector.ring(servers, Map.of("compat", "twemproxy", "hash", "crc32"));
    var crc = selector.ring(servers, Map.of("compat", "twemproxy", "hash", "crc"));
    for (String key : Topologies.keys(500, 5)) {
      assertThat(crc.primary(key)).isEqualTo(crc32.primary(key));
    }
  }

  @Test
  void native_refusesAnUnregisteredHash() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> selector.ring(Topologies.servers(2), Map.of("hash", "md6")))
        .withMessage(
            "option 'hash' of selector modulo with compat=native: no HashAlgorithm named 'md6';"
                + " available: crc, crc16, crc32a, fnv1_32, fnv1_64, fnv1a_32, fnv1a_64, hsieh,"
                + " jenkins, md5, murmur, murmur3, native, one_at_a_time (did you mean 'md5'?)");
  }

  @Test
  void serverList_isChecked() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> selector.ring(List.of()))
        .withMessage("servers must not be empty");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                selector.ring(List.of(Server.of("10.0.0.1", 11211), Server.of("10.0.0.1", 11211))))
        .withMessage(
            "duplicate server 10.0.0.1:11211 at positions 0 and 1: each memcached server may be"
                + " listed once");
    assertThatNullPointerException().isThrownBy(() -> selector.ring(null));
    assertThatNullPointerException().isThrownBy(() -> selector.ring(Topologies.servers(1), null));
  }

  @Test
  void ring_keepsItsOwnCopyOfTheList() {
    List<Server> servers = new ArrayList<>(Topologies.servers(3));
    var ring = selector.ring(servers);
    servers.clear();
    assertThat(ring.servers()).hasSize(3);
    assertThat(ring)
        .hasToString(
            "modulo compat=native hash=murmur3 over [10.0.0.1:11211, 10.0.0.2:11211, 10.0.0.3:11211]");
  }
}
