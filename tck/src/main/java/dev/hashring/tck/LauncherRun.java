package dev.hashring.tck;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.hashring.HashAlgorithm;
import dev.hashring.ServerSelector;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.opentest4j.TestAbortedException;

/**
 * Runs the rules for one provider instance with the JUnit Platform Launcher, in the calling thread,
 * and collects one {@link TckReport.RuleResult} per rule.
 *
 * <p>The launcher instantiates the test class itself, so the provider reaches it through a registry
 * of targets: the run stores the provider under a fresh token, passes the token as a configuration
 * parameter, and an extension hands the provider to the test instance.
 */
final class LauncherRun {

  static final String TARGET_PARAMETER = "dev.hashring.tck.target";

  private static final Map<String, Target> TARGETS = new ConcurrentHashMap<>();
  private static final Map<String, Rule> RULES_BY_METHOD = rulesByMethod();

  /**
   * A provider, the options to check it with, and the time limit per rule.
   *
   * @param provider the selector or hash algorithm
   * @param options the selector options; empty for hash algorithms
   * @param timeLimit how long one rule may take
   */
  private record Target(Object provider, Map<String, String> options, Duration timeLimit) {}

  private LauncherRun() {}

  /** Rules 1.1 to 2.4 for {@code selector} with {@code options}. */
  static List<TckReport.RuleResult> selector(
      ServerSelector selector, Map<String, String> options, Duration timeLimit) {
    return run(
        SelectorTarget.class,
        new Target(selector, Map.copyOf(options), timeLimit),
        Arrays.stream(Rule.values()).filter(rule -> !rule.isHashAlgorithmRule()).toList());
  }

  /** Rules 3.1 to 3.10 for {@code algorithm}. */
  static List<TckReport.RuleResult> hashAlgorithm(HashAlgorithm algorithm, Duration timeLimit) {
    return run(
        HashTarget.class,
        new Target(algorithm, Map.of(), timeLimit),
        Arrays.stream(Rule.values()).filter(Rule::isHashAlgorithmRule).toList());
  }

  private static List<TckReport.RuleResult> run(
      Class<?> testClass, Target target, List<Rule> rules) {
    String token = UUID.randomUUID().toString();
    TARGETS.put(token, target);
    try {
      LauncherDiscoveryRequest request =
          LauncherDiscoveryRequestBuilder.request()
              .selectors(selectClass(testClass))
              .filters(EngineFilter.includeEngines("junit-jupiter"))
              .enableImplicitConfigurationParameters(false)
              .configurationParameter(TARGET_PARAMETER, token)
              .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
              .build();
      Launcher launcher =
          LauncherFactory.create(
              LauncherConfig.builder()
                  .enableTestExecutionListenerAutoRegistration(false)
                  .enableLauncherSessionListenerAutoRegistration(false)
                  .enableLauncherDiscoveryListenerAutoRegistration(false)
                  .enablePostDiscoveryFilterAutoRegistration(false)
                  .build());
      Collector collector = new Collector(testClass.getSuperclass());
      launcher.execute(request, collector);
      return collector.results(rules);
    } finally {
      TARGETS.remove(token);
    }
  }

  private static Map<String, Rule> rulesByMethod() {
    Map<String, Rule> rules = new HashMap<>();
    for (Class<?> tck : List.of(ServerSelectorTck.class, HashAlgorithmTck.class)) {
      for (Method method : tck.getDeclaredMethods()) {
        Verifies verifies = method.getAnnotation(Verifies.class);
        if (verifies != null) {
          rules.put(tck.getName() + "#" + method.getName(), verifies.value());
        }
      }
    }
    return Map.copyOf(rules);
  }

  /** Collects what the launcher reports, by rule. */
  private static final class Collector implements TestExecutionListener {

    private final Map<Rule, List<TckReport.RuleResult>> byRule = new EnumMap<>(Rule.class);
    private final List<String> errors = new ArrayList<>();
    private final Class<?> tck;
    private TestPlan plan;

    /**
     * @param tck {@code ServerSelectorTck.class} or {@code HashAlgorithmTck.class}
     */
    Collector(Class<?> tck) {
      this.tck = tck;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
      this.plan = testPlan;
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
      ruleOf(identifier)
          .ifPresent(
              rule ->
                  add(rule, identifier, TckReport.Outcome.SKIPPED, reason == null ? "" : reason));
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
      Optional<Rule> rule = ruleOf(identifier);
      String message = result.getThrowable().map(Collector::message).orElse("");
      if (rule.isEmpty()) {
        if (result.getStatus() == TestExecutionResult.Status.FAILED) {
          errors.add(identifier.getDisplayName() + ": " + message);
        }
        return;
      }
      switch (result.getStatus()) {
        case SUCCESSFUL:
          if (identifier.isTest()) {
            add(rule.get(), identifier, TckReport.Outcome.PASSED, "");
          }
          break;
        case ABORTED:
          add(rule.get(), identifier, TckReport.Outcome.SKIPPED, message);
          break;
        default:
          add(rule.get(), identifier, TckReport.Outcome.FAILED, message);
          break;
      }
    }

