package dev.hashring.tck;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.Server;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViolationTest {

  @Test
  void message_saysTheRuleTheSubjectWhatWasExpectedWhatHappenedAndWhatToCheck() {
    Trace trace = new Trace("selector 'demo' (com.example.Demo) with default options");
    trace.servers(List.of(Server.of("10.0.0.1", 11211), Server.of("cache-1.example.net", 22122)));
    Violation violation =
        Violation.of(Rule.FAILOVER_LISTS_EVERY_SERVER_ONCE, trace)
            .key("user:1".getBytes(UTF_8))
            .expected("two lines:\nthe second")
            .actual("what happened")
            .hint("look here first")
            .build();

    assertThat(violation)
        .hasMessage(
            "Rule 1.4 violated: failover lists every server exactly once, then ends\n"
                + "  subject:  selector 'demo' (com.example.Demo) with default options\n"
                + "  ring:     2 servers: 10.0.0.1:11211, cache-1.example.net:22122\n"
                + "  key:      \"user:1\"\n"
                + "  expected: two lines:\n"
                + "            the second\n"
                + "  actual:   what happened\n"
                + "  check:    look here first; a ring walk must skip servers it has already"
                + " yielded and stop after the last distinct one: never wrap around the ring a"
                + " second time, never yield the owner of every point");
  }

  @Test
  void keys_areShownQuotedWhenPrintable_escapedWhenNot_andAsHexWhenNotUtf8() {
    assertThat(Describe.key("caf\u00e9 \"x\"\\")).isEqualTo("\"caf\u00e9 \\\"x\\\"\\\\\"");
    assertThat(Describe.key("tab\there\ud800")).isEqualTo("\"tab\\u0009here\\ud800\"");
    assertThat(Describe.key("\ud83d\ude00".getBytes(UTF_8))).isEqualTo("\"\ud83d\ude00\"");
    assertThat(Describe.key(new byte[] {(byte) 0xff, 0x00, 0x41})).isEqualTo("0xff0041 (3 bytes)");
    assertThat(Describe.key("k".repeat(100)))
        .isEqualTo("\"" + "k".repeat(60) + "\"... (100 bytes)");
  }

  @Test
  void options_areSortedAndEmptyMeansDefault() {
    assertThat(Describe.options(Map.of())).isEqualTo("default options");
    assertThat(Describe.options(Map.of("hash", "md5", "compat", "twemproxy")))
        .isEqualTo("options {compat=twemproxy, hash=md5}");
  }
}
