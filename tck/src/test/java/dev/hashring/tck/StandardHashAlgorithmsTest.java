package dev.hashring.tck;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.hashring.HashAlgorithm;
import dev.hashring.HashAlgorithms;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * Every hash algorithm the registry finds (the standard ones of api among them) passes {@link
 * HashAlgorithmTck}. api cannot depend on the TCK, so its algorithms are checked here: one test per
 * algorithm and rule, replaying what the TCK found.
 */
class StandardHashAlgorithmsTest {

  @TestFactory
  Stream<DynamicContainer> everyRegisteredAlgorithm_passesEveryRule() {
    List<HashAlgorithm> algorithms = HashAlgorithms.all();
    if (algorithms.isEmpty()) {
      return Stream.of(
          dynamicContainer(
              "no hash algorithm is registered",
              Stream.of(
                  dynamicTest(
                      "skipped",
                      () ->
                          Assumptions.abort(
                              "no hash algorithm is registered: api provides none yet")))));
    }
    return algorithms.stream()
        .map(
            algorithm ->
                dynamicContainer(
                    algorithm.name(),
                    LauncherRun.hashAlgorithm(algorithm, Duration.ofSeconds(30)).stream()
                        .map(
                            result ->
                                dynamicTest(
                                    result.name(),
                                    () -> {
                                      if (result.outcome() == TckReport.Outcome.FAILED) {
                                        Assertions.fail(result.message());
                                      }
                                    }))));
  }
}
