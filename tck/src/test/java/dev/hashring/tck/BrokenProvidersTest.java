package dev.hashring.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.HashAlgorithm;
import dev.hashring.ServerSelector;
import dev.hashring.tck.TckReport.Outcome;
import dev.hashring.tck.TckReport.RuleResult;
import dev.hashring.tck.broken.DefaultServerRing;
import dev.hashring.tck.broken.FixedPythonRing;
import dev.hashring.tck.broken.IdentityHash;
import dev.hashring.tck.broken.ModuloClaimingMinimalDisruption;
import dev.hashring.tck.broken.OriginalPythonRing;
import dev.hashring.tck.broken.PrimaryViaFailover;
import dev.hashring.tck.broken.RandomSelector;
import dev.hashring.tck.broken.SharedDigestRing;
import dev.hashring.tck.broken.SliceCopyingHash;
import dev.hashring.tck.broken.WholeArrayHash;
import dev.hashring.tck.reference.Fnv1a64;
import dev.hashring.tck.reference.WeightedRendezvous;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The TCK checked against providers that are wrong on purpose: each must fail the rule it breaks,
 * with a message that says the rule, what was expected, what happened and what to check, and the
 * run must finish. The reference providers must pass every rule.
 */
class BrokenProvidersTest {

  private static final Duration LIMIT = Duration.ofSeconds(30);

  private static List<RuleResult> check(ServerSelector selector) {
    List<RuleResult> results = LauncherRun.selector(selector, Map.of(), LIMIT);
    print(selector.name(), results);
    return results;
  }

  private static List<RuleResult> check(HashAlgorithm algorithm) {
    List<RuleResult> results = LauncherRun.hashAlgorithm(algorithm, LIMIT);
    print(algorithm.name(), results);
    return results;
  }

  private static void print(String name, List<RuleResult> results) {
    System.out.println("== " + name);
    for (RuleResult result : results) {
      System.out.println(result.outcome() + " " + result.name());
      if (!result.message().isEmpty()) {
        System.out.println("    " + result.message().replace("\n", "\n    "));
      }
    }
  }

  private static Set<String> failed(List<RuleResult> results) {
    return results.stream()
        .filter(result -> result.outcome() == Outcome.FAILED)
        .map(result -> result.rule().number())
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  private static RuleResult result(List<RuleResult> results, Rule rule) {
    return results.stream().filter(r -> r.rule() == rule).findFirst().orElseThrow();
  }

  /** A readable failure: the rule, the subject, what was expected, what happened, what to check. */
  private static void assertReadable(RuleResult result, String... fragments) {
    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.message())
        .startsWith("Rule " + result.rule().number() + " violated: " + result.rule().title())
        .contains("\n  subject:  ", "\n  expected: ", "\n  actual:   ", "\n  check:    ")
        .contains(fragments);
  }

  @Test
  void referenceSelector_passesEveryRule() {
    List<RuleResult> results = check(new WeightedRendezvous());
    assertThat(results).hasSize(14).allMatch(result -> result.outcome() == Outcome.PASSED);
  }

  @Test
  void referenceHash_passesEveryRule() {
    List<RuleResult> results = check(new Fnv1a64());
    assertThat(results).hasSize(10).allMatch(result -> result.outcome() == Outcome.PASSED);
  }

  @Test
  void originalPythonRing_failsFailoverAndFirstAvailable() {
    List<RuleResult> results = check(new OriginalPythonRing());
    assertThat(failed(results)).containsExactly("1.4", "1.5");
    assertReadable(
        result(results, Rule.FAILOVER_LISTS_EVERY_SERVER_ONCE),
        "the TCK reads no further than servers().size() + 1");
    assertReadable(
        result(results, Rule.FIRST_AVAILABLE_ASKS_EACH_SERVER_ONCE),
        "servers that are up: none",
        "again, as question");
    assertThat(result(results, Rule.SHARES_FOLLOW_WEIGHTS).outcome()).isEqualTo(Outcome.PASSED);
    assertThat(result(results, Rule.ADDING_MOVES_KEYS_ONLY_TO_THE_NEW_SERVER).message())
        .startsWith(
            "ring does not claim MINIMAL_DISRUPTION: a ring of 3 servers with weight 1 each");
  }

  @Test
  void fixedPythonRing_failsFailoverFirstAvailableAndWeights() {
    List<RuleResult> results = check(new FixedPythonRing());
    assertThat(failed(results)).containsExactly("1.4", "1.5", "2.1");
    assertReadable(result(results, Rule.FAILOVER_LISTS_EVERY_SERVER_ONCE), "came twice");
    assertReadable(
        result(results, Rule.SHARES_FOLLOW_WEIGHTS),
        "times its share; every server's keys (times its share):",
        "weight 4");
  }

  @Test
  void randomSelector_failsSameKeySameServer() {
    List<RuleResult> results = check(new RandomSelector());
    assertThat(failed(results)).contains("1.1", "1.4", "1.6", "1.8");
    assertReadable(result(results, Rule.SAME_KEY_SAME_SERVER), "the same");
  }

