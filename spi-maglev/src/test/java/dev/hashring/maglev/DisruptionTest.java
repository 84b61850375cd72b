package dev.hashring.maglev;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Maglev moves a few keys between servers that did not change when one server leaves or joins;
 * docs/MAGLEV.md has the full measurement. These bounds hold the measured behaviour (with the
 * default table) so that a change to the fill that made it worse fails here. The measured means
 * were 0.24% of keys for 10 servers and 0.45% for 50; the bounds are about twice that.
 */
class DisruptionTest {

  @Test
  void tenServers_defaultTable_movesUnder0point5PercentBetweenOthers() {
    MaglevDisruption.Result leave = MaglevDisruption.leave(10, TableSize.DEFAULT, 6, 1);
    MaglevDisruption.Result join = MaglevDisruption.join(10, TableSize.DEFAULT, 6, 2);
    assertThat(leave.necessary()).as("%s", leave).isBetween(0.09, 0.11);
    assertThat(leave.extra()).as("%s", leave).isPositive().isLessThan(0.005);
    assertThat(join.extra()).as("%s", join).isPositive().isLessThan(0.005);
  }

  @Test
  void fiftyServers_defaultTable_movesUnder1PercentBetweenOthers() {
    MaglevDisruption.Result leave = MaglevDisruption.leave(50, TableSize.DEFAULT, 4, 3);
    assertThat(leave.necessary()).as("%s", leave).isBetween(0.015, 0.025);
    assertThat(leave.extra()).as("%s", leave).isPositive().isLessThan(0.01);
  }

  /**
   * Ten times the slots per server, roughly a third of the extra moves (measured: 2.3% vs 0.65%).
   */
  @Test
  void largerTables_moveFewerKeysBetweenOthers() {
    double small = MaglevDisruption.leave(10, 1009, 10, 4).extra();
    double large = MaglevDisruption.leave(10, 10007, 10, 4).extra();
    assertThat(large)
        .as("extra moves: table 1009 %s, table 10007 %s", small, large)
        .isLessThan(small / 2);
  }
}
