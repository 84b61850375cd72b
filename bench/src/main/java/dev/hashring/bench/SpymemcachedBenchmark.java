package dev.hashring.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import net.spy.memcached.ArrayModNodeLocator;
import net.spy.memcached.DefaultHashAlgorithm;
import net.spy.memcached.KetamaNodeLocator;
import net.spy.memcached.MemcachedNode;
import net.spy.memcached.NodeLocator;
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
 * The incumbent: spymemcached 2.12.3's own locators, {@code KetamaNodeLocator} (its {@code
 * KETAMA_HASH}, MD5) and {@code ArrayModNodeLocator} (its {@code NATIVE_HASH}), looking up the same
 * keys on the same servers as {@link LookupBenchmark}'s {@code ketama:spymemcached} and {@code
 * modulo:spymemcached}, which place every key on the same server. spymemcached takes only {@code
 * String} keys.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar SpymemcachedBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SpymemcachedBenchmark {

  /** Which locator: {@code KetamaNodeLocator} or {@code ArrayModNodeLocator}. */
  @Param({"KetamaNodeLocator", "ArrayModNodeLocator"})
  public String locator;

  /** How many servers. */
  @Param({"10", "100", "1000", "10000"})
  public int servers;

  private NodeLocator nodes;
  private String[] strings;
  private int next;

  /** Builds the locator over stand-in nodes and loads the keys. */
  @Setup
  public void setUp() {
    nodes = locator(locator, SpymemcachedNodes.of(Topologies.servers(servers)));
    strings = KeyPool.standard().strings;
  }

  /** The named locator over {@code nodes}. */
  static NodeLocator locator(String name, List<MemcachedNode> nodes) {
    return switch (name) {
      case "KetamaNodeLocator" -> new KetamaNodeLocator(nodes, DefaultHashAlgorithm.KETAMA_HASH);
      case "ArrayModNodeLocator" ->
          new ArrayModNodeLocator(nodes, DefaultHashAlgorithm.NATIVE_HASH);
      default -> throw new IllegalArgumentException("no spymemcached locator " + name);
    };
  }

  /**
   * {@code getPrimary} of a {@code String} key.
   *
   * @return the node
   */
  @Benchmark
  public MemcachedNode stringKey() {
    return nodes.getPrimary(strings[next++ & KeyPool.MASK]);
  }
}
