package dev.hashring.jump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Options, errors, traits and discovery of the jump selector. */
class JumpSelectorTest {

  private final JumpSelector selector = new JumpSelector();

  @Test
  void registry_findsJump() {
    assertThat(ServerSelectors.forName("jump")).isInstanceOf(JumpSelector.class);
    assertThat(selector.name()).isEqualTo("jump");
    assertThat(selector).hasToString("ServerSelectors.forName(\"jump\")");
    assertThat(selector.compatProfiles()).containsExactly("native", "guava");
    assertThat(selector.options()).containsOnlyKeys("compat", "hash");
  }

  @Test
  void guava_claimsNoTraits() {
    assertThat(selector.ring(Topologies.servers(3), Map.of("compat", "guava")).traits()).isEmpty();
  }

  @Test
  void unknownCompat_listsTheProfiles() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> selector.ring(Topologies.servers(2), Map.of("compat", "guave")))
        .withMessage(
            "option 'compat' of selector jump must be one of native, guava: 'guave' (did you mean"
                + " 'guava'?)");
  }

  @Test
  void unknownOption_listsTheAcceptedOnes() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> selector.ring(Topologies.servers(2), Map.of("compat", "guava", "seed", "1")))
        .withMessage(
            "unknown option 'seed' for selector jump with compat=guava; accepted: compat, hash");
  }

  @Test
  void guava_refusesWeights() {
    List<Server> servers = List.of(Server.of("10.0.0.1", 11211), Server.of("10.0.0.2", 11211, 2));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> selector.ring(servers, Map.of("compat", "guava")))
        .withMessage(
            "weight must be 1 for selector jump with compat=guava, which gives every server one"
                + " bucket (use compat=native for weights): 2 (server 10.0.0.2:11211)");
  }

  @Test
  void totalWeight_beyondTheBucketLimit_isRefusedBeforeAllocating() {
    List<Server> servers = new ArrayList<>();
    for (Server server : Topologies.servers(65)) {
      servers.add(server.withWeight(Server.MAX_WEIGHT));
    }
    assertThatIllegalArgumentException()
        .isThrownBy(() -> selector.ring(servers))
        .withMessage(
            "total weight of the servers must be at most 4194304 for selector jump with"
                + " compat=native (one bucket per unit of weight): 4259775 over 65 servers");
    assertThat(selector.ring(servers.subList(0, 64)).servers()).hasSize(64);
  }

  @Test
  void native_refusesAnUnregisteredHash() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> selector.ring(Topologies.servers(2), Map.of("hash", "xxh4")))
        .withMessage(
            "option 'hash' of selector jump with compat=native: no HashAlgorithm named 'xxh4';"
                + " available: crc, crc16, crc32a, fnv1_32, fnv1_64, fnv1a_32, fnv1a_64, hsieh,"
                + " jenkins, komihash5_0, md5, murmur, murmur3, native, one_at_a_time,"
                + " wyhash_final4, xxh3_64, xxh64 (did you mean 'xxh64'?)");
  }

  @Test
  void xxh3_isBuiltIn_andTheDefault() {
    List<Server> servers = Topologies.servers(7);
    Ring byDefault = selector.ring(servers);
    Ring named = selector.ring(servers, Map.of("compat", "native", "hash", "xxh3_64"));
    for (String key : Topologies.keys(1_000, 3)) {
      assertThat(named.primary(key)).isEqualTo(byDefault.primary(key));
    }
    assertThat(byDefault)
        .hasToString(
            "jump compat=native hash=xxh3_64 over [10.0.0.1:11211, 10.0.0.2:11211, 10.0.0.3:11211,"
                + " 10.0.0.4:11211, 10.0.0.5:11211, 10.0.0.6:11211, 10.0.0.7:11211]");
  }

  @Test
  void serverList_isChecked() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> selector.ring(List.of()))
        .withMessage("servers must not be empty");
    assertThatNullPointerException().isThrownBy(() -> selector.ring(null));
    assertThatNullPointerException().isThrownBy(() -> selector.ring(Topologies.servers(1), null));
    Ring ring = selector.ring(Topologies.servers(2));
    assertThatNullPointerException().isThrownBy(() -> ring.primary((byte[]) null));
    assertThatNullPointerException().isThrownBy(() -> ring.primary((String) null));
  }
}
