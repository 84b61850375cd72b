package dev.hashring.bench;

import dev.hashring.Ring;
import dev.hashring.spi.Continuum;
import java.lang.reflect.Field;
import java.util.Map;
import net.rubyeye.xmemcached.impl.KetamaMemcachedSessionLocator;
import org.openjdk.jol.info.GraphLayout;

/**
 * Ring memory, measured with JOL: the bytes of every object a ring or locator references ({@code
 * GraphLayout.parseInstance(ring).totalSize()}), the server objects included, divided by its points
 * (distinct point values) or by its servers. Counting, not timing: the result is the same in every
 * run on the same JVM.
 */
final class RingMemory {

  /** The incumbents, by the names the report uses. */
  static final String SPYMEMCACHED = "spymemcached KetamaNodeLocator";

  static final String XMEMCACHED = "xmemcached KetamaMemcachedSessionLocator";

  static {
    // Lambdas are hidden classes, whose field offsets Unsafe refuses; JOL then finds them itself.
    System.setProperty("jol.magicFieldOffset", "true");
  }

  private RingMemory() {}

  /**
   * What one ring or locator occupies.
   *
   * @param bytes everything it references, in bytes
   * @param points its distinct points, 0 for a ring without points (modulo, jump, ...)
   * @param servers its servers
   */
  record Footprint(long bytes, long points, int servers) {

    /** Bytes per point, or {@code NaN} without points. */
    double perPoint() {
      return points == 0 ? Double.NaN : (double) bytes / points;
    }

    /** Bytes per server. */
    double perServer() {
      return (double) bytes / servers;
    }
  }

  /**
   * The footprint of one of our rings, or of an incumbent's locator named {@link #SPYMEMCACHED} or
   * {@link #XMEMCACHED}.
   *
   * @param ring {@code selector:compat}, or an incumbent's name
   * @param servers how many servers
   * @return the footprint
   */
  static Footprint of(String ring, int servers) {
    switch (ring) {
      case SPYMEMCACHED:
        {
          Object locator =
              SpymemcachedBenchmark.locator(
                  "KetamaNodeLocator", SpymemcachedNodes.of(Topologies.servers(servers)));
          return new Footprint(bytes(locator), treeSize(locator, "ketamaNodes"), servers);
        }
      case XMEMCACHED:
        {
          KetamaMemcachedSessionLocator locator = new KetamaMemcachedSessionLocator();
          locator.updateSessions(XmemcachedSession.of(Topologies.servers(servers)));
          return new Footprint(bytes(locator), treeSize(locator, "ketamaSessions"), servers);
        }
      default:
        {
          Ring built = Rings.build(ring, Topologies.servers(servers));
          long points = built instanceof Continuum continuum ? continuum.points().length : 0;
          return new Footprint(bytes(built), points, servers);
        }
    }
  }

  private static long bytes(Object root) {
    return GraphLayout.parseInstance(root).totalSize();
  }

  /** The size of an incumbent's private {@code TreeMap} of points. */
  private static long treeSize(Object locator, String field) {
    try {
      Field points = locator.getClass().getDeclaredField(field);
      points.setAccessible(true);
      return ((Map<?, ?>) points.get(locator)).size();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "cannot read " + field + " of " + locator.getClass().getName(), e);
    }
  }
}
