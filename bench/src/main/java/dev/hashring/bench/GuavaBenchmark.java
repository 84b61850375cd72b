package dev.hashring.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import dev.hashring.Server;
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
 * The incumbent for jump hashing: Guava's {@code Hashing.consistentHash} over {@code
 * Hashing.murmur3_128()} of the key, the bucket then mapped to its server through an array, as an
 * application using Guava would do it.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar GuavaBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GuavaBenchmark {

  private static final HashFunction MURMUR3_128 = Hashing.murmur3_128();

  /** How many servers (buckets). */
  @Param({"10", "100", "1000", "10000"})
  public int servers;

  private Server[] byBucket;
  private String[] strings;
  private byte[][] bytes;
  private int next;

  /** Loads the servers and the keys. */
  @Setup
  public void setUp() {
    byBucket = Topologies.servers(servers).toArray(new Server[0]);
    KeyPool keys = KeyPool.standard();
    strings = keys.strings;
    bytes = keys.bytes;
  }

  /**
   * The server of a {@code String} key: {@code consistentHash(murmur3_128().hashString(key, UTF_8),
   * n)}.
   *
   * @return the server
   */
  @Benchmark
  public Server stringKey() {
    String key = strings[next++ & KeyPool.MASK];
    return byBucket[Hashing.consistentHash(MURMUR3_128.hashString(key, UTF_8), byBucket.length)];
  }

  /**
   * The server of a {@code byte[]} key: {@code consistentHash(murmur3_128().hashBytes(key), n)}.
   *
   * @return the server
   */
  @Benchmark
  public Server byteKey() {
    byte[] key = bytes[next++ & KeyPool.MASK];
    return byBucket[Hashing.consistentHash(MURMUR3_128.hashBytes(key), byBucket.length)];
  }
}
