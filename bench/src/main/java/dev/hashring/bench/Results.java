package dev.hashring.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
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
    JsonArray entries;
    try {
      entries = JsonParser.parseString(json).getAsJsonArray();
    } catch (JsonParseException | IllegalStateException notAnArray) {
      throw new IllegalArgumentException("not JMH's JSON: " + notAnArray.getMessage(), notAnArray);
    }
    for (JsonElement entry : entries) {
      if (!entry.isJsonObject()) {
        throw new IllegalArgumentException("not JMH's JSON: a result is not an object: " + entry);
      }
      JsonObject result = entry.getAsJsonObject();
      String[] parts = required(result, "benchmark").getAsString().split("\\.");
      String name = parts[parts.length - 2] + "." + parts[parts.length - 1];
      Map<String, String> params = new LinkedHashMap<>();
      if (result.has("params")) {
        result
            .getAsJsonObject("params")
            .entrySet()
            .forEach(param -> params.put(param.getKey(), param.getValue().getAsString()));
      }
      JsonObject primary = required(result, "primaryMetric").getAsJsonObject();
      JsonObject secondary =
          result.has("secondaryMetrics")
              ? result.getAsJsonObject("secondaryMetrics")
              : new JsonObject();
      measurements.add(
          new Measurement(
              name,
              Map.copyOf(params),
              number(primary.get("score")),
              number(primary.get("scoreError")),
              required(primary, "scoreUnit").getAsString(),
              secondary(secondary, "gc.alloc.rate.norm"),
              secondary(secondary, "gc.alloc.rate")));
      jvm =
          required(result, "vmName").getAsString()
              + " "
              + required(result, "vmVersion").getAsString();
    }
    return new Results(measurements, jvm);
  }

  private static JsonElement required(JsonObject result, String member) {
    JsonElement value = result.get(member);
    if (value == null) {
      throw new IllegalArgumentException("not JMH's JSON: a result without '" + member + "'");
    }
    return value;
  }

  private static double secondary(JsonObject metrics, String name) {
    JsonElement metric = metrics.get(name);
    return metric == null ? Double.NaN : number(metric.getAsJsonObject().get("score"));
  }

  /** A number, or NaN where JMH wrote none (it writes {@code "NaN"} as a string). */
  private static double number(JsonElement value) {
    if (value == null || !value.isJsonPrimitive()) {
      return Double.NaN;
    }
    JsonPrimitive primitive = value.getAsJsonPrimitive();
    return primitive.isNumber() ? primitive.getAsDouble() : Double.NaN;
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
