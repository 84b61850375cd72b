package dev.hashring.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The results of one JMH run, read from its JSON file ({@code -rf json}). */
final class Results {

  private final List<Measurement> measurements;
  private final String jvm;

  private Results(List<Measurement> measurements, String jvm) {
    this.measurements = List.copyOf(measurements);
    this.jvm = jvm;
  }

  /**
   * Reads a JMH JSON result file.
   *
   * @param file the file
   * @return the results
   * @throws IOException if the file cannot be read
   */
  static Results read(Path file) throws IOException {
    return parse(Files.readString(file));
  }

  /**
   * Reads JMH JSON results from text.
   *
   * @param json the text of a JMH JSON result file
   * @return the results
   */
  static Results parse(String json) {
    List<Measurement> measurements = new ArrayList<>();
    String jvm = "";
    for (Object entry : (List<?>) Json.parse(json)) {
      Map<?, ?> result = (Map<?, ?>) entry;
      String benchmark = (String) result.get("benchmark");
      String[] parts = benchmark.split("\\.");
      String name = parts[parts.length - 2] + "." + parts[parts.length - 1];
      Map<String, String> params = new LinkedHashMap<>();
      Object declared = result.get("params");
      if (declared != null) {
        ((Map<?, ?>) declared).forEach((key, value) -> params.put((String) key, (String) value));
      }
      Map<?, ?> primary = (Map<?, ?>) result.get("primaryMetric");
      Map<?, ?> secondary = (Map<?, ?>) result.get("secondaryMetrics");
      double allocation = secondary(secondary, "gc.alloc.rate.norm");
      double allocationRate = secondary(secondary, "gc.alloc.rate");
      measurements.add(
          new Measurement(
              name,
              Map.copyOf(params),
              number(primary.get("score")),
              number(primary.get("scoreError")),
              (String) primary.get("scoreUnit"),
              allocation,
              allocationRate));
      jvm = result.get("vmName") + " " + result.get("vmVersion");
    }
    return new Results(measurements, jvm);
  }

  private static double secondary(Map<?, ?> metrics, String name) {
    if (metrics == null || metrics.get(name) == null) {
      return Double.NaN;
    }
    return number(((Map<?, ?>) metrics.get(name)).get("score"));
  }

  private static double number(Object value) {
    return value instanceof Double number ? number : Double.NaN;
  }

  /**
   * Every measurement, in file order.
   *
   * @return the measurements
   */
  List<Measurement> all() {
    return measurements;
  }

  /**
   * The JVM of the run, as JMH recorded it.
   *
   * @return such as {@code OpenJDK 64-Bit Server VM 17.0.15+6-Debian-1deb12u1}
   */
  String jvm() {
    return jvm;
  }

  /**
   * The measurement of {@code benchmark} whose parameters include every entry of {@code params}.
   *
   * @param benchmark such as {@code LookupBenchmark.stringKey}
   * @param params {@code name, value, name, value, ...}
   * @return the first match, or empty
   */
  Optional<Measurement> find(String benchmark, String... params) {
    for (Measurement measurement : measurements) {
      if (measurement.benchmark().equals(benchmark) && matches(measurement, params)) {
        return Optional.of(measurement);
      }
    }
    return Optional.empty();
  }

  private static boolean matches(Measurement measurement, String[] params) {
    for (int i = 0; i < params.length; i += 2) {
      if (!params[i + 1].equals(measurement.params().get(params[i]))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The distinct values of one parameter of {@code benchmark}, in file order.
   *
   * @param benchmark such as {@code LookupBenchmark.stringKey}
   * @param param the parameter name
   * @return the values
   */
  List<String> values(String benchmark, String param) {
    List<String> values = new ArrayList<>();
    for (Measurement measurement : measurements) {
      String value = measurement.params().get(param);
      if (measurement.benchmark().equals(benchmark) && value != null && !values.contains(value)) {
        values.add(value);
      }
    }
    return values;
  }
}
