package dev.hashring.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.HashAlgorithm;
import dev.hashring.ServerSelector;
import dev.hashring.tck.TckReport.Outcome;
import dev.hashring.tck.TckReport.ProviderResult;
import dev.hashring.tck.TckReport.RuleResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TckReportTest {

  private static final ProviderResult SELECTOR =
      new ProviderResult(
          ServerSelector.class,
          "demo",
          "com.example.Demo",
          "/jars/demo.jar",
          Map.of("compat", "native"),
          List.of(
              new RuleResult(Rule.SAME_KEY_SAME_SERVER, "1.1 ...", Outcome.PASSED, ""),
              new RuleResult(
                  Rule.FAILOVER_LISTS_EVERY_SERVER_ONCE,
                  "1.4 ...",
                  Outcome.FAILED,
                  "Rule 1.4 violated: failover lists every server exactly once, then ends\n"
                      + "  actual:   it went on"),
              new RuleResult(
                  Rule.SHARES_FOLLOW_WEIGHTS,
                  "2.1 ...",
                  Outcome.SKIPPED,
                  "ring does not claim WEIGHTED")));

  private static final ProviderResult HASH =
      new ProviderResult(
          HashAlgorithm.class,
          "demo64",
          "com.example.Demo64",
          "/jars/demo.jar",
          Map.of(),
          List.of(new RuleResult(Rule.EQUAL_CONTENT_EQUAL_HASH, "3.1 ...", Outcome.PASSED, "")));

  @Test
  void text_listsEveryRuleOfEveryProvider_thenProblems_thenTheVerdict() {
    TckReport report =
        new TckReport(
            List.of(SELECTOR, HASH), List.of("com.example.Broken (/jars/demo.jar): boom"));

    assertThat(report.passed()).isFalse();
    assertThat(report.text())
        .isEqualTo(
            "ServerSelector 'demo' (com.example.Demo, /jars/demo.jar) with options"
                + " {compat=native}: FAILED\n"
                + "  passed   1.1 the same key gives the same server\n"
                + "  FAILED   1.4 failover lists every server exactly once, then ends\n"
                + "           Rule 1.4 violated: failover lists every server exactly once, then"
                + " ends\n"
                + "             actual:   it went on\n"
                + "  skipped  2.1 a server's share of keys follows its weight\n"
                + "           ring does not claim WEIGHTED\n"
                + "\n"
                + "HashAlgorithm 'demo64' (com.example.Demo64, /jars/demo.jar): passed\n"
                + "  passed   3.1 equal bytes give equal hashes\n"
                + "\n"
                + "Problems:\n"
                + "  com.example.Broken (/jars/demo.jar): boom\n"
                + "\n"
                + "FAILED: 2 providers, 4 rule checks: 2 passed, 1 failed (in 1 of 2 providers),"
                + " 1 skipped (trait not claimed); 1 problem loading providers\n");
  }

  @Test
  void passes_onlyWithProviders_noFailures_andNoProblems() {
    assertThat(new TckReport(List.of(HASH), List.of()).passed()).isTrue();
    assertThat(new TckReport(List.of(HASH), List.of()).text())
        .endsWith(
            "PASSED: 1 provider, 1 rule checks: 1 passed, 0 failed, 0 skipped (trait not claimed)\n");
    assertThat(new TckReport(List.of(), List.of()).passed()).isFalse();
    assertThat(new TckReport(List.of(HASH), List.of("a problem")).passed()).isFalse();
    assertThat(new TckReport(List.of(SELECTOR, HASH), List.of()).passed()).isFalse();
  }
}
