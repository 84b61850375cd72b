package dev.hashring.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hashring.HashAlgorithm;
import dev.hashring.HashAlgorithms;
import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DiffCommandTest {

  private static final double SPACE = 4294967296.0;
  private static final Server A = Server.of("10.0.0.1", 11211);
  private static final Server B = Server.of("10.0.0.2", 11211);
  private static final Server C = Server.of("10.0.0.3", 11211);
  private static final HashAlgorithm MURMUR3 = HashAlgorithms.forName("murmur3");

  // Exact shares worked out by hand on small continua.

  @Test
  void ceilingRing_aNewPointTakesTheStretchUpToIt() {
    // Keys go to the first point at or after their hash. Adding C's point at 150 between A's at
    // 100 and B's at 200 moves the hashes 101..150 from B to C: 50 positions.
    Ring before = new PointRing(new long[] {100, 200}, List.of(A, B), true, MURMUR3);
    Ring after = new PointRing(new long[] {100, 150, 200}, List.of(A, C, B), true, MURMUR3);

    Movement movement = ArcComparison.compare(before, after);

    assertThat(movement.exact()).isTrue();
    assertThat(movement.moves())
        .containsExactly(Map.entry(new Movement.Move(B.address(), C.address()), 50 / SPACE));
    // A holds 201..2^32-1 and 0..100; B holds 101..200.
    assertThat(movement.before())
        .containsExactly(
            Map.entry(A.address(), (SPACE - 201 + 101) / SPACE),
            Map.entry(B.address(), 100 / SPACE));
    assertThat(movement.after().get(C.address())).isEqualTo(50 / SPACE);
  }

  @Test
  void ceilingRing_theStretchAfterTheLastPointWrapsToTheFirst() {
    // A new last point at 4,000,000,000 takes 201..4,000,000,000, which wrapped to A before.
    Ring before = new PointRing(new long[] {100, 200}, List.of(A, B), true, MURMUR3);
    Ring after =
        new PointRing(new long[] {100, 200, 4_000_000_000L}, List.of(A, B, C), true, MURMUR3);

    Movement movement = ArcComparison.compare(before, after);

    assertThat(movement.moves())
        .containsExactly(
            Map.entry(new Movement.Move(A.address(), C.address()), (4_000_000_000L - 200) / SPACE));
  }

  @Test
  void predecessorRing_aNewPointTakesTheStretchFromIt() {
    // Dalli's rule: keys go to the last point at or before their hash, below the first point to
    // the last. C's point at 150 takes 150..199 from A.
    Ring before = new PointRing(new long[] {100, 200}, List.of(A, B), false, MURMUR3);
    Ring after = new PointRing(new long[] {100, 150, 200}, List.of(A, C, B), false, MURMUR3);

    Movement movement = ArcComparison.compare(before, after);

    assertThat(movement.moves())
        .containsExactly(Map.entry(new Movement.Move(A.address(), C.address()), 50 / SPACE));
    // A holds 100..199; B holds 200..2^32-1 and 0..99.
    assertThat(movement.before())
        .containsExactly(
            Map.entry(A.address(), 100 / SPACE), Map.entry(B.address(), (SPACE - 100) / SPACE));
  }

  @Test
  void predecessorRing_aNewPointBelowTheFirstTakesTheWrappedStretch() {
    Ring before = new PointRing(new long[] {100, 200}, List.of(A, B), false, MURMUR3);
    Ring after = new PointRing(new long[] {40, 100, 200}, List.of(C, A, B), false, MURMUR3);

    Movement movement = ArcComparison.compare(before, after);

    // 40..99 belonged to B (the last point, by wrapping) and now to C.
    assertThat(movement.moves())
        .containsExactly(Map.entry(new Movement.Move(B.address(), C.address()), 60 / SPACE));
  }

  @Test
  void keyHashOf15Bits_measuresOnlyThePositionsItReaches() {
    HashAlgorithm crc = HashAlgorithms.forName("crc");
    assertThat(crc.bits()).isEqualTo(15);
    // Hashes lie in 0..32767: A's point at 1000 takes 0..1000, B's at 40000 takes 1001..32767.
    // C's new point at 20000 takes 1001..20000 from B: 19000 of 32768 positions.
    Ring before = new PointRing(new long[] {1000, 40000}, List.of(A, B), true, crc);
    Ring after = new PointRing(new long[] {1000, 20000, 40000}, List.of(A, C, B), true, crc);

    Movement movement = ArcComparison.compare(before, after);

    assertThat(movement.moves())
        .containsExactly(Map.entry(new Movement.Move(B.address(), C.address()), 19000 / 32768.0));
    assertThat(movement.before().get(A.address())).isEqualTo(1001 / 32768.0);
  }

  @Test
  void differentKeyHashes_orNoContinuum_areNotExact_andSayWhy() {
    Ring murmur = new PointRing(new long[] {100, 200}, List.of(A, B), true, MURMUR3);
    Ring md5 =
        new PointRing(new long[] {100, 200}, List.of(A, B), true, HashAlgorithms.forName("md5"));
    Ring modulo = ServerSelectors.forName("modulo").ring(List.of(A, B));

    assertThat(ArcComparison.whyNotExact(murmur, md5))
        .isEqualTo("the two rings hash keys with different functions (murmur3 and md5)");
    assertThat(ArcComparison.whyNotExact(murmur, modulo))
        .isEqualTo("its rings are not continua of points (dev.hashring.spi.Continuum)");
    assertThat(ArcComparison.whyNotExact(murmur, murmur)).isNull();
  }

  // The exact method against sampling, on real rings.

  static Stream<Arguments> changes() {
    List<Server> eight = SimulateCommand.generatedServers(8, List.of());
    List<Server> nine = new ArrayList<>(eight);
    nine.add(Server.of("10.0.0.9", 11211));
    List<Server> withoutThird = new ArrayList<>(eight);
    withoutThird.remove(2);
    List<Server> reweighted = new ArrayList<>(eight);
    reweighted.set(4, reweighted.get(4).withWeight(3));
    List<Server> weightedFour =
        List.of(
            Server.of("127.0.0.2", 31211, 1),
            Server.of("127.0.0.3", 31212, 2),
            Server.of("127.0.0.4", 31213, 3),
            Server.of("127.0.0.5", 31214, 4));
    return Stream.of(
        Arguments.of("ketama native, add one", Map.of(), eight, nine),
        Arguments.of("ketama native, remove the third", Map.of(), eight, withoutThird),
        Arguments.of("ketama native, reweight one", Map.of(), eight, reweighted),
        Arguments.of("ketama libmemcached", Map.of("compat", "libmemcached"), eight, nine),
        Arguments.of(
            "ketama libmemcached crc (15 bits)",
            Map.of("compat", "libmemcached", "hash", "crc"),
            eight,
            withoutThird),
        Arguments.of(
            "ketama libmemcached-weighted",
            Map.of("compat", "libmemcached-weighted"),
            eight,
            reweighted),
        Arguments.of("ketama twemproxy", Map.of("compat", "twemproxy"), weightedFour, eight),
        Arguments.of("ketama dalli (predecessor)", Map.of("compat", "dalli"), eight, nine),
        Arguments.of("ketama dalli, weights", Map.of("compat", "dalli"), weightedFour, nine));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void exactShares_agreeWithALargeSample(
      String name, Map<String, String> options, List<Server> from, List<Server> to) {
    Ring before = ServerSelectors.forName("ketama").ring(from, options);
    Ring after = ServerSelectors.forName("ketama").ring(to, options);
    assertThat(ArcComparison.whyNotExact(before, after)).isNull();

    Movement exact = ArcComparison.compare(before, after);
    long samples = 400_000;
    Movement sampled =
        SampledComparison.compare(before, after, samples, 7, "a test", ProgressBar.none());

    // Five standard deviations of a sampled share, plus a little for the key hash not being a
    // perfectly uniform function.
    assertThat(sampled.moved())
        .as("total moved, exact %s", exact.moved())
        .isCloseTo(exact.moved(), within(bound(exact.moved(), samples)));
    for (Map.Entry<Movement.Move, Double> move : exact.moves().entrySet()) {
      double seen = sampled.moves().getOrDefault(move.getKey(), 0.0);
      assertThat(seen)
          .as("share moving %s", move.getKey())
          .isCloseTo(move.getValue(), within(bound(move.getValue(), samples)));
    }
    for (Map.Entry<Movement.Move, Double> move : sampled.moves().entrySet()) {
      assertThat(exact.moves())
          .as("a move seen in the sample must exist exactly: %s", move)
          .containsKey(move.getKey());
    }
    for (Map.Entry<String, Double> server : exact.after().entrySet()) {
      assertThat(sampled.after().get(server.getKey()))
          .as("share of %s after", server.getKey())
          .isCloseTo(server.getValue(), within(bound(server.getValue(), samples)));
    }
  }

  private static double bound(double share, long samples) {
    return 5 * Math.sqrt(share * (1 - share) / samples) + 0.002;
  }

  // The command.

  @Test
  void diff_ofKetama_isExact_andListsEachMoveAndServer() {
    CommandRun run =
        CommandRun.of(
            "diff",
            "--selector",
            "ketama",
            "--from",
            "10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211",
            "--to",
            "10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211,10.0.0.4:11211");
    Ring before =
        ServerSelectors.forName("ketama")
            .ring(ServerListText.parse("-", "10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211"));
    Ring after =
        ServerSelectors.forName("ketama")
            .ring(
                ServerListText.parse(
                    "-", "10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211,10.0.0.4:11211"));
    Movement movement = ArcComparison.compare(before, after);

    assertThat(run.status()).as("%s", run).isZero();
    assertThat(run.out())
        .contains("method   exact, from the arcs of the two rings (480 and 640 distinct points")
        .contains(
            String.format(
                java.util.Locale.ROOT,
                "moved    %.3f%% of keys move to another server; %.3f%% stay",
                movement.moved() * 100,
                (1 - movement.moved()) * 100))
        .contains(
            "\n         0.000% move between servers that are in both lists (none, with minimal"
                + " disruption)\n");
    for (Map.Entry<Movement.Move, Double> move : movement.moves().entrySet()) {
      assertThat(run.out())
          .containsPattern(
              Pattern.quote(move.getKey().from())
                  + " +-> "
                  + Pattern.quote(move.getKey().to())
                  + " +"
                  + Pattern.quote(
                      String.format(java.util.Locale.ROOT, "%.3f%%", move.getValue() * 100)));
    }
    assertThat(run.out()).containsPattern("10\\.0\\.0\\.4:11211 +- +[0-9.]+% +added");
  }

  @Test
  void diff_ofModulo_isSampled_saysWhy_andGivesMargins() {
    CommandRun run =
        CommandRun.of(
            "diff",
            "--selector",
            "modulo",
            "--samples",
            "100000",
            "--from",
            "10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211",
            "--to",
            "10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211,10.0.0.4:11211");
    assertThat(run.status()).as("%s", run).isZero();
    assertThat(run.out())
        .contains(
            "method   sampled on 100,000 seeded random keys (seed 1), because selector modulo"
                + " cannot be exact here: its rings are not continua of points"
                + " (dev.hashring.spi.Continuum)");
    // Modulo from 3 to 4 servers keeps a key only when its number gives the same remainder
    // mod 3 and mod 4: 3 numbers of every 12, a quarter.
    Matcher moved = Pattern.compile("moved    ([0-9.]+)% ±([0-9.]+) of keys").matcher(run.out());
    assertThat(moved.find()).as(run.out()).isTrue();
    assertThat(Double.parseDouble(moved.group(1))).isCloseTo(75.0, within(1.5));
    assertThat(Double.parseDouble(moved.group(2))).isCloseTo(0.268, within(0.01));
  }

  @Test
  void diff_withSample_agreesWithTheExactAnswer() {
    String[] common = {
      "diff",
      "--selector",
      "ketama",
      "--option",
      "compat=libmemcached",
      "--from",
      "10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211,10.0.0.4:11211",
      "--to",
      "10.0.0.1:11211,10.0.0.2:11211,10.0.0.4:11211"
    };
    CommandRun exact = CommandRun.of(common);
    List<String> sampledArgs = new ArrayList<>(List.of(common));
    sampledArgs.addAll(List.of("--sample", "--samples", "300000"));
    CommandRun sampled = CommandRun.of(sampledArgs.toArray(String[]::new));

    Matcher exactMoved = Pattern.compile("moved    ([0-9.]+)% of keys").matcher(exact.out());
    Matcher sampledMoved =
        Pattern.compile("moved    ([0-9.]+)% ±([0-9.]+) of keys").matcher(sampled.out());
    assertThat(exactMoved.find()).as(exact.out()).isTrue();
    assertThat(sampledMoved.find()).as(sampled.out()).isTrue();
    assertThat(sampled.out()).contains("because --sample was given");
    // Removing one of four moves exactly the removed server's keys, about a quarter.
    double exactShare = Double.parseDouble(exactMoved.group(1));
    assertThat(Double.parseDouble(sampledMoved.group(1)))
        .isCloseTo(exactShare, within(2.5 * Double.parseDouble(sampledMoved.group(2)) + 0.05));
  }

  @Test
  void aStatefulSelector_isToldTheChange_soOnlyTheRemovedServersKeysMove() {
    String three = "10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211";
    String two = "10.0.0.1:11211,10.0.0.3:11211";
    CommandRun run =
        CommandRun.of(
            "diff", "--selector", "anchor", "--samples", "100000", "--from", three, "--to", two);
    assertThat(run.status()).as("%s", run).isZero();
    assertThat(run.out())
        .contains(
            "selector anchor (default options)\n"
                + "         after: history=+10.0.0.1:11211,+10.0.0.2:11211,+10.0.0.3:11211,"
                + "-10.0.0.2:11211\n")
        .contains("\n         0.000% ±0.000 move between servers that are in both lists");
    // Only the removed server's keys move, a third of them.
    Matcher moved = Pattern.compile("moved    ([0-9.]+)% ±").matcher(run.out());
    assertThat(moved.find()).isTrue();
    assertThat(Double.parseDouble(moved.group(1))).isCloseTo(100 / 3.0, within(1.5));
  }

  @Test
  void toOption_overridesWhatTheSelectorRecords() {
    CommandRun run =
        CommandRun.of(
            "diff",
            "--selector",
            "anchor",
            "--samples",
            "100000",
            "--from",
            "10.0.0.1:11211,10.0.0.2:11211,10.0.0.3:11211",
            "--to",
            "10.0.0.1:11211,10.0.0.3:11211",
            "--to-option",
            "history=+10.0.0.1:11211,+10.0.0.3:11211");
    assertThat(run.status()).as("%s", run).isZero();
    assertThat(run.out())
        .contains("         after: history=+10.0.0.1:11211,+10.0.0.3:11211\n")
        .doesNotContain("\n         0.000% ±0.000 move between servers that are in both lists");
  }

  @Test
  void diff_ofEqualLists_movesNothing() {
    CommandRun run =
        CommandRun.of(
            "diff",
            "--selector",
            "jump",
            "--samples",
            "1000",
            "--from",
            "10.0.0.1:11211,10.0.0.2:11211",
            "--to",
            "10.0.0.1:11211,10.0.0.2:11211");
    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("No key moves.");
  }

  @Test
  void diff_ofAListTheSelectorRefuses_exitsWith2_namingTheSide() {
    CommandRun run =
        CommandRun.of(
            "diff",
            "--selector",
            "ketama",
            "--from",
            "10.0.0.1:11211",
            "--to",
            "10.0.0.1:11211,10.0.0.1:11211:2");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "hashring diff: --to: duplicate server 10.0.0.1:11211 at positions 0 and 1: each"
                + " memcached server may be listed once\n");
  }

  @Test
  void diff_withTooFewSamples_exitsWith2() {
    CommandRun run =
        CommandRun.of(
            "diff",
            "--selector",
            "modulo",
            "--samples",
            "0",
            "--from",
            "10.0.0.1:11211",
            "--to",
            "10.0.0.2:11211");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("hashring diff: --samples must be at least 1: 0\n");
  }
}
