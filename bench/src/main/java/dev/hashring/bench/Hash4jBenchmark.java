package dev.hashring.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.dynatrace.hash4j.consistent.ConsistentBucketHasher;
import com.dynatrace.hash4j.consistent.ConsistentHashing;
import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
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
 * The anchor: hash4j's XXH3 64 of the key and its JumpBackHash ({@code
 * ConsistentHashing.jumpBackHashSplitMix64()}), the bucket then mapped to its server through an
 * array. This is the fastest published way to place a key in Java, and the same placement as our
 * {@code jump:native}.
 *
 * <p>{@code stringKey} hashes {@code key.getBytes(UTF_8)}, the same bytes and so the same server as
 * ours. {@code stringKeyAsChars} hashes the UTF-16 characters with {@code hashCharsToLong}, which
 * is what hash4j offers for a {@code String}: no encoding, but a different placement (another
 * language's client cannot agree with it), shown for reference.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar Hash4jBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Hash4jBenchmark {

  private static final Hasher64 XXH3 = Hashing.xxh3_64();
  private static final ConsistentBucketHasher JUMP_BACK =
      ConsistentHashing.jumpBackHashSplitMix64();

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
   * The server of a {@code String} key, hashed as its UTF-8 bytes.
   *
   * @return the server
   */
  @Benchmark
  public Server stringKey() {
    String key = strings[next++ & KeyPool.MASK];
    return byBucket[
        JUMP_BACK.getBucket(XXH3.hashBytesToLong(key.getBytes(UTF_8)), byBucket.length)];
  }

  /**
   * The server of a {@code String} key, hashed as its UTF-16 characters (another placement).
   *
   * @return the server
   */
  @Benchmark
  public Server stringKeyAsChars() {
    String key = strings[next++ & KeyPool.MASK];
    return byBucket[JUMP_BACK.getBucket(XXH3.hashCharsToLong(key), byBucket.length)];
  }

  /**
   * The server of a {@code byte[]} key.
   *
   * @return the server
   */
  @Benchmark
  public Server byteKey() {
    byte[] key = bytes[next++ & KeyPool.MASK];
    return byBucket[JUMP_BACK.getBucket(XXH3.hashBytesToLong(key), byBucket.length)];
  }
}
