package dev.hashring.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelectors;
import dev.hashring.Trait;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The selector's options and the history's format: what is accepted, and the exact messages. */
class AnchorSelectorTest {

  private static final Server A = Server.parse("10.0.0.1:11211");
  private static final Server B = Server.parse("10.0.0.2:11211");
  private static final Server C = Server.parse("10.0.0.3:11211");
  private static final Server D = Server.parse("10.0.0.4:11211");

  private final AnchorSelector selector = new AnchorSelector();

  private Ring ring(List<Server> servers, String history) {
    return selector.ring(servers, Map.of("history", history));
  }

  private void assertRefused(List<Server> servers, String history, String message) {
    assertThatThrownBy(() -> ring(servers, history))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void optionsAfter_appendsTheChangeToTheHistory_asTheDocumentationSays() {
    Server a = Server.parse("10.0.0.1:11211");
    Server b = Server.parse("10.0.0.2:11211");
    Server c = Server.parse("10.0.0.3:11211");
    Server d = Server.parse("10.0.0.4:11211:2");
    AnchorSelector selector = new AnchorSelector();

    Map<String, String> afterB =
        selector.optionsAfter(List.of(a, b, c), List.of(a, c), Map.of("hash", "md5"));
    assertThat(afterB)
        .containsOnly(
            Map.entry("hash", "md5"),
            Map.entry(
                "history", "+10.0.0.1:11211,+10.0.0.2:11211,+10.0.0.3:11211,-10.0.0.2:11211"));
    Map<String, String> afterD = selector.optionsAfter(List.of(a, c), List.of(a, c, d), afterB);
    assertThat(afterD.get("history"))
        .isEqualTo(
            "+10.0.0.1:11211,+10.0.0.2:11211,+10.0.0.3:11211,-10.0.0.2:11211,+10.0.0.4:11211:2");
    Map<String, String> reweighted =
        selector.optionsAfter(List.of(a, c, d), List.of(a, c, d.withWeight(5)), afterD);
    assertThat(reweighted.get("history")).endsWith(",-10.0.0.4:11211,+10.0.0.4:11211:5");
    assertThat(selector.ring(List.of(a, c, d.withWeight(5)), reweighted).servers()).hasSize(3);
  }

  @Test
  void registry_findsTheSelectorByName() {
    assertThat(ServerSelectors.forName("anchor")).isInstanceOf(AnchorSelector.class);
    assertThat(selector.name()).isEqualTo("anchor");
    assertThat(selector).hasToString("ServerSelectors.forName(\"anchor\")");
    assertThat(selector.compatProfiles()).containsExactly("native");
    assertThat(selector.options().keySet()).containsExactly("history", "hash", "compat");
  }

  @Test
  void ring_claimsEveryTrait_andDescribesItself() {
    Ring ring =
        ring(List.of(A, C), "+10.0.0.1:11211,+10.0.0.2:11211,+10.0.0.3:11211,-10.0.0.2:11211");
    assertThat(ring.traits())
        .containsExactlyInAnyOrder(
            Trait.WEIGHTED, Trait.MINIMAL_DISRUPTION, Trait.FAILOVER_IS_REMOVAL);
    assertThat(ring)
        .hasToString(
            "anchor hash=xxh3_64, history of 4 events, 3 buckets (1 removed) over"
                + " [10.0.0.1:11211, 10.0.0.3:11211]");
    assertThat(selector.ring(List.of(A, B.withWeight(3)), Map.of("hash", "md5")))
        .hasToString(
            "anchor hash=md5, default history, 4 buckets (0 removed) over [10.0.0.1:11211,"
                + " 10.0.0.2:11211:3]");
  }

  @Test
  void history_toleratesWhiteSpaceAndLineBreaks_aroundEvents() {
    Ring compact =
        ring(List.of(A, C), "+10.0.0.1:11211,+10.0.0.2:11211,+10.0.0.3:11211,-10.0.0.2:11211");
    Ring spaced =
        ring(
            List.of(C, A),
            " +10.0.0.1:11211 ,\n\t+ 10.0.0.2:11211:1,\n +10.0.0.3:11211,  -10.0.0.2:11211 ");
    for (String key : Histories.keys(2_000, 20)) {
      assertThat(spaced.primary(key)).isEqualTo(compact.primary(key));
    }
  }

  @Test
  void history_acceptsIpv6HostNamesAndServerNames() {
    Server named = Server.parse("[::1]:11212:2 cache-b");
    Server host = Server.parse("cache-3.example.net:11211");
    Ring ring =
        ring(
            List.of(named, host),
            "+[::1]:11211,+[::1]:11212:2 cache-b,+cache-3.example.net:11211,-[::1]:11211");
    assertThat(ring.servers()).containsExactly(named, host);
    assertThat(ring.primary("k")).isIn(named, host);
  }

  @Test
  void history_mayEmptyTheRingOnTheWay() {
    Ring ring = ring(List.of(B), "+10.0.0.1:11211,-10.0.0.1:11211,+10.0.0.2:11211");
    assertThat(ring.primary("any")).isEqualTo(B);
    assertThat(ring)
        .hasToString(
            "anchor hash=xxh3_64, history of 3 events, 1 buckets (0 removed) over [10.0.0.2:11211]");
  }

  @Test
  void builtInXxh3_isTheRegisteredDefault_andNamedHashesWork() {
    Ring byDefault = selector.ring(List.of(A, B, C));
    Ring named = selector.ring(List.of(A, B, C), Map.of("hash", "xxh3_64", "compat", "native"));
    for (String key : Histories.keys(1_000, 21)) {
      assertThat(named.primary(key)).isEqualTo(byDefault.primary(key));
    }
    assertThat(selector.ring(List.of(A, B, C), Map.of("hash", "fnv1a_64")).toString())
        .startsWith("anchor hash=fnv1a_64,");
  }

  @Test
  void history_thatIsEmptyOrBlank_isRefused() {
    for (String history : new String[] {"", "  "}) {
      assertRefused(
          List.of(A),
          history,
          "option 'history' of selector anchor must list events +host:port[:weight][ name]"
              + " (added) and -host:port (removed), separated by commas: '"
              + history
              + "'");
    }
  }

  @Test
  void event_thatIsEmpty_isRefused_withItsNumber() {
    for (String history :
        new String[] {",+10.0.0.1:11211", "+10.0.0.1:11211,", "+10.0.0.1:11211,,+10.0.0.2:11211"}) {
      int number = history.startsWith(",") ? 1 : 2;
      assertRefused(
          List.of(A),
          history,
          "event "
              + number
              + " of option 'history' of selector anchor is empty: two commas in a row, or a"
              + " comma at the start or the end");
    }
  }

  @Test
  void event_withoutSign_isRefused() {
    assertRefused(
        List.of(A, B),
        "+10.0.0.1:11211,10.0.0.2:11211",
        "event 2 of option 'history' of selector anchor must be +host:port[:weight][ name]"
            + " (added) or -host:port (removed): '10.0.0.2:11211'");
  }

  @Test
  void event_withABadServerSpec_isRefused_withTheSpecsOwnMessage() {
    assertRefused(
        List.of(A),
        "+10.0.0.1",
        "event 1 of option 'history' of selector anchor: port missing in server spec '10.0.0.1'"
            + " (expected host:port[:weight][ name], for example 10.0.0.1:11211:2)");
    assertRefused(
        List.of(A),
        "+10.0.0.1:11211:0",
        "event 1 of option 'history' of selector anchor: weight must be between 1 and 65535: 0"
            + " (server spec '10.0.0.1:11211:0')");
  }

  @Test
  void removal_withAWeightOrName_isRefused() {
    assertRefused(
        List.of(B),
        "+10.0.0.1:11211:3,+10.0.0.2:11211,-10.0.0.1:11211:3",
        "event 3 of option 'history' of selector anchor must name only the address of the server"
            + " it removes: '-10.0.0.1:11211:3' (write -10.0.0.1:11211)");
    assertRefused(
        List.of(B),
        "+10.0.0.1:11211 x,+10.0.0.2:11211,-10.0.0.1:11211 x",
        "event 3 of option 'history' of selector anchor must name only the address of the server"
            + " it removes: '-10.0.0.1:11211 x' (write -10.0.0.1:11211)");
  }

  @Test
  void addingAServerThatIsIn_isRefused() {
    assertRefused(
        List.of(A),
        "+10.0.0.1:11211,+10.0.0.1:11211:2",
        "event 2 of option 'history' of selector anchor adds 10.0.0.1:11211:2, which event 1"
            + " added and no event removed since (to change its weight or name, remove it first:"
            + " -10.0.0.1:11211,+10.0.0.1:11211:2)");
  }

  @Test
  void removingAServerThatIsNotIn_isRefused() {
    assertRefused(
        List.of(A),
        "+10.0.0.1:11211,-10.0.0.2:11211",
        "event 2 of option 'history' of selector anchor removes 10.0.0.2:11211, which no event"
            + " before it adds");
    assertRefused(
        List.of(A),
        "+10.0.0.1:11211,+10.0.0.2:11211,-10.0.0.2:11211,-10.0.0.2:11211",
        "event 4 of option 'history' of selector anchor removes 10.0.0.2:11211, which event 3"
            + " removed already");
  }

  @Test
  void listAndHistory_thatDisagree_areRefused_namingTheServerAndWhatToAppend() {
    String prefix = "the server list and option 'history' of selector anchor disagree: ";
    assertRefused(
        List.of(A, B, C),
        "+10.0.0.1:11211,+10.0.0.2:11211",
        prefix
            + "10.0.0.3:11211 is in the list, but no event adds it (append +10.0.0.3:11211 to add"
            + " it)");
    assertRefused(
        List.of(A, B),
        "+10.0.0.1:11211,+10.0.0.2:11211,-10.0.0.2:11211",
        prefix
            + "10.0.0.2:11211 is in the list, but event 3 removed it (append +10.0.0.2:11211 to"
            + " add it back)");
    assertRefused(
        List.of(A.withWeight(2)),
        "+10.0.0.1:11211",
        prefix
            + "the list has 10.0.0.1:11211:2 where the history has 10.0.0.1:11211, added by event"
            + " 1 (to change weight or name, append -10.0.0.1:11211,+10.0.0.1:11211:2)");
    assertRefused(
        List.of(A),
        "+10.0.0.1:11211,+10.0.0.2:11211",
        prefix
            + "the history leaves 10.0.0.2:11211 in, added by event 2, but the list does not have"
            + " it (append -10.0.0.2:11211 to remove it)");
    assertRefused(
        List.of(C, D),
        "+10.0.0.1:11211,+10.0.0.2:11211",
        prefix
            + "10.0.0.3:11211 is in the list, but no event adds it (append +10.0.0.3:11211 to add"
            + " it); and 3 more differences");
  }

  @Test
  void serverName_withAComma_isRefused() {
    assertThatThrownBy(() -> selector.ring(List.of(A.withName("a,b"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "server name must not contain ',' for selector anchor, whose option 'history'"
                + " separates events with commas: 'a,b' (server 10.0.0.1:11211)");
  }

  @Test
  void history_ofMoreThan65536Events_isRefused_beforeItIsSplit() {
    StringBuilder history = new StringBuilder("+10.0.0.1:11211,+10.0.0.2:11211");
    for (int i = 0; i < 32_767; i++) {
      history.append(",-10.0.0.2:11211,+10.0.0.2:11211");
    }
    assertThat(ring(List.of(A, B), history.toString()).toString())
        .startsWith("anchor hash=xxh3_64, history of 65536 events, 2 buckets (0 removed)");
    assertRefused(
        List.of(A),
        history + ",-10.0.0.2:11211",
        "option 'history' of selector anchor may hold at most 65536 events: 65537 (a history that"
            + " long is better started afresh from the servers in use)");
  }

  @Test
  void bucketsInUse_beyond2To20_areRefused() {
    List<Server> servers = new ArrayList<>();
    StringBuilder history = new StringBuilder();
    for (int i = 1; i <= 17; i++) {
      Server server = Server.of("10.0.1." + i, 11211, 65535);
      servers.add(server);
      history.append(i == 1 ? "+" : ",+").append(server);
    }
    assertRefused(
        servers,
        history.toString(),
        "event 17 of option 'history' of selector anchor adds 10.0.1.17:11211:65535: at most"
            + " 1048576 buckets may be in use, live or removed, one per unit of weight, and this"
            + " would make 1114095");
    assertThatThrownBy(() -> selector.ring(servers))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "total weight of the servers must be at most 1048576 for selector anchor (one bucket"
                + " per unit of weight): 1114095 over 17 servers");
    // 16 of them, 1,048,560 buckets, are accepted.
    assertThat(selector.ring(servers.subList(0, 16)).primary("key")).isIn(servers);
  }

  @Test
  void bucketsAdded_beyond2To22InAll_areRefused() {
    StringBuilder history = new StringBuilder("+10.0.0.2:11211");
    for (int i = 0; i < 65; i++) {
      history.append(",+10.0.0.1:11211:65535,-10.0.0.1:11211");
    }
    assertRefused(
        List.of(B),
        history.toString(),
        "event 130 of option 'history' of selector anchor adds 10.0.0.1:11211:65535: the history"
            + " may add at most 4194304 buckets in all, one per unit of weight, and would add"
            + " 4259776 (a history that long is better started afresh from the servers in use)");
  }

  @Test
  void options_thatAreUnknownOrWrong_areRefused_byName() {
    assertThatThrownBy(() -> selector.ring(List.of(A), Map.of("histroy", "+10.0.0.1:11211")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown option 'histroy' for selector anchor (did you mean 'history'?); accepted:"
                + " compat, hash, history");
    assertThatThrownBy(() -> selector.ring(List.of(A), Map.of("compat", "guava")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("option 'compat' of selector anchor must be one of native: 'guava'");
    Map<String, String> nullHistory = new HashMap<>();
    nullHistory.put("history", null);
    assertThatThrownBy(() -> selector.ring(List.of(A), nullHistory))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value of option 'history'");
  }

  @Test
  void servers_isTheListGiven_inItsOrder() {
    List<Server> servers = new ArrayList<>(List.of(C, A));
    Ring ring = ring(servers, "+10.0.0.1:11211,+10.0.0.2:11211,+10.0.0.3:11211,-10.0.0.2:11211");
    Collections.reverse(servers);
    assertThat(ring.servers()).containsExactly(C, A);
  }
}
