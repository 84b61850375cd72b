package dev.hashring.bench;

import com.google.code.yanf4j.core.Session;
import java.util.concurrent.TimeUnit;
import net.rubyeye.xmemcached.impl.KetamaMemcachedSessionLocator;
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
 * The incumbent: xmemcached 2.4.9's {@code KetamaMemcachedSessionLocator} (default: MD5, node text
 * {@code InetSocketAddress.toString()}), looking up the same keys on the same servers as {@link
 * LookupBenchmark}'s {@code ketama:xmemcached}, which places every key on the same server.
 * xmemcached takes only {@code String} keys.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar XmemcachedBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class XmemcachedBenchmark {

  /** How many servers. */
  @Param({"10", "100", "1000", "10000"})
  public int servers;

  private KetamaMemcachedSessionLocator locator;
  private String[] strings;
  private int next;

  /** Builds the locator over stand-in sessions and loads the keys. */
  @Setup
  public void setUp() {
    locator = new KetamaMemcachedSessionLocator();
    locator.updateSessions(XmemcachedSession.of(Topologies.servers(servers)));
    strings = KeyPool.standard().strings;
  }

  /**
   * {@code getSessionByKey} of a {@code String} key.
   *
   * @return the session
   */
  @Benchmark
  public Session stringKey() {
    return locator.getSessionByKey(strings[next++ & KeyPool.MASK]);
  }
}
