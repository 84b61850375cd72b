package dev.hashring.bench;

import dev.hashring.Ring;
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
 * One lookup ({@link Ring#primary}) on our rings: every selector and its main compat profiles, for
 * {@code String} and {@code byte[]} keys, at 10 to 10 000 servers. Each operation takes the next
 * key of the {@link KeyPool}.
 *
 * <p>Run it alone, with allocation per lookup ({@code gc.alloc.rate.norm}):
 *
 * <pre>
 * ./mvnw -q -DskipTests package -pl bench -am
 * java -jar bench/target/benchmarks.jar LookupBenchmark -prof gc
 * java -jar bench/target/benchmarks.jar LookupBenchmark -p selector=ketama:spymemcached -p servers=10
 * </pre>
 *
 * <p>Defaults are short (3 warm-up and 5 measured iterations of 1 s, one fork) so that the full run
 * stays well under an hour on two cores; see docs/PERFORMANCE.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LookupBenchmark {

  /** Which ring: {@code selector:compat}. */
  @Param({
    "ketama:native",
    "ketama:libmemcached",
    "ketama:libmemcached-weighted",
    "ketama:spymemcached",
    "ketama:twemproxy",
    "ketama:dalli",
    "ketama:xmemcached",
    "modulo:native",
    "modulo:libmemcached",
    "modulo:spymemcached",
    "modulo:twemproxy",
    "jump:native",
    "jump:guava",
    "rendezvous:native",
    "rendezvous:pymemcache",
    "maglev:native",
    "anchor:native"
  })
  public String selector;

  /** How many servers the ring has. */
  @Param({"10", "100", "1000", "10000"})
  public int servers;

  private Ring ring;
  private String[] strings;
  private byte[][] bytes;
  private int next;

  /** Builds the ring and loads the keys. */
  @Setup
  public void setUp() {
    ring = Rings.build(selector, Topologies.servers(servers));
    KeyPool keys = KeyPool.standard();
    strings = keys.strings;
    bytes = keys.bytes;
  }

  /**
   * The primary server of a {@code String} key.
   *
   * @return the server
   */
  @Benchmark
  public Server stringKey() {
    return ring.primary(strings[next++ & KeyPool.MASK]);
  }

  /**
   * The primary server of a {@code byte[]} key.
   *
   * @return the server
   */
  @Benchmark
  public Server byteKey() {
    return ring.primary(bytes[next++ & KeyPool.MASK]);
  }
}
