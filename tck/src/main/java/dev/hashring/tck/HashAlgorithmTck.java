package dev.hashring.tck;

import dev.hashring.HashAlgorithm;
import java.time.Duration;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The conformance tests every {@link HashAlgorithm} must pass: rules 3.1 to 3.10 of {@link Rule}.
 *
 * <p>A provider module runs them by extending this class in its tests:
 *
 * <pre>{@code
 * class Xxh3TckTest extends HashAlgorithmTck {
 *   @Override
 *   protected HashAlgorithm algorithm() {
 *     return new Xxh3();
 *   }
 * }
 * }</pre>
 *
 * <p>Each test is named after its rule. A failing test says which rule broke, what was expected,
 * what happened, and what to check. Each rule runs in a daemon thread and fails when it takes
 * longer than {@link #timeLimit()}, so an algorithm that loops cannot hang the build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(RuleNames.class)
public abstract class HashAlgorithmTck {

  private final Watchdog watchdog = new Watchdog();

  /** For subclasses. */
  protected HashAlgorithmTck() {}

  /**
   * The algorithm under test. Called once for every rule.
   *
   * @return the algorithm, for example {@code new Xxh3()}
   */
  protected abstract HashAlgorithm algorithm();

  /**
   * How long one rule may take before it fails as hanging.
   *
   * @return 30 seconds by default
   */
  protected Duration timeLimit() {
    return Duration.ofSeconds(30);
  }

  @Test
  @Verifies(Rule.EQUAL_CONTENT_EQUAL_HASH)
  void equalBytes_giveEqualHashes() {
    check(Rule.EQUAL_CONTENT_EQUAL_HASH, HashRules::equalContentEqualHash);
  }

  @Test
  @Verifies(Rule.SLICE_HASHES_LIKE_ITS_COPY)
  void slice_hashesLikeItsCopy() {
    check(Rule.SLICE_HASHES_LIKE_ITS_COPY, HashRules::sliceHashesLikeItsCopy);
  }

  @Test
  @Verifies(Rule.INPUT_IS_NOT_MODIFIED)
  void hashing_doesNotModifyTheKey() {
    check(Rule.INPUT_IS_NOT_MODIFIED, HashRules::inputIsNotModified);
  }

  @Test
  @Verifies(Rule.VALUES_FIT_THE_WIDTH)
  void values_fitTheWidth() {
    check(Rule.VALUES_FIT_THE_WIDTH, HashRules::valuesFitTheWidth);
  }

  @Test
  @Verifies(Rule.STRING_HASH_IS_UTF8_HASH)
  void stringKeys_hashAsTheirUtf8Bytes() {
    check(Rule.STRING_HASH_IS_UTF8_HASH, HashRules::stringHashIsUtf8Hash);
  }

  @Test
  @Verifies(Rule.HASHING_IS_THREAD_SAFE)
  void threads_seeTheHashesOneThreadSees() {
    check(Rule.HASHING_IS_THREAD_SAFE, HashRules::hashingIsThreadSafe);
  }

  @Test
  @Verifies(Rule.HASH_REJECTS_BAD_INPUT)
  void badInput_isRejected() {
    check(Rule.HASH_REJECTS_BAD_INPUT, HashRules::rejectsBadInput);
  }

  @Test
  @Verifies(Rule.SIMILAR_KEYS_DO_NOT_COLLIDE)
  void similarKeys_doNotCollide() {
    check(Rule.SIMILAR_KEYS_DO_NOT_COLLIDE, HashRules::similarKeysDoNotCollide);
  }

  @Test
  @Verifies(Rule.BITS_ARE_BALANCED)
  void everyBit_isSetForAboutHalfTheKeys() {
    check(Rule.BITS_ARE_BALANCED, HashRules::bitsAreBalanced);
  }

  @Test
  @Verifies(Rule.HASHING_ALLOCATES_NOTHING)
  void hashing_allocatesNothing() {
    check(Rule.HASHING_ALLOCATES_NOTHING, AllocationRules::hashingAllocatesNothing);
  }

  /** A check of one rule for one algorithm. */
  private interface Check {
    void run(AlgorithmUnderTest subject) throws Exception;
  }

  private void check(Rule rule, Check check) {
    Trace trace = new Trace(getClass().getName());
    trace.call(getClass().getSimpleName() + ".algorithm()", null);
    watchdog.run(
        rule,
        trace,
        timeLimit(),
        () -> {
          HashAlgorithm algorithm = algorithm();
          if (algorithm == null) {
            throw Violation.of(rule, trace)
                .expected("algorithm() to return the algorithm under test")
                .actual("it returned null")
                .build();
          }
          check.run(new AlgorithmUnderTest(rule, algorithm, trace));
        });
  }
}
