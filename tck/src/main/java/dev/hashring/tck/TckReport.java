package dev.hashring.tck;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link TckRunner} found: for each provider, the outcome of each rule, and the problems
 * that kept providers from being checked at all.
 *
 * <p>{@link #text()} is the report a command-line tool prints; {@link #passed()} is its exit
 * status.
 *
 * @param providers each provider checked, in the order checked
 * @param problems providers that could not be loaded or found, and jars that could not be read, one
 *     sentence each
 */
public record TckReport(List<ProviderResult> providers, List<String> problems) {

  /** How a rule ended for one provider. */
  public enum Outcome {
    /** The rule holds. */
    PASSED,
    /** The rule is broken; the message says how. */
    FAILED,
    /** The rule does not apply (a trait the ring does not claim); the message says why. */
    SKIPPED
  }

  /**
   * The outcome of one rule for one provider.
   *
   * @param rule the rule
   * @param name the test's name: the rule, and for selectors the options
   * @param outcome passed, failed or skipped
   * @param message for a failure, what was expected, what happened and what to check; for a skip,
   *     the reason; empty when passed
   */
  public record RuleResult(Rule rule, String name, Outcome outcome, String message) {

    /** Checks the parts. */
    public RuleResult {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * The rules checked for one provider.
   *
   * @param service {@code ServerSelector.class} or {@code HashAlgorithm.class}
   * @param name the provider's registry name
   * @param className the provider's class
   * @param source the jar or directory it was loaded from
   * @param options the selector options every rule ran with; empty for hash algorithms
   * @param results one result per rule, in rule order
   */
  public record ProviderResult(
      Class<?> service,
      String name,
      String className,
      String source,
      Map<String, String> options,
      List<RuleResult> results) {

    /** Copies the collections. */
    public ProviderResult {
      options = Map.copyOf(options);
      results = List.copyOf(results);
    }

    /**
     * Whether every rule that applies holds.
     *
     * @return {@code true} when at least one rule ran and none failed
     */
    public boolean passed() {
      return !results.isEmpty() && count(Outcome.FAILED) == 0;
    }

    /**
     * The number of rules with an outcome.
     *
     * @param outcome the outcome to count
     * @return how many rules ended that way
     */
    public long count(Outcome outcome) {
      return results.stream().filter(result -> result.outcome() == outcome).count();
    }
  }

  /** Copies the lists. */
  public TckReport {
    providers = List.copyOf(providers);
    problems = List.copyOf(problems);
  }

  /**
   * Whether every required rule passed: at least one provider was checked, every provider passed
   * every rule that applies to it, and no provider failed to load.
   *
   * @return the verdict; a command-line tool exits with 0 exactly when it is {@code true}
   */
  public boolean passed() {
    return !providers.isEmpty()
        && problems.isEmpty()
        && providers.stream().allMatch(ProviderResult::passed);
  }

  /**
   * The report as text: a line per rule and provider, failure messages and skip reasons indented
   * below, the problems, and a verdict.
   *
   * @return the report, ending with a line that starts with {@code PASSED} or {@code FAILED}
   */
  public String text() {
    StringBuilder text = new StringBuilder();
    for (ProviderResult provider : providers) {
      text.append(provider.service().getSimpleName()).append(" '").append(provider.name());
      text.append("' (").append(provider.className()).append(", ").append(provider.source());
      text.append(')');
      if (provider.service() != dev.hashring.HashAlgorithm.class) {
        text.append(" with ").append(Describe.options(provider.options()));
      }
      text.append(": ").append(provider.passed() ? "passed" : "FAILED").append('\n');
      for (RuleResult result : provider.results()) {
        String label =
            result.outcome() == Outcome.FAILED
                ? "FAILED "
                : result.outcome() == Outcome.SKIPPED ? "skipped" : "passed ";
        text.append("  ").append(label).append("  ").append(result.rule()).append('\n');
        if (!result.message().isEmpty()) {
          text.append(indent(result.message(), "           ")).append('\n');
        }
      }
      text.append('\n');
    }
    if (!problems.isEmpty()) {
      text.append("Problems:\n");
      for (String problem : problems) {
        text.append(indent(problem, "  ")).append('\n');
      }
      text.append('\n');
    }
    text.append(verdict());
    return text.toString();
  }

  private String verdict() {
    long rules = 0;
    long failed = 0;
    long skipped = 0;
    long failedProviders = 0;
    for (ProviderResult provider : providers) {
      rules += provider.results().size();
      failed += provider.count(Outcome.FAILED);
      skipped += provider.count(Outcome.SKIPPED);
      failedProviders += provider.passed() ? 0 : 1;
    }
    StringBuilder line = new StringBuilder(passed() ? "PASSED: " : "FAILED: ");
    if (providers.isEmpty()) {
      line.append("no provider was checked");
    } else {
      line.append(providers.size()).append(providers.size() == 1 ? " provider, " : " providers, ");
      line.append(rules)
          .append(" rule checks: ")
          .append(rules - failed - skipped)
          .append(" passed, ");
      line.append(failed).append(" failed");
      if (failed > 0) {
        line.append(" (in ").append(failedProviders).append(" of ").append(providers.size());
        line.append(providers.size() == 1 ? " provider)" : " providers)");
      }
      line.append(", ").append(skipped).append(" skipped (trait not claimed)");
    }
    if (!problems.isEmpty()) {
      line.append("; ").append(problems.size());
      line.append(problems.size() == 1 ? " problem" : " problems").append(" loading providers");
    }
    return line.append('\n').toString();
  }

  private static String indent(String message, String prefix) {
    return prefix + message.replace("\n", "\n" + prefix);
  }
}
