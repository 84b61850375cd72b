package dev.hashring.tck;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.hashring.Server;
import dev.hashring.ServerSelector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The conformance tests every {@link ServerSelector} must pass: rules 1.1 to 2.4 of {@link Rule}.
 *
 * <p>A provider module runs them by extending this class in its tests:
 *
 * <pre>{@code
 * class KetamaTckTest extends ServerSelectorTck {
 *   @Override
 *   protected ServerSelector selector() {
 *     return new Ketama();
 *   }
 * }
 * }</pre>
 *
 * <p>Every rule runs once for each map of {@link #optionMaps()}; each run is one JUnit test named
 * after the rule and the options, such as {@code 1.4 failover lists every server exactly once, then
 * ends, with options {compat=libmemcached}}. Rules 2.x apply to rings that claim a trait: the test
 * asks each ring it builds, and is skipped with the reason when the ring does not claim it. A
 * failing test says which rule broke, what was expected, what happened, and what to check.
 *
 * <p>Rules 2.2 to 2.4 compare a ring with the ring of a list that has one server more or fewer. A
 * selector whose options carry state (a removal history, for example) is told the change through
 * {@link #optionsAfter}, which by default asks the selector's own {@link
 * ServerSelector#optionsAfter}.
 *
 * <p>Each rule runs in a daemon thread and fails when it takes longer than {@link #timeLimit()}, so
 * a provider that loops cannot hang the build; after that, the remaining rules of the same provider
 * fail at once. A correct provider takes well under a second per rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(RuleNames.class)
public abstract class ServerSelectorTck {

  private final Watchdog watchdog = new Watchdog();

  /** For subclasses. */
  protected ServerSelectorTck() {}

  /**
   * The selector under test. Called once for every rule and option map.
   *
   * @return the selector, for example {@code new Ketama()}
   */
  protected abstract ServerSelector selector();

  /**
   * The option maps to test the selector with; every rule runs once for each. Override to test each
   * compat profile or hash, for example {@code List.of(Map.of(), Map.of("compat",
   * "libmemcached"))}.
   *
   * @return at least one map; by default the empty map alone
   */
  protected List<Map<String, String>> optionMaps() {
    return List.of(Map.of());
  }

  /**
   * The options for the ring of {@code after}, given that the ring of {@code before} was built with
   * {@code options}: how the TCK tells a stateful selector what changed. Rules 2.2, 2.3 and 2.4,
   * and no other, build a ring, then the ring of a list with one server added or removed (rule 2.4:
   * removed one after another, each step from the list and options of the step before), and build
   * that second ring with the options this returns.
   *
   * <p>By default this is the selector's own {@link ServerSelector#optionsAfter}, which a selector
   * whose options carry state (a removal history) implements, and which keeps the options of every
   * other selector. Override it only to test other transitions than the selector's own, for example
   * histories of a different shape:
   *
   * <pre>{@code
   * @Override
   * protected Map<String, String> optionsAfter(
   *     List<Server> before, List<Server> after, Map<String, String> options) {
   *   return Map.of("history", AcmeHistory.next(options.get("history"), before, after));
   * }
   * }</pre>
   *
   * <p>The traits {@code MINIMAL_DISRUPTION} and {@code FAILOVER_IS_REMOVAL} are then checked for
   * the transitions this expresses. The runner ({@link TckRunner}, {@code hashring tck}) uses the
   * default.
   *
   * @param before the servers of the ring before the change, in order
   * @param after the servers of the ring after the change, in order
   * @param options the options the ring of {@code before} was built with
   * @return the options to build the ring of {@code after} with; by default {@code
   *     selector().optionsAfter(before, after, options)}
   */
  protected Map<String, String> optionsAfter(
      List<Server> before, List<Server> after, Map<String, String> options) {
    return selector().optionsAfter(before, after, options);
  }

  /**
   * How long one rule may take for one option map before it fails as hanging.
   *
   * @return 30 seconds by default
   */
  protected Duration timeLimit() {
    return Duration.ofSeconds(30);
  }

  @TestFactory
  @Verifies(Rule.SAME_KEY_SAME_SERVER)
  Stream<DynamicTest> sameKey_sameServer() {
    return forEachOptionMap(Rule.SAME_KEY_SAME_SERVER, BasicRingRules::sameKeySameServer);
  }

  @TestFactory
  @Verifies(Rule.ANSWERS_ARE_SERVERS)
  Stream<DynamicTest> everyAnswer_isOneOfServers() {
    return forEachOptionMap(Rule.ANSWERS_ARE_SERVERS, BasicRingRules::answersAreServers);
  }

  @TestFactory
  @Verifies(Rule.SERVERS_ARE_FIXED)
  Stream<DynamicTest> servers_cannotBeChanged() {
    return forEachOptionMap(Rule.SERVERS_ARE_FIXED, BasicRingRules::serversAreFixed);
  }

  @TestFactory
  @Verifies(Rule.FAILOVER_LISTS_EVERY_SERVER_ONCE)
  Stream<DynamicTest> failover_listsEveryServerOnceThenEnds() {
    return forEachOptionMap(
        Rule.FAILOVER_LISTS_EVERY_SERVER_ONCE, FailoverRules::listsEveryServerOnce);
  }

  @TestFactory
  @Verifies(Rule.FIRST_AVAILABLE_ASKS_EACH_SERVER_ONCE)
  Stream<DynamicTest> firstAvailable_asksEachServerAtMostOnce() {
    return forEachOptionMap(
        Rule.FIRST_AVAILABLE_ASKS_EACH_SERVER_ONCE, FailoverRules::firstAvailable);
  }

  @TestFactory
  @Verifies(Rule.STRING_KEYS_ARE_UTF8)
  Stream<DynamicTest> stringKeys_areTheirUtf8Bytes() {
    return forEachOptionMap(Rule.STRING_KEYS_ARE_UTF8, BasicRingRules::stringKeysAreUtf8);
  }

  @TestFactory
  @Verifies(Rule.EQUAL_WEIGHTS_BALANCE)
  Stream<DynamicTest> equalWeights_giveBalancedShares() {
    return forEachOptionMap(Rule.EQUAL_WEIGHTS_BALANCE, ShareRules::equalWeightsBalance);
  }

  @TestFactory
  @Verifies(Rule.THREADS_SEE_THE_SAME_ANSWERS)
  Stream<DynamicTest> threads_seeWhatOneThreadSees() {
    return forEachOptionMap(
        Rule.THREADS_SEE_THE_SAME_ANSWERS, ConcurrencyRules::threadsSeeTheSameAnswers);
  }

  @TestFactory
  @Verifies(Rule.BAD_INPUT_IS_REJECTED)
  Stream<DynamicTest> badInput_isRejected() {
    return forEachOptionMap(Rule.BAD_INPUT_IS_REJECTED, BasicRingRules::badInputIsRejected);
  }

  @TestFactory
  @Verifies(Rule.LOOKUPS_ALLOCATE_NOTHING)
  Stream<DynamicTest> lookups_allocateNothing() {
    return forEachOptionMap(Rule.LOOKUPS_ALLOCATE_NOTHING, AllocationRules::lookupsAllocateNothing);
  }

  @TestFactory
  @Verifies(Rule.SHARES_FOLLOW_WEIGHTS)
  Stream<DynamicTest> weighted_sharesFollowWeights() {
    return forEachOptionMap(Rule.SHARES_FOLLOW_WEIGHTS, ShareRules::sharesFollowWeights);
  }

  @TestFactory
  @Verifies(Rule.ADDING_MOVES_KEYS_ONLY_TO_THE_NEW_SERVER)
  Stream<DynamicTest> minimalDisruption_addingMovesKeysOnlyToTheNewServer() {
    return forEachOptionMap(
        Rule.ADDING_MOVES_KEYS_ONLY_TO_THE_NEW_SERVER,
        ShareRules::addingMovesKeysOnlyToTheNewServer);
  }

  @TestFactory
  @Verifies(Rule.REMOVING_MOVES_ONLY_THE_REMOVED_SERVERS_KEYS)
  Stream<DynamicTest> minimalDisruption_removingMovesOnlyItsKeys() {
    return forEachOptionMap(
        Rule.REMOVING_MOVES_ONLY_THE_REMOVED_SERVERS_KEYS,
        ShareRules::removingMovesOnlyTheRemovedServersKeys);
  }

  @TestFactory
  @Verifies(Rule.FAILOVER_IS_REMOVAL)
  Stream<DynamicTest> failoverIsRemoval_secondServerIsThePrimaryWithoutTheFirst() {
    return forEachOptionMap(Rule.FAILOVER_IS_REMOVAL, FailoverRules::failoverIsRemoval);
  }

  /** A check of one rule for one selector and option map. */
  private interface Check {
    void run(SelectorUnderTest subject) throws Exception;
  }

  private Stream<DynamicTest> forEachOptionMap(Rule rule, Check check) {
    List<Map<String, String>> maps = optionMaps();
    if (maps == null || maps.isEmpty()) {
      throw new IllegalStateException(
          getClass().getName() + ".optionMaps() must list at least one option map: " + maps);
    }
    return maps.stream()
        .map(
            options ->
                dynamicTest(
                    rule + ", with " + Describe.options(options), () -> run(rule, options, check)));
  }

  private void run(Rule rule, Map<String, String> options, Check check) {
    Trace trace = new Trace(getClass().getName() + " with " + Describe.options(options));
    trace.call(getClass().getSimpleName() + ".selector()", null);
    watchdog.run(
        rule,
        trace,
        timeLimit(),
        () -> {
          ServerSelector selector = selector();
          if (selector == null) {
            throw Violation.of(rule, trace)
                .expected("selector() to return the selector under test")
                .actual("it returned null")
                .build();
          }
          check.run(new SelectorUnderTest(rule, selector, options, trace, this::optionsAfter));
        });
  }
}
