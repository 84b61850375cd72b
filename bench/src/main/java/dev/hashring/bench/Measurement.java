package dev.hashring.bench;

import java.util.Map;

/**
 * One benchmark result of a JMH run.
 *
 * @param benchmark the class's simple name and the method, such as {@code
 *     LookupBenchmark.stringKey}
 * @param params the JMH parameters
 * @param score the mean, in {@code unit}
 * @param error the half-width of the 99.9% confidence interval, {@code NaN} when JMH had too few
 *     iterations to compute it
 * @param unit such as {@code ns/op}
 * @param allocation bytes allocated per operation ({@code gc.alloc.rate.norm}), {@code NaN} when
 *     the run had no {@code -prof gc}
 * @param allocationRate megabytes allocated per second ({@code gc.alloc.rate}), {@code NaN} when
 *     the run had no {@code -prof gc}
 */
record Measurement(
    String benchmark,
    Map<String, String> params,
    double score,
    double error,
    String unit,
    double allocation,
    double allocationRate) {

  /**
   * Below this rate, what {@code -prof gc} sees is JMH's own bookkeeping (about 0.01 MB/s in every
   * benchmark), which {@code gc.alloc.rate.norm} spreads over the operations: a few bytes an
   * operation for a lookup that takes half a millisecond. An operation that allocates even 16 bytes
   * at a million operations a second allocates 16 MB/s.
   */
  static final double BACKGROUND_MB_PER_S = 0.1;

  /**
   * Bytes the measured code allocates per operation: {@link #allocation()}, or 0 when the rate is
   * JMH's own background.
   *
   * @return bytes per operation, {@code NaN} when not measured
   */
  double bytesPerOperation() {
    return allocationRate < BACKGROUND_MB_PER_S ? 0 : allocation;
  }
}