  @Test
  void moduloClaimingMinimalDisruption_failsOnlyTheDisruptionRules() {
    List<RuleResult> results = check(new ModuloClaimingMinimalDisruption());
    assertThat(failed(results)).containsExactly("2.2", "2.3");
    assertReadable(
        result(results, Rule.ADDING_MOVES_KEYS_ONLY_TO_THE_NEW_SERVER),
        "keys moved between servers that did not change");
    assertReadable(
        result(results, Rule.REMOVING_MOVES_ONLY_THE_REMOVED_SERVERS_KEYS),
        "keys moved between servers that did not change");
  }

  @Test
  void ringAnsweringADefaultServer_failsAnswersAreServers() {
    List<RuleResult> results = check(new DefaultServerRing());
    assertThat(failed(results)).containsExactly("1.2", "1.4");
    assertReadable(
        result(results, Rule.ANSWERS_ARE_SERVERS),
        "it answered 127.0.0.1:11211, which is not one of them");
  }

  @Test
  void ringSharingADigestBetweenThreads_failsOnlyThreadSafety() {
    List<RuleResult> results = check(new SharedDigestRing());
    assertThat(failed(results)).containsExactly("1.8");
    assertReadable(
        result(results, Rule.THREADS_SEE_THE_SAME_ANSWERS), "while another call was in progress");
  }

  @Test
  void ringWhosePrimaryBuildsTheFailoverSequence_failsOnlyLookupsAllocateNothing() {
    List<RuleResult> results = check(new PrimaryViaFailover());
    assertThat(failed(results)).containsExactly("1.10");
    assertReadable(
        result(results, Rule.LOOKUPS_ALLOCATE_NOTHING),
        "ring:     3 servers: ",
        "expected: primary(byte[]) to allocate nothing: at most 1,024 bytes in 100,000 calls, after"
            + " a warm-up of as many (one 16-byte object per call would be 1,600,000)",
        "actual:   100,000 calls allocated ",
        " bytes per call (the least of up to 10 rounds); per call by kind of key: realistic keys ",
        ", awkward UTF-8 keys ",
        ", random bytes ",
        "check:    look for what primary(byte[]) creates per call: boxing");
    assertThat(bytesPerCall(result(results, Rule.LOOKUPS_ALLOCATE_NOTHING)))
        .as("three arrays of 3 elements, a list and its iterator, at least 16 bytes each")
        .isGreaterThanOrEqualTo(5 * 16);
  }

  @Test
  void hashCopyingTheSlice_failsOnlyHashingAllocatesNothing() {
    List<RuleResult> results = check(new SliceCopyingHash());
    assertThat(failed(results)).containsExactly("3.10");
    assertReadable(
        result(results, Rule.HASHING_ALLOCATES_NOTHING),
        "expected: hash(key, offset, length) to allocate nothing: at most 1,024 bytes in 100,000"
            + " calls, after a warm-up of as many (one 16-byte object per call would be"
            + " 1,600,000)",
        "actual:   100,000 calls allocated ",
        "; per call by kind of key: realistic keys ",
        ", random bytes ",
        "check:    look for what hash(key, offset, length) creates per call: a copy of the slice");
    assertThat(bytesPerCall(result(results, Rule.HASHING_ALLOCATES_NOTHING)))
        .as("a byte[] header (16 bytes) and the key's bytes, 1 to 300 of them")
        .isGreaterThan(16);
  }

  /** The bytes per call a failure of rule 1.10 or 3.10 reports. */
  private static double bytesPerCall(RuleResult result) {
    java.util.regex.Matcher perCall =
        java.util.regex.Pattern.compile(" bytes, ([0-9.]+) bytes per call")
            .matcher(result.message());
    assertThat(perCall.find()).as(result.message()).isTrue();
    return Double.parseDouble(perCall.group(1));
  }

  @Test
  void selectorClaimingWeightedButRefusingWeights_failsTheWeightRules() {
    ServerSelector refusing =
        new ServerSelector() {
          private final WeightedRendezvous rendezvous = new WeightedRendezvous();

          @Override
          public String name() {
            return "refuses-weights";
          }

          @Override
          public dev.hashring.Ring ring(
              List<dev.hashring.Server> servers, Map<String, String> options) {
            dev.hashring.Ring ring = rendezvous.ring(servers, options);
            for (dev.hashring.Server server : servers) {
              if (server.weight() != 1) {
                throw new IllegalArgumentException("weight must be 1: " + server);
              }
            }
            return ring;
          }
        };
    List<RuleResult> results = check(refusing);
    assertThat(failed(results)).containsExactly("2.1", "2.2", "2.3", "2.4");
    assertReadable(
        result(results, Rule.SHARES_FOLLOW_WEIGHTS),
        "expected: a selector whose rings claim WEIGHTED to accept servers of weights 1, 2, 3, 4",
        "actual:   ring(...) threw java.lang.IllegalArgumentException: weight must be 1: ");
  }

  @Test
  void hashIgnoringOffsetAndLength_failsTheSliceRule() {
    List<RuleResult> results = check(new WholeArrayHash());
    assertThat(failed(results)).containsExactly("3.2", "3.5", "3.6", "3.7");
    assertReadable(result(results, Rule.SLICE_HASHES_LIKE_ITS_COPY), "to equal the hash of those");
  }

  @Test
  void hashOfTheArraysIdentity_failsEqualContentEqualHash() {
    List<RuleResult> results = check(new IdentityHash());
    assertThat(failed(results)).contains("3.1");
    assertReadable(
        result(results, Rule.EQUAL_CONTENT_EQUAL_HASH),
        "the hash of a copy and a second call to agree");
  }
}
