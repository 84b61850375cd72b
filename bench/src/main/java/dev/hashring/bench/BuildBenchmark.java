package dev.hashring.bench;

import dev.hashring.Server;
import dev.hashring.ServerSelector;
import dev.hashring.ServerSelectors;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.rubyeye.xmemcached.impl.KetamaMemcachedSessionLocator;
import net.spy.memcached.MemcachedNode;
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
 * Building a ring from a server list: ours ({@code ServerSelector.ring}, checks of the list
 * included) against the incumbents' constructors, spymemcached's {@code KetamaNodeLocator} and
 * xmemcached's {@code KetamaMemcachedSessionLocator.updateSessions}, over the same servers. Our
 * specs are {@code selector:compat}; {@code spymemcached:KetamaNodeLocator} and {@code
 * xmemcached:KetamaMemcachedSessionLocator} are the incumbents. Their stand-in nodes and sessions
 * are made once, outside the measurement, as our {@code Server} list is.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar BuildBenchmark -p servers=1000
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BuildBenchmark {

  /** Which ring: one of ours as {@code selector:compat}, or an incumbent's locator. */
  @Param({
    "ketama:spymemcached",
    "ketama:native",
    "ketama:libmemcached",
    "ketama:xmemcached",
    "modulo:native",
    "jump:native",
    "rendezvous:native",
    "maglev:native",
    "anchor:native",
    "spymemcached:KetamaNodeLocator",
    "xmemcached:KetamaMemcachedSessionLocator"
  })
  public String ring;

  /** How many servers. */
  @Param({"10", "100", "1000", "10000"})
  public int servers;

  private Supplier<Object> build;

  /** Prepares the server list (or the incumbent's nodes) once. */
  @Setup
  public void setUp() {
    List<Server> list = Topologies.servers(servers);
    build = builder(ring, list);
  }

  /** What one build of {@code spec} over {@code list} runs. */
  static Supplier<Object> builder(String spec, List<Server> list) {
    switch (spec) {
      case "spymemcached:KetamaNodeLocator":
        List<MemcachedNode> nodes = SpymemcachedNodes.of(list);
        return () -> SpymemcachedBenchmark.locator("KetamaNodeLocator", nodes);
      case "xmemcached:KetamaMemcachedSessionLocator":
        List<com.google.code.yanf4j.core.Session> sessions = XmemcachedSession.of(list);
        return () -> {
          KetamaMemcachedSessionLocator locator = new KetamaMemcachedSessionLocator();
          locator.updateSessions(sessions);
          return locator;
        };
      default:
        ServerSelector selector = ServerSelectors.forName(Rings.selector(spec));
        Map<String, String> options = Rings.options(spec, list.size());
        return () -> selector.ring(list, options);
    }
  }

  /**
   * One build.
   *
   * @return the ring or locator
   */
  @Benchmark
  public Object build() {
    return build.get();
  }
}
