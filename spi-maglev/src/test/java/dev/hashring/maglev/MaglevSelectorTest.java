package dev.hashring.maglev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hashring.Server;
import dev.hashring.ServerSelector;
import dev.hashring.ServerSelectors;
import dev.hashring.Trait;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaglevSelectorTest {

  private final ServerSelector selector = new MaglevSelector();
  private final List<Server> five = MaglevRingTest.servers(5);

  @Test
  void isFoundByName_onTheModulePathAndTheClassPath() {
    ServerSelector found = ServerSelectors.forName("maglev");
    assertThat(found).isInstanceOf(MaglevSelector.class);
    assertThat(found.name()).isEqualTo("maglev");
  }

  @Test
  void describesItsOptionsAndProfiles() {
    assertThat(selector.compatProfiles()).containsExactly("native");
    assertThat(selector.options()).containsOnlyKeys("table", "compat");
    assertThat(selector.options().get("table")).contains("65537").contains("prime");
  }

  @Test
  void claimsWeighted_only() {
    assertThat(selector.ring(five).traits()).containsExactly(Trait.WEIGHTED);
  }

  @Test
  void table_defaultsTo65537_andTakesAnyPrimeThatFits() {
    assertThat(((MaglevRing) selector.ring(five)).size()).isEqualTo(65537);
    assertThat(((MaglevRing) selector.ring(five, Map.of("table", "503"))).size()).isEqualTo(503);
    assertThat(((MaglevRing) selector.ring(five, Map.of("table", "5000011"))).size())
        .isEqualTo(5000011);
  }

  @Test
  void table_thatIsNotPrime_isRefused_withTheNextPrime() {
    assertThatThrownBy(() -> selector.ring(five, Map.of("table", "1000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "option 'table' of selector maglev must be a prime number: '1000' (the next prime is"
                + " 1009)");
    assertThatThrownBy(() -> selector.ring(five, Map.of("table", "65536")))
        .hasMessage(
            "option 'table' of selector maglev must be a prime number: '65536' (the next prime is"
                + " 65537)");
  }

  @Test
  void table_belowOneHundredPerServer_isRefused_withAPrimeThatFits() {
    assertThatThrownBy(() -> selector.ring(five, Map.of("table", "401")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "option 'table' of selector maglev must be at least 100 x servers = 500 for 5"
                + " servers: '401' (the smallest prime that fits is 503)");
  }

  @Test
  void table_thatIsNotANumberOrTooLarge_isRefused() {
    assertThatThrownBy(() -> selector.ring(five, Map.of("table", "big")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "option 'table' of selector maglev must be an integer from 1 to 5000011: 'big'");
    assertThatThrownBy(() -> selector.ring(five, Map.of("table", "5000077")))
        .hasMessage(
            "option 'table' of selector maglev must be an integer from 1 to 5000011: '5000077'");
  }

  @Test
  void serversThatNeedMoreThanTheDefaultTable_mustSetIt() {
    List<Server> many = MaglevRingTest.servers(700);
    assertThatThrownBy(() -> selector.ring(many))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "selector maglev needs a table of at least 100 x servers = 70000 slots for 700"
                + " servers, more than the default 65537: set option 'table' to a prime such as"
                + " 70001");
    assertThat(selector.ring(many, Map.of("table", "70001")).servers()).hasSize(700);
  }

  @Test
  void moreServersThanTheLargestTableHolds_areRefused() {
    List<Server> tooMany = MaglevRingTest.servers(50_001);
    assertThatThrownBy(() -> selector.ring(tooMany, Map.of("table", "5000011")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "selector maglev places at most 50000 servers (a table of at most 5000011 slots, 100"
                + " per server): 50001 servers");
  }

  @Test
  void unknownOptionsAndCompat_areRefused() {
    assertThatThrownBy(() -> selector.ring(five, Map.of("tabel", "503")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown option 'tabel' for selector maglev (did you mean 'table'?); accepted:"
                + " compat, table");
    assertThatThrownBy(() -> selector.ring(five, Map.of("compat", "envoy")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("option 'compat' of selector maglev must be one of native: 'envoy'");
  }

  @Test
  void aNameEqualToAnotherServersAddress_isRefused() {
    List<Server> servers =
        List.of(
            Server.of("10.0.0.1", 11211), Server.of("10.0.0.2", 11211).withName("10.0.0.1:11211"));
    assertThatThrownBy(() -> selector.ring(servers))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "servers at positions 0 and 1 have the same identity '10.0.0.1:11211' (the name if"
                + " given, else host:port), so maglev cannot tell them apart: 10.0.0.1:11211,"
                + " 10.0.0.2:11211 10.0.0.1:11211");
  }

  @Test
  void badServerListsAndKeys_areRefused() {
    assertThatThrownBy(() -> selector.ring(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("servers must not be empty");
    assertThatThrownBy(() -> selector.ring(null)).isInstanceOf(NullPointerException.class);
    var ring = selector.ring(five);
    assertThatThrownBy(() -> ring.primary((byte[]) null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ring.primary((String) null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ring.failover((byte[]) null)).isInstanceOf(NullPointerException.class);
  }
}
