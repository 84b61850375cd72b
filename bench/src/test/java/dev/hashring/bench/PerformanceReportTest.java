package dev.hashring.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hashring.bench.RingMemory.Footprint;
import org.junit.jupiter.api.Test;

class PerformanceReportTest {

  /** One JMH result as JMH writes it, reduced to the members the report reads. */
  private static String result(String benchmark, String params, double score, double allocation) {
    return "{\"benchmark\" : \"dev.hashring.bench."
        + benchmark
        + "\", \"vmName\" : \"OpenJDK\", \"vmVersion\" : \"17\", \"params\" : {"
        + params
        + "}, \"primaryMetric\" : {\"score\" : "
        + score
        + ", \"scoreError\" : \"NaN\", \"scoreUnit\" : \"ns/op\"}, \"secondaryMetrics\" : {"
        + "\"gc.alloc.rate.norm\" : {\"score\" : "
        + allocation
        + "}, \"gc.alloc.rate\" : {\"score\" : "
        + (allocation * 1e9 / score / 1e6)
        + "}}}";
  }

  private static final String RUN =
      "["
          + result(
              "LookupBenchmark.stringKey",
              "\"selector\" : \"ketama:spymemcached\", \"servers\" : \"10\"",
              200,
              0.01)
          + ","
          + result(
              "LookupBenchmark.byteKey",
              "\"selector\" : \"ketama:spymemcached\", \"servers\" : \"10\"",
              150,
              24)
          + ","
          + result(
              "SpymemcachedBenchmark.stringKey",
              "\"locator\" : \"KetamaNodeLocator\", \"servers\" : \"10\"",
              1000,
              407)
          + ","
          + result(
              "LookupBenchmark.stringKey",
              "\"selector\" : \"rendezvous:pymemcache\", \"servers\" : \"10\"",
              250_000,
              1.4)
          + ","
          + result(
              "LookupBenchmark.byteKey",
              "\"selector\" : \"rendezvous:pymemcache\", \"servers\" : \"10\"",
              500_000,
              3.2)
          + ","
          + result("KeyHashBenchmark.stringKey", "\"algorithm\" : \"md5\"", 160, 0)
          + ","
          + result("KeyHashBenchmark.byteKey", "\"algorithm\" : \"md5\"", 120, 0)
          + "]";

  private static String tables() {
    return PerformanceReport.tables(
        Results.parse(RUN),
        (ring, servers) -> new Footprint(7_000L * servers, 1_000L * servers, servers));
  }

  @Test
  void targets_areRatiosOfTheSameRun() {
    String tables = tables();
    // 1000 / 200 = 5 times faster than KetamaNodeLocator; 200 / 160 and 150 / 120 over md5.
    assertThat(tables)
        .contains(
            "| ketama:spymemcached vs KetamaNodeLocator, String: × faster | ≥ 4 | 5.00 | – | – | – | met |")
        .contains("| ketama:spymemcached over one md5, String | ≤ 1.3 | 1.25 | – | – | – | met |")
        // 1000 / 160: no MD5 ring can beat KetamaNodeLocator by more than that.
        .contains(
            "| *(bound)* one md5 of the key vs KetamaNodeLocator, String: × faster |  | 6.25 | – |"
                + " – | – |  |")
        .contains("| ketama:spymemcached over one md5, byte[] | ≤ 1.3 | 1.25 | – | – | – | met |")
        .contains(
            "| ring memory, ketama:spymemcached: bytes per point | ≤ 8 | 7.00 | 7.00 | 7.00 | 7.00 | met |");
  }

  @Test
  void allocation_ofByteKeysIsReportedAsAMissedTarget() {
    assertThat(tables())
        .contains(
            "Zero bytes per lookup for `byte[]` keys, every selector: **missed** by"
                + " ketama:spymemcached. For ASCII `String` keys: met.")
        .contains("| ketama:spymemcached | 0 | 24 |")
        // 3.2 B at 2000 operations a second is JMH's own 0.006 MB/s, not the lookup's.
        .contains("| rendezvous:pymemcache | 0 | 0 |")
        .contains("| *spymemcached KetamaNodeLocator* | 407 | – |");
  }

  @Test
  void missingMeasurements_showAsDashesNotAsZero() {
    assertThat(tables())
        .contains(
            "| jump:native vs Guava consistentHash(murmur3_128), String: × faster | ≥ 5 | – | – | – | – | not measured |");
  }

  @Test
  void replaceGenerated_keepsWhatLiesOutsideTheMarkers() {
    String document =
        "# Title\n" + PerformanceReport.BEGIN + "\nold\n" + PerformanceReport.END + "\nafter\n";
    assertThat(PerformanceReport.replaceGenerated(document, "new\n"))
        .isEqualTo(
            "# Title\n"
                + PerformanceReport.BEGIN
                + "\n\nnew\n\n"
                + PerformanceReport.END
                + "\nafter\n");
  }

  @Test
  void replaceGenerated_refusesADocumentWithoutMarkers() {
    assertThatThrownBy(() -> PerformanceReport.replaceGenerated("# Title\n", "new"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the document needs the lines "
                + PerformanceReport.BEGIN
                + " and "
                + PerformanceReport.END
                + ", in that order");
  }

  @Test
  void results_refuseTextThatIsNotJmhJson() {
    assertThatThrownBy(() -> Results.parse("{\"a\": 1}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not JMH's JSON: ");
    assertThatThrownBy(() -> Results.parse("[{\"a\" : "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not JMH's JSON: ");
    assertThatThrownBy(() -> Results.parse("[{\"a\": 1}]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not JMH's JSON: a result without 'benchmark'");
  }
}
