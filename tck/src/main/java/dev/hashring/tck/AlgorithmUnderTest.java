package dev.hashring.tck;

import dev.hashring.HashAlgorithm;

/**
 * One hash algorithm checked against one rule. Every call goes through here and is recorded in the
 * {@link Trace} first, so that a failure or a call that never returns is reported with its
 * arguments.
 */
final class AlgorithmUnderTest {

  final Rule rule;
  final HashAlgorithm algorithm;
  final Trace trace;

  AlgorithmUnderTest(Rule rule, HashAlgorithm algorithm, Trace trace) {
    this.rule = rule;
    this.algorithm = algorithm;
    this.trace = trace;
    trace.call("name()", null);
    trace.subject(
        "hash algorithm '" + algorithm.name() + "' (" + algorithm.getClass().getName() + ")");
  }

  /** Starts a violation of this rule. */
  Violation.Builder violation() {
    return Violation.of(rule, trace);
  }

  long hash(byte[] key) {
    trace.call("hash", key);
    return algorithm.hash(key);
  }

  long hash(byte[] key, int offset, int length) {
    trace.call("hash", key, offset + ", " + length);
    return algorithm.hash(key, offset, length);
  }

  long hash(String key) {
    trace.call("hash", key);
    return algorithm.hash(key);
  }

  /** {@code bits()}, which must lie from 1 to 64. */
  int bits() {
    trace.call("bits()", null);
    int bits = algorithm.bits();
    if (bits < 1 || bits > 64) {
      throw violation()
          .expected("bits() to be from 1 to 64 (rule 3.4)")
          .actual("bits() returned " + bits)
          .build();
    }
    return bits;
  }
}