    private void add(
        Rule rule, TestIdentifier identifier, TckReport.Outcome outcome, String message) {
      byRule
          .computeIfAbsent(rule, key -> new ArrayList<>())
          .add(new TckReport.RuleResult(rule, identifier.getDisplayName(), outcome, message));
    }

    /** The rule of a test, or of the test factory that made it. */
    private Optional<Rule> ruleOf(TestIdentifier identifier) {
      for (TestIdentifier at = identifier; at != null; ) {
        Optional<TestSource> source = at.getSource();
        if (source.isPresent() && source.get() instanceof MethodSource) {
          MethodSource method = (MethodSource) source.get();
          Rule rule = RULES_BY_METHOD.get(tck.getName() + "#" + method.getMethodName());
          if (rule != null) {
            return Optional.of(rule);
          }
        }
        at = plan == null ? null : plan.getParent(at).orElse(null);
      }
      return Optional.empty();
    }

    private static String message(Throwable thrown) {
      if (thrown instanceof Violation) {
        return thrown.getMessage();
      }
      if (thrown instanceof TestAbortedException) {
        return String.valueOf(thrown.getMessage());
      }
      StringBuilder text = new StringBuilder(Describe.thrown(thrown));
      for (Throwable cause = thrown.getCause();
          cause != null && cause != thrown;
          cause = cause.getCause()) {
        text.append("\ncaused by ").append(Describe.thrown(cause));
        if (cause.getCause() == cause) {
          break;
        }
      }
      return text.toString();
    }

    /** One result per rule: a failure if any run failed, else a skip if any was skipped. */
    List<TckReport.RuleResult> results(List<Rule> rules) {
      List<TckReport.RuleResult> results = new ArrayList<>();
      for (Rule rule : rules) {
        List<TckReport.RuleResult> seen = byRule.getOrDefault(rule, List.of());
        Optional<TckReport.RuleResult> worst =
            seen.stream()
                .filter(result -> result.outcome() == TckReport.Outcome.FAILED)
                .findFirst()
                .or(
                    () ->
                        seen.stream()
                            .filter(result -> result.outcome() == TckReport.Outcome.SKIPPED)
                            .findFirst())
                .or(() -> seen.stream().findFirst());
        results.add(
            worst.orElseGet(
                () ->
                    new TckReport.RuleResult(
                        rule,
                        rule.toString(),
                        TckReport.Outcome.FAILED,
                        "the rule did not run"
                            + (errors.isEmpty() ? "" : ": " + String.join("; ", errors)))));
      }
      return results;
    }
  }

  /** Hands the provider of the current run to the test instance. */
  static final class Bind implements TestInstancePostProcessor {

    @Override
    public void postProcessTestInstance(Object instance, ExtensionContext context) {
      String token =
          context
              .getConfigurationParameter(TARGET_PARAMETER)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          instance.getClass().getName()
                              + " checks providers for TckRunner and runs only from it"));
      Target target = TARGETS.get(token);
      if (target == null) {
        throw new IllegalStateException("no provider registered for this run: " + token);
      }
      ((Bound) instance).bind(target);
    }
  }

  /** A test class that receives its provider from {@link Bind}. */
  private interface Bound {
    void bind(Target target);
  }

  /** The selector rules, for the provider of the current run. */
  @ExtendWith(Bind.class)
  static final class SelectorTarget extends ServerSelectorTck implements Bound {

    private Target target;

    @Override
    public void bind(Target target) {
      this.target = target;
    }

    @Override
    protected ServerSelector selector() {
      return (ServerSelector) target.provider();
    }

    @Override
    protected List<Map<String, String>> optionMaps() {
      return List.of(target.options());
    }

    @Override
    protected Duration timeLimit() {
      return target.timeLimit();
    }
  }

  /** The hash algorithm rules, for the provider of the current run. */
  @ExtendWith(Bind.class)
  static final class HashTarget extends HashAlgorithmTck implements Bound {

    private Target target;

    @Override
    public void bind(Target target) {
      this.target = target;
    }

    @Override
    protected HashAlgorithm algorithm() {
      return (HashAlgorithm) target.provider();
    }

    @Override
    protected Duration timeLimit() {
      return target.timeLimit();
    }
  }
}
