package dev.hashring.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClosestNameTest {

  private static final List<String> NAMES =
      List.of("jump", "ketama", "modulo", "fnv1_32", "fnv1a_32", "fnv1a_64");

  @Test
  void suggestsTyposWithinTwoEdits() {
    assertThat(ClosestName.among("ketamma", NAMES)).contains("ketama");
    assertThat(ClosestName.among("ktaema", NAMES)).contains("ketama");
    assertThat(ClosestName.among("KETAMA", NAMES)).contains("ketama");
    assertThat(ClosestName.among("fnv1a64", NAMES)).contains("fnv1a_64");
    assertThat(ClosestName.among("fnv1a32", NAMES)).contains("fnv1a_32");
    assertThat(ClosestName.among("FNV1A-32", NAMES)).contains("fnv1a_32");
    assertThat(ClosestName.among("modula", NAMES)).contains("modulo");
  }

  @Test
  void suggestsNothingFarOrIdentical() {
    assertThat(ClosestName.among("rendezvous", NAMES)).isEmpty();
    assertThat(ClosestName.among("ketama", NAMES)).isEmpty();
    assertThat(ClosestName.among("x", List.of())).isEmpty();
  }
}
