package dev.hashring.ketama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.Ring;
import dev.hashring.ServerSelector;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every placement recorded from a real client (files of {@code compat-vectors}) and computed in
 * process by a real client library ({@code src/test/resources/reference}) is reproduced by the
 * profile its file names.
 */
class RecordedVectorsTest {

  private static final ServerSelector KETAMA = new KetamaSelector();
  private static final Map<String, int[]> CHECKED = new TreeMap<>();

  @TestFactory
  Stream<DynamicTest> everyRecordedKeyIsPlacedAsTheClientPlacedIt() {
    return VectorFiles.all().stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.toString(),
                    () -> {
                      Ring ring = KETAMA.ring(file.vectors().servers(), file.options());
                      List<String> wrong = file.vectors().disagreements(ring);
                      assertThat(wrong)
                          .as(
                              "%s: keys placed elsewhere than the client placed them (%s)",
                              file, ring)
                          .isEmpty();
                      synchronized (CHECKED) {
                        int[] tally = CHECKED.computeIfAbsent(file.compat(), c -> new int[2]);
                        tally[0]++;
                        tally[1] += file.vectors().placements().size();
                      }
                    }));
  }

  @Test
  void everyCompatProfileHasRecordedFiles() {
    Map<String, Long> files = new TreeMap<>();
    for (VectorFiles.Labelled file : VectorFiles.all()) {
      files.merge(file.compat(), 1L, Long::sum);
    }
    assertThat(files.keySet())
        .as("profiles with recorded files: %s", files)
        .containsAll(
            List.of(
                "libmemcached", "libmemcached-weighted", "libmemcached-spy", "twemproxy", "dalli"));
  }

  @AfterAll
  static void printWhatWasChecked() {
    CHECKED.forEach(
        (compat, tally) ->
            System.out.printf(
                "compat=%s: %d recorded files, %d keys reproduced%n", compat, tally[0], tally[1]));
  }
}
