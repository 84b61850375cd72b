package dev.hashring.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.hashring.Server;
import dev.hashring.ServerSelector;
import dev.hashring.tck.TckReport.Outcome;
import dev.hashring.tck.TckReport.RuleResult;
import dev.hashring.tck.reference.HistorySlots;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The hook {@link ServerSelectorTck#optionsAfter}: a stateful selector passes rules 2.2 to 2.4 with
 * it and fails them without it, and only those rules ask it, each about one server more or fewer.
 */
class OptionsAfterTest {

  /** Appends the change to the history, as an application of {@link HistorySlots} would. */
  static Map<String, String> appendChange(
      List<Server> before, List<Server> after, Map<String, String> options) {
    StringBuilder history = new StringBuilder();
    if (options.containsKey("history")) {
      history.append(options.get("history"));
    } else {
      for (Server server : before) {
        history.append(history.length() == 0 ? "+" : ",+").append(server.address());
      }
    }
    for (Server server : before) {
      if (!after.contains(server)) {
        history.append(",-").append(server.address());
      }
    }
    for (Server server : after) {
      if (!before.contains(server)) {
        history.append(",+").append(server.address());
      }
    }
    Map<String, String> next = new TreeMap<>(options);
    next.put("history", history.toString());
    return next;
  }

  /**
   * The stateful reference selector, told every change through the hook, which records the thread
   * (named after the rule) that asks it and the change.
   */
  static class HistorySlotsWithHook extends ServerSelectorTck {

    static final ConcurrentLinkedQueue<String> CALLS = new ConcurrentLinkedQueue<>();

    @Override
    protected ServerSelector selector() {
      return new HistorySlots();
    }

    @Override
    protected Map<String, String> optionsAfter(
        List<Server> before, List<Server> after, Map<String, String> options) {
      List<Server> added = new ArrayList<>(after);
      added.removeAll(before);
      List<Server> removed = new ArrayList<>(before);
      removed.removeAll(after);
      CALLS.add(
          Thread.currentThread().getName()
              + ": "
              + added.size()
              + " added, "
              + removed.size()
              + " removed, "
              + (after.size() - before.size())
              + " in size");
      return appendChange(before, after, options);
    }
  }

  @Test
  void statefulSelector_passesEveryRuleItClaims_withTheHook_whichOnlyTheChangeRulesAsk() {
    HistorySlotsWithHook.CALLS.clear();
    Map<String, TestExecutionResult> results = launch(HistorySlotsWithHook.class);
    results.forEach((name, result) -> System.out.println(result.getStatus() + " " + name));
    assertThat(results).hasSize(14);
    Map<String, String> outcomes =
        results.entrySet().stream()
            .collect(
                Collectors.toMap(
                    entry -> entry.getKey().substring(0, entry.getKey().indexOf(' ')),
                    entry -> entry.getValue().getStatus().toString(),
                    (a, b) -> a + " and " + b,
                    TreeMap::new));
    Map<String, String> expected = new TreeMap<>();
    for (Rule rule : Rule.values()) {
      if (!rule.isHashAlgorithmRule()) {
        expected.put(rule.number(), "SUCCESSFUL");
      }
    }
    // It refuses weights other than 1 and does not claim WEIGHTED.
    expected.put(Rule.SHARES_FOLLOW_WEIGHTS.number(), "ABORTED");
    assertThat(outcomes).isEqualTo(expected);
    TestExecutionResult weights =
        results.entrySet().stream()
            .filter(entry -> entry.getKey().startsWith("2.1 "))
            .findFirst()
            .orElseThrow()
            .getValue();
    assertThat(weights.getThrowable().orElseThrow().getMessage())
        .startsWith("ring does not claim WEIGHTED: ring(4 servers of weights 1, 2, 3, 4,");
    assertThat(new TreeSet<>(HistorySlotsWithHook.CALLS))
        .containsExactly(
            "hashring-tck rule 2.2: 1 added, 0 removed, 1 in size",
            "hashring-tck rule 2.3: 0 added, 1 removed, -1 in size",
            "hashring-tck rule 2.4: 0 added, 1 removed, -1 in size");
  }

  @Test
  void statefulSelector_failsExactlyTheChangeRules_withoutTheHook() {
    List<RuleResult> results =
        LauncherRun.selector(new HistorySlots(), Map.of(), Duration.ofSeconds(30));
    Set<String> failed = new TreeSet<>();
    for (RuleResult result : results) {
      System.out.println(result.outcome() + " " + result.name() + "\n    " + result.message());
      if (result.outcome() == Outcome.FAILED) {
        failed.add(result.rule().number());
        assertThat(result.message())
            .startsWith("Rule " + result.rule().number() + " violated: " + result.rule().title())
            .contains("\n  subject:  ", "\n  expected: ", "\n  actual:   ", "\n  check:    ")
            .contains("is told the change by the TCK subclass's optionsAfter");
      }
    }
    assertThat(failed).containsExactly("2.2", "2.3", "2.4");
    assertThat(message(results, Rule.ADDING_MOVES_KEYS_ONLY_TO_THE_NEW_SERVER))
        .contains("keys moved between servers that did not change");
    assertThat(message(results, Rule.REMOVING_MOVES_ONLY_THE_REMOVED_SERVERS_KEYS))
        .contains("keys moved between servers that did not change");
    assertThat(message(results, Rule.FAILOVER_IS_REMOVAL))
        .contains("to be the primary once", "but failover(key) yields");
  }

  private static String message(List<RuleResult> results, Rule rule) {
    return results.stream().filter(r -> r.rule() == rule).findFirst().orElseThrow().message();
  }

  /** Runs a TCK subclass with the JUnit Platform Launcher: each test's display name and result. */
  private static Map<String, TestExecutionResult> launch(Class<?> testClass) {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(testClass))
            .filters(EngineFilter.includeEngines("junit-jupiter"))
            .enableImplicitConfigurationParameters(false)
            .build();
    Launcher launcher =
        LauncherFactory.create(
            LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .build());
    Map<String, TestExecutionResult> results = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    launcher.execute(
        request,
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
            if (identifier.isTest()) {
              results.put(identifier.getDisplayName(), result);
            } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
              problems.add(identifier.getDisplayName() + ": " + result);
            }
          }
        });
    assertThat(problems).isEmpty();
    return results;
  }
}
