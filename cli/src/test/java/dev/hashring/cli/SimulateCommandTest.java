package dev.hashring.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelector;
import dev.hashring.ServerSelectors;
import dev.hashring.Trait;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class SimulateCommandTest {

  private static final int KEYS = 4000;

  @Test
  void defaults_reportEverySelector_nextToTheIdealOf8In13() {
    CommandRun run = CommandRun.of("simulate", "--keys", Integer.toString(KEYS), "--timing", "0");
    assertThat(run.status()).as("%s", run).isZero();
    assertThat(run.out())
        .startsWith(
            "4,000 random keys (seed 1) on 8 servers: 10.0.0.1:11211, 10.0.0.2:11211,"
                + " 10.0.0.3:11211, 10.0.0.4:11211, 10.0.0.5:11211, 10.0.0.6:11211,"
                + " 10.0.0.7:11211, 10.0.0.8:11211\n"
                + "added   5 servers: 10.0.0.9:11211, 10.0.0.10:11211, 10.0.0.11:11211,"
                + " 10.0.0.12:11211, 10.0.0.13:11211\n"
                + "ideal   8/13 = 61.5% of keys stay on their server\n");

    SimulationTable table = new SimulationTable(run.out());
    assertThat(table.header)
        .containsExactly(
            "selector",
            "options",
            "stayed",
            "ideal",
            "kept->kept",
            "max before",
            "sd before",
            "max after",
            "sd after",
            "lookups/s");
    assertThat(table.rows)
        .extracting(row -> row.get("selector"))
        .containsExactlyElementsOf(ServerSelectors.registry().names());

    List<Server> before = SimulateCommand.generatedServers(8, List.of());
    List<Server> after = SimulateCommand.generatedServers(13, List.of());
    for (ServerSelector selector : ServerSelectors.all()) {
      Map<String, String> row = table.row(selector.name(), "(default options)");
      assertThat(row).hasSize(10);
      assertThat(row.get("ideal")).isEqualTo("61.5%");
      assertThat(row.get("lookups/s")).isEqualTo("-");
      // The shares printed are those counted here, independently, on the same keys.
      Ring ringBefore = selector.ring(before);
      Ring ringAfter = selector.ring(after);
      SeededKeys keys = new SeededKeys(1);
      int stayed = 0;
      int amongKept = 0;
      for (int i = 0; i < KEYS; i++) {
        String key = keys.text(i);
        Server was = ringBefore.primary(key);
        Server now = ringAfter.primary(key);
        if (was.equals(now)) {
          stayed++;
        } else if (before.contains(now)) {
          amongKept++;
        }
      }
      assertThat(row.get("stayed"))
          .as(selector.name())
          .isEqualTo(SimulationReport.percent(stayed / (double) KEYS));
      assertThat(row.get("kept->kept"))
          .as(selector.name())
          .isEqualTo(SimulationReport.percent(amongKept / (double) KEYS));
      if (ringBefore.traits().contains(Trait.MINIMAL_DISRUPTION)) {
        // 8/13 ± 0.08: over five standard deviations of the new servers' share of a 160-point
        // ring (0.011) and of sampling 4,000 keys (0.008) together.
        assertThat(row.get("kept->kept")).as(selector.name()).isEqualTo("0.0%");
        assertThat(SimulationTable.share(row.get("stayed")))
            .as(selector.name())
            .isCloseTo(8 / 13.0, within(0.08));
      }
    }
    // Modulo keeps a key when n mod 8 = n mod 13: 8 numbers of 104, 7.7%.
    assertThat(SimulationTable.share(table.row("modulo", "(default options)").get("stayed")))
        .isCloseTo(8 / 104.0, within(0.03));
  }

  @Test
  void loadColumns_areTheFullestServerAndTheDeviation_overTheFairShare() {
    CommandRun run =
        CommandRun.of(
            "simulate",
            "--keys",
            "3000",
            "--timing",
            "0",
            "--selector",
            "modulo",
            "--servers",
            "3",
            "--add",
            "1");
    assertThat(run.status()).as("%s", run).isZero();
    // Count modulo's keys per server here, and work out the columns by hand.
    List<Server> three = SimulateCommand.generatedServers(3, List.of());
    List<Server> four = SimulateCommand.generatedServers(4, List.of());
    long[] before = counts(ServerSelectors.forName("modulo").ring(three), three, 3000);
    long[] after = counts(ServerSelectors.forName("modulo").ring(four), four, 3000);
    Map<String, String> row = new SimulationTable(run.out()).row("modulo", "(default options)");
    assertThat(row.get("max before")).isEqualTo(String.format("%.2f", max(before) / 1000.0));
    assertThat(row.get("max after")).isEqualTo(String.format("%.2f", max(after) / 750.0));
    double squares = 0;
    for (long count : after) {
      squares += Math.pow(count / 750.0 - 1, 2);
    }
    assertThat(row.get("sd after")).isEqualTo(SimulationReport.percent(Math.sqrt(squares / 4)));
  }

  @Test
  void timing_reportsARate_perSelector() {
    CommandRun run =
        CommandRun.of("simulate", "--keys", "500", "--timing", "30", "--selector", "jump");
    assertThat(run.status()).as("%s", run).isZero();
    String rate = new SimulationTable(run.out()).row("jump", "(default options)").get("lookups/s");
    assertThat(rate).matches("[0-9]+(\\.[0-9])? [kM]");
    assertThat(run.out())
        .contains(
            "lookups/s   primary(byte[]) on the ring after the change, one thread, 500 distinct keys");
  }

  @Test
  void removing_hasTheIdealOfTheServersLeft_andNamesTheRemovedServers() {
    CommandRun run =
        CommandRun.of(
            "simulate",
            "--keys",
            "2000",
            "--timing",
            "0",
            "--remove",
            "2",
            "--selector",
            "ketama",
            "--selector",
            "rendezvous");
    assertThat(run.status()).as("%s", run).isZero();
    assertThat(run.out())
        .containsPattern(
            "\nremoved 2 servers: 10\\.0\\.0\\.[0-9]:11211, 10\\.0\\.0\\.[0-9]:11211\n");
    assertThat(run.out()).contains("\nideal   6/8 = 75.0% of keys stay on their server\n");
    assertThat(run.out()).doesNotContain("added");
    SimulationTable table = new SimulationTable(run.out());
    for (Map<String, String> row : table.rows) {
      assertThat(row.get("kept->kept")).as(row.toString()).isEqualTo("0.0%");
      assertThat(SimulationTable.share(row.get("stayed")))
          .as(row.toString())
          .isCloseTo(0.75, within(0.07));
    }
  }

  @Test
  void weights_changeTheIdeal_toTheSumOfTheSmallerShares() {
    // Eight servers of weight 1, then five of weight 2: each kept server goes from 1/8 to 1/18 of
    // the keys, so at most 8/18 can stay.
    CommandRun run =
        CommandRun.of(
            "simulate",
            "--keys",
            "1000",
            "--timing",
            "0",
            "--selector",
            "ketama",
            "--weights",
            "1,1,1,1,1,1,1,1,2,2,2,2,2");
    assertThat(run.status()).as("%s", run).isZero();
    assertThat(run.out()).contains("\nadded   5 servers: 10.0.0.9:11211:2, 10.0.0.10:11211:2,");
    assertThat(run.out()).contains("\nideal   44.4% of keys stay on their server\n");
  }

  @Test
  void idealStay_isTheSumOverKeptServersOfTheSmallerShare() {
    Server a = Server.of("10.0.0.1", 11211, 1);
    Server b = Server.of("10.0.0.2", 11211, 3);
    Server c = Server.of("10.0.0.3", 11211, 2);
    Server d = Server.of("10.0.0.4", 11211, 4);
    // Before: a 1/6, b 3/6, c 2/6. c leaves, d joins: a 1/8, b 3/8, d 4/8.
    // a keeps min(1/6, 1/8) = 1/8, b keeps min(3/6, 3/8) = 3/8: 1/2 in all.
    Scenario scenario = new Scenario(List.of(a, b, c), List.of(c), List.of(d));
    assertThat(scenario.after()).containsExactly(a, b, d);
    assertThat(scenario.idealStay()).isCloseTo(0.5, within(1e-12));
    assertThat(scenario.idealFraction()).isEmpty();
    Scenario equal =
        new Scenario(
            SimulateCommand.generatedServers(8, List.of()),
            List.of(),
            SimulateCommand.generatedServers(13, List.of()).subList(8, 13));
    assertThat(equal.idealFraction()).isEqualTo("8/13");
    assertThat(equal.idealStay()).isCloseTo(8 / 13.0, within(1e-12));
  }

  @Test
  void loadSpread_comparesEachServerWithItsShareByWeight() {
    // Weights 1 and 3, 400 keys: fair shares 100 and 300. Counts 150 and 250: ratios 1.5 and
    // 0.83; deviation sqrt((0.5^2 + (1/6)^2) / 2).
    LoadSpread spread =
        LoadSpread.of(
            new long[] {150, 250},
            List.of(Server.of("10.0.0.1", 11211, 1), Server.of("10.0.0.2", 11211, 3)));
    assertThat(spread.maxOverFair()).isCloseTo(1.5, within(1e-12));
    assertThat(spread.deviation()).isCloseTo(Math.sqrt((0.25 + 1 / 36.0) / 2), within(1e-12));
  }

  @Test
  void allProfiles_runsEveryCompatProfileOfEverySelector() {
    CommandRun run = CommandRun.of("simulate", "--keys", "300", "--timing", "0", "--all-profiles");
    assertThat(run.status()).as("%s", run).isZero();
    List<String> expected = new ArrayList<>();
    for (ServerSelector selector : ServerSelectors.all()) {
      if (selector.compatProfiles().isEmpty()) {
        expected.add(selector.name() + " (default options)");
      }
      for (String profile : selector.compatProfiles()) {
        expected.add(selector.name() + " compat=" + profile);
      }
    }
    SimulationTable table = new SimulationTable(run.out());
    assertThat(table.rows)
        .extracting(row -> row.get("selector") + " " + row.get("options"))
        .containsExactlyElementsOf(expected);
    assertThat(expected).contains("ketama compat=libmemcached", "modulo compat=twemproxy");
  }

  @Test
  void aConfigurationTheSelectorRefuses_isARefusedRow_withTheSelectorsMessage() {
    CommandRun run =
        CommandRun.of(
            "simulate",
            "--keys",
            "300",
            "--timing",
            "0",
            "--selector",
            "ketama",
            "--selector",
            "jump",
            "--option",
            "points=40");
    assertThat(run.status()).as("%s", run).isZero();
    SimulationTable table = new SimulationTable(run.out());
    assertThat(table.row("jump", "points=40").get("stayed")).isEqualTo("refused");
    assertThat(table.row("ketama", "points=40").get("stayed")).endsWith("%");
    String message =
        LocateCommandTest.messageOf(
            () ->
                ServerSelectors.forName("jump")
                    .ring(SimulateCommand.generatedServers(8, List.of()), Map.of("points", "40")));
    assertThat(run.out())
        .contains(
            "Refused (the selector does not accept these servers or options):\n"
                + "  jump points=40: "
                + message
                + "\n");
  }

  @Test
  void aStatefulSelector_isToldTheChange_soOnlyTheRemovedServersKeysMove() {
    // Seed 1 removes 10.0.0.5 of eight. Anchor's optionsAfter records the removal in its
    // history, so only that server's keys move.
    CommandRun run =
        CommandRun.of(
            "simulate", "--keys", "4000", "--timing", "0", "--remove", "1", "--selector", "anchor");
    assertThat(run.status()).as("%s", run).isZero();
    assertThat(run.out()).contains("\nremoved 1 server: 10.0.0.5:11211\n");
    Map<String, String> row = new SimulationTable(run.out()).row("anchor", "(default options)");
    assertThat(row.get("kept->kept")).isEqualTo("0.0%");
    assertThat(SimulationTable.share(row.get("stayed"))).isCloseTo(7 / 8.0, within(0.03));
  }

  @Test
  void optionAfter_overridesWhatTheSelectorRecords() {
    // A history that forgets the removal (the seven servers added in list order) places keys as
    // jump does: removing a server from the middle moves keys between the others.
    String history =
        "history=+10.0.0.1:11211,+10.0.0.2:11211,+10.0.0.3:11211,+10.0.0.4:11211,"
            + "+10.0.0.6:11211,+10.0.0.7:11211,+10.0.0.8:11211";
    CommandRun run =
        CommandRun.of(
            "simulate",
            "--keys",
            "4000",
            "--timing",
            "0",
            "--remove",
            "1",
            "--selector",
            "anchor",
            "--option-after",
            history);
    assertThat(run.status()).as("%s", run).isZero();
    Map<String, String> row =
        new SimulationTable(run.out())
            .row("anchor", "(default options), after: history=+10.0.0.1:11211,+10.0...");
    assertThat(SimulationTable.share(row.get("kept->kept"))).isGreaterThan(0.1);
  }

  @Test
  void badArguments_exitWith2_andSayWhatIsAccepted() {
    assertError(
        new String[] {"simulate", "--servers", "0"}, "--servers must be from 1 to 10000: 0");
    assertError(
        new String[] {"simulate", "--servers", "4", "--remove", "4"},
        "--remove 4 would leave no server of the 4 before the change; remove at most 3");
    assertError(
        new String[] {"simulate", "--weights", "1,2"},
        "--weights gives 2 weights for 13 servers (8 before the change and 5 added): give one per"
            + " server, in order, or 'random'");
    assertError(
        new String[] {"simulate", "--servers", "1", "--add", "1", "--weights", "1,0"},
        "--weights: weight 2 must be an integer from 1 to 65535: '0'");
    assertError(
        new String[] {"simulate", "--plot", "chart.gif"},
        "--plot: the file name must end in .svg or .png, which say the format: 'chart.gif'");
    assertError(
        new String[] {"simulate", "--servers", "3", "--server-list", "10.0.0.1:11211"},
        "give --servers N or --server-list SPECS, not both");
    assertError(
        new String[] {"simulate", "--all-profiles", "--option", "compat=libmemcached"},
        "--all-profiles runs every compat profile: it cannot be combined with --option"
            + " compat=libmemcached");
    assertError(
        new String[] {"simulate", "--selector", "jump", "--selector", "jump"},
        "--selector jump is given twice");
    assertError(
        new String[] {"simulate", "--selector", "maglve"},
        LocateCommandTest.messageOf(() -> ServerSelectors.forName("maglve")));
    assertError(
        new String[] {"simulate", "--memcached-local", "2", "--option-after", "history=x"},
        "--option-after is for in-process runs: a running client changes its servers, not its"
            + " options");
    assertError(
        new String[] {"simulate", "--option-after", "history"},
        "--option-after must be key=value, such as compat=libmemcached or hash=md5: 'history'");
    assertError(
        new String[] {"simulate", "--memcached-local", "2", "--servers", "3"},
        "--servers and --server-list are for in-process runs; with --memcached-local the servers"
            + " are the memcached ones");
  }

  private static void assertError(String[] args, String message) {
    CommandRun run = CommandRun.of(args);
    assertThat(run.status()).as("%s", run).isEqualTo(2);
    assertThat(run.err()).isEqualTo("hashring simulate: " + message + "\n");
    assertThat(run.outBytes()).isEmpty();
  }

  @Test
  void plot_writesAnSvgWithABandPerSelector(@TempDir Path temp) throws Exception {
    Path svg = temp.resolve("chart.svg");
    CommandRun run =
        CommandRun.of(
            "simulate",
            "--keys",
            "500",
            "--timing",
            "0",
            "--selector",
            "ketama",
            "--selector",
            "modulo",
            "--plot",
            svg.toString());
    assertThat(run.status()).as("%s", run).isZero();
    assertThat(run.out()).endsWith("\nChart written to " + svg + "\n");

    Document document =
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
    assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(document.getDocumentElement().getAttribute("height"))
        .isEqualTo(Integer.toString(70 + 96 * 2 + 20));
    NodeList texts = document.getElementsByTagName("text");
    List<String> words = new ArrayList<>();
    for (int i = 0; i < texts.getLength(); i++) {
      words.add(texts.item(i).getTextContent());
    }
    assertThat(words)
        .contains("ketama", "modulo", "hashring simulate: 500 keys, 8 servers, 5 added");
    // One bar per server and side: 8 before and 13 after for each of the two selectors, plus
    // the legend's and the moved bars' rectangles.
    assertThat(document.getElementsByTagName("rect").getLength()).isGreaterThanOrEqualTo(2 * 21);
    // The same run draws the same bytes.
    byte[] first = Files.readAllBytes(svg);
    CommandRun.of(
        "simulate",
        "--keys",
        "500",
        "--timing",
        "0",
        "--selector",
        "ketama",
        "--selector",
        "modulo",
        "--plot",
        svg.toString());
    assertThat(Files.readAllBytes(svg)).isEqualTo(first);
  }

  @Test
  void plot_writesAPng(@TempDir Path temp) throws IOException {
    Path png = temp.resolve("chart.PNG");
    CommandRun run =
        CommandRun.of(
            "simulate",
            "--keys",
            "500",
            "--timing",
            "0",
            "--selector",
            "jump",
            "--plot",
            png.toString());
    assertThat(run.status()).as("%s", run).isZero();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(960);
    assertThat(image.getHeight()).isEqualTo(70 + 96 + 20);
  }

  @Test
  void plot_toADirectoryThatDoesNotExist_exitsWith2() {
    CommandRun run =
        CommandRun.of(
            "simulate",
            "--keys",
            "100",
            "--timing",
            "0",
            "--selector",
            "jump",
            "--plot",
            "/no/such/directory/chart.svg");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("hashring simulate: --plot: cannot write /no/such/directory/chart.svg: ");
  }

  // Live, on real memcached servers.

  @Test
  void memcachedLocal_findsExactlyTheKeysPredicted_andStopsItsServers() {
    CommandRun run =
        CommandRun.of(
            "simulate",
            "--memcached-local",
            "3",
            "--add",
            "2",
            "--keys",
            "400",
            "--selector",
            "ketama",
            "--selector",
            "modulo",
            "--selector",
            "jump");
    assertThat(run.status()).as("%s", run).isZero();
    assertThat(run.out())
        .startsWith(
            "Live, through the spymemcached transport, on local memcached processes started for"
                + " this run\n400 random keys (seed 1) on 3 servers: 127.0.0.1:");
    assertThat(run.out()).contains("\nideal   3/5 = 60.0% of keys stay on their server\n");
    SimulationTable table = new SimulationTable(run.out());
    assertThat(table.header)
        .containsExactly("selector", "options", "stored", "found", "predicted", "ideal");
    assertThat(table.rows).hasSize(3);
    for (Map<String, String> row : table.rows) {
      assertThat(row.get("stored")).as(row.toString()).isEqualTo("100.0%");
      assertThat(row.get("found")).as(row.toString()).isEqualTo(row.get("predicted"));
    }
    assertThat(SimulationTable.share(table.row("ketama", "(default options)").get("found")))
        .isCloseTo(0.6, within(0.15));
    assertThat(SimulationTable.share(table.row("modulo", "(default options)").get("found")))
        .isLessThan(0.45);

    // Every server it started is gone.
    Matcher ports = Pattern.compile("127\\.0\\.0\\.1:([0-9]+)").matcher(run.out());
    List<Integer> seen = new ArrayList<>();
    while (ports.find()) {
      seen.add(Integer.parseInt(ports.group(1)));
    }
    assertThat(seen).hasSize(5);
    for (int port : seen) {
      assertThat(accepts(port)).as("port %d after the run", port).isFalse();
    }
  }

  @Test
  void memcached_runsOnTheServersGiven_addingTheLastOnes() {
    try (LocalMemcached servers = LocalMemcached.start(4)) {
      String list = ServerListText.format(servers.servers());
      CommandRun run =
          CommandRun.of(
              "simulate",
              "--memcached",
              list,
              "--add",
              "1",
              "--keys",
              "300",
              "--selector",
              "rendezvous");
      assertThat(run.status()).as("%s", run).isZero();
      assertThat(run.out())
          .contains("on the servers given\n300 random keys (seed 1) on 3 servers: ")
          .contains("\nadded   1 server: " + servers.servers().get(3) + "\n");
      Map<String, String> row =
          new SimulationTable(run.out()).row("rendezvous", "(default options)");
      assertThat(row.get("stored")).isEqualTo("100.0%");
      assertThat(row.get("found")).isEqualTo(row.get("predicted"));
    }
  }

  @Test
  void memcached_withTooFewServersForAdd_exitsWith2() {
    CommandRun run =
        CommandRun.of("simulate", "--memcached", "127.0.0.1:11311,127.0.0.1:11312", "--add", "2");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "hashring simulate: --memcached lists 2 servers and --add is 2: the last 2 are added,"
                + " so list at least 3\n");
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  private static long[] counts(Ring ring, List<Server> servers, int keys) {
    long[] counts = new long[servers.size()];
    SeededKeys seeded = new SeededKeys(1);
    for (int i = 0; i < keys; i++) {
      counts[servers.indexOf(ring.primary(seeded.text(i)))]++;
    }
    return counts;
  }

  private static long max(long[] counts) {
    long max = 0;
    for (long count : counts) {
      max = Math.max(max, count);
    }
    return max;
  }
}
