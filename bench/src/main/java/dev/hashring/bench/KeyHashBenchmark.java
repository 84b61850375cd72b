package dev.hashring.bench;

import dev.hashring.HashAlgorithm;
import dev.hashring.HashAlgorithms;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floors: one hash of the key with our registered algorithms, which is the least a lookup can
 * cost. {@code md5} is the floor of every MD5 ketama profile (spymemcached, xmemcached,
 * libmemcached-weighted), {@code xxh3_64} that of {@code jump:native}, {@code murmur3} that of
 * {@code ketama:native} and {@code modulo:native}. A {@code String} key is hashed as its UTF-8
 * bytes without allocating ({@code HashAlgorithm.hash(String)}).
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar KeyHashBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KeyHashBenchmark {

  /** The registry name of the hash. */
  @Param({"md5", "xxh3_64", "murmur3"})
  public String algorithm;

  private HashAlgorithm hash;
  private String[] strings;
  private byte[][] bytes;
  private int next;

  /** Looks the algorithm up and loads the keys. */
  @Setup
  public void setUp() {
    hash = HashAlgorithms.forName(algorithm);
    KeyPool keys = KeyPool.standard();
    strings = keys.strings;
    bytes = keys.bytes;
  }

  /**
   * The hash of a {@code String} key's UTF-8 bytes.
   *
   * @return the hash
   */
  @Benchmark
  public long stringKey() {
    return hash.hash(strings[next++ & KeyPool.MASK]);
  }

  /**
   * The hash of a {@code byte[]} key.
   *
   * @return the hash
   */
  @Benchmark
  public long byteKey() {
    return hash.hash(bytes[next++ & KeyPool.MASK]);
  }
}
