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
 */
record Measurement(
    String benchmark,
    Map<String, String> params,
    double score,
    double error,
    String unit,
    double allocation) {}
