package dev.hashring.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelectors;
import dev.hashring.tck.CompatVectors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LocateCommandTest {

  private static final String SERVERS = "10.0.0.1:11211,10.0.0.2:11211:2,cache-3.example.com:11212";

  private static final List<String> KEYS =
      List.of("user:1", "user:2", "session:9f2c41", "feed:7:page:3", "москва:1", "naïve", "a", "x");

  static Stream<Arguments> configurations() {
    return Stream.of(
        Arguments.of("ketama", List.of()),
        Arguments.of("ketama", List.of("compat=libmemcached")),
        Arguments.of("ketama", List.of("compat=twemproxy", "hash=md5")),
        Arguments.of("modulo", List.of()),
        Arguments.of("jump", List.of("hash=fnv1a_64")),
        Arguments.of("rendezvous", List.of()),
        Arguments.of("maglev", List.of()));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("configurations")
  void locate_printsEachKeyWithTheServerTheLibraryPicks(String selector, List<String> options) {
    List<String> args = new ArrayList<>(List.of("locate", "--selector", selector));
    Map<String, String> optionMap = new java.util.LinkedHashMap<>();
    for (String option : options) {
      args.add("--option");
      args.add(option);
      optionMap.put(
          option.substring(0, option.indexOf('=')), option.substring(option.indexOf('=') + 1));
    }
    args.addAll(List.of("--servers", SERVERS));
    CommandRun run =
        CommandRun.withInput(
            (String.join("\n", KEYS) + "\n").getBytes(UTF_8), args.toArray(String[]::new));

    List<Server> servers =
        List.of(
            Server.of("10.0.0.1", 11211),
            Server.of("10.0.0.2", 11211, 2),
            Server.of("cache-3.example.com", 11212));
    Ring ring = ServerSelectors.forName(selector).ring(servers, optionMap);
    StringBuilder expected = new StringBuilder();
    for (String key : KEYS) {
      expected.append(key).append('\t').append(ring.primary(key.getBytes(UTF_8)).address());
      expected.append('\n');
    }
    assertThat(run.status()).as("%s", run).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo(expected.toString());
  }

  /** Every recorded vector file that names its configuration: the real client's answers. */
  static Stream<String> recordedVectors() {
    Path directory = RepositoryFiles.root().resolve("compat-vectors");
    return CompatVectors.filesIn(directory).stream()
        .filter(file -> CompatVectors.read(file).configuration().isPresent())
        .map(file -> file.getFileName().toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordedVectors")
  void locate_answersAsTheRecordedClientDid(String name, @TempDir Path temp) throws IOException {
    CompatVectors vectors =
        CompatVectors.read(RepositoryFiles.root().resolve("compat-vectors").resolve(name));
    CompatVectors.Configuration configuration = vectors.configuration().orElseThrow();
    Path keys = temp.resolve("keys.txt");
    StringBuilder keyLines = new StringBuilder();
    StringBuilder expected = new StringBuilder();
    for (CompatVectors.Placement placement : vectors.placements()) {
      keyLines.append(placement.key()).append('\n');
      expected.append(placement.key()).append('\t').append(placement.address()).append('\n');
    }
    Files.writeString(keys, keyLines, UTF_8);
    List<String> args = new ArrayList<>(List.of("locate", "--selector", configuration.selector()));
    configuration
        .options()
        .forEach((key, value) -> args.addAll(List.of("--option", key + "=" + value)));
    args.addAll(
        List.of("--servers", ServerListText.format(vectors.servers()), "--keys", keys.toString()));

    CommandRun run = CommandRun.of(args.toArray(String[]::new));

    assertThat(vectors.placements()).isNotEmpty();
    assertThat(run.status()).as("%s", run.err()).isZero();
    assertThat(run.out()).isEqualTo(expected.toString());
  }

  @Test
  void recordedVectors_includeEveryKindOfClient() {
    List<String> names = recordedVectors().toList();
    assertThat(names)
        .anyMatch(name -> name.startsWith("pylibmc-ketama"))
        .anyMatch(name -> name.startsWith("php-libketama"))
        .anyMatch(name -> name.startsWith("twemproxy-ketama"))
        .anyMatch(name -> name.startsWith("twemproxy-modula"))
        .anyMatch(name -> name.startsWith("dalli-ring"))
        .anyMatch(name -> name.startsWith("pymemcache-rendezvous"))
        .anyMatch(name -> name.startsWith("pylibmc-modula"));
  }

  @Test
  void locate_readsLinesEndedByNewlineOrCrLf_andALastLineWithoutEnd() {
    CommandRun run =
        CommandRun.withInput(
            "one\r\ntwo\n\nthree".getBytes(UTF_8),
            "locate",
            "--selector",
            "ketama",
            "--servers",
            SERVERS);
    Ring ring = ServerSelectors.forName("ketama").ring(parse(SERVERS));
    assertThat(run.status()).as("%s", run).isZero();
    assertThat(run.out())
        .isEqualTo(
            "one\t"
                + ring.primary("one").address()
                + "\n"
                + "two\t"
                + ring.primary("two").address()
                + "\n"
                + "\t"
                + ring.primary("").address()
                + "\n"
                + "three\t"
                + ring.primary("three").address()
                + "\n");
  }

  @Test
  void locate_keepsKeyBytesThatAreNotUtf8_andLongKeys() {
    byte[] notUtf8 = {'k', (byte) 0xff, (byte) 0xc3, 'z'};
    byte[] longKey = "k".repeat(3000).getBytes(UTF_8);
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    input.writeBytes(notUtf8);
    input.write('\n');
    input.writeBytes(longKey);
    input.write('\n');

    CommandRun run =
        CommandRun.withInput(
            input.toByteArray(), "locate", "--selector", "jump", "--servers", SERVERS);

    Ring ring = ServerSelectors.forName("jump").ring(parse(SERVERS));
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.writeBytes(notUtf8);
    expected.writeBytes(("\t" + ring.primary(notUtf8).address() + "\n").getBytes(UTF_8));
    expected.writeBytes(longKey);
    expected.writeBytes(("\t" + ring.primary(longKey).address() + "\n").getBytes(UTF_8));
    assertThat(run.status()).as("%s", run).isZero();
    assertThat(run.outBytes()).isEqualTo(expected.toByteArray());
  }

  @Test
  void locate_answersWhileItReads_inInputOrder() {
    int keys = 300_000;
    Ring ring = ServerSelectors.forName("ketama").ring(parse(SERVERS));
    // An input that generates its keys as it is read, and notes how much output there was when
    // the last key was handed over: a command that read everything first would have printed none.
    CountingOutput output = new CountingOutput(ring);
    GeneratedKeys input = new GeneratedKeys(keys, output);
    int status =
        HashringCommand.execute(
            new StandardStreams(
                input,
                new java.io.PrintStream(output, false, UTF_8),
                new java.io.PrintStream(new ByteArrayOutputStream(), true, UTF_8),
                false),
            "locate",
            "--selector",
            "ketama",
            "--servers",
            SERVERS);

    assertThat(status).isZero();
    assertThat(output.lines).isEqualTo(keys);
    assertThat(output.mismatches).as("lines out of order or with the wrong server").isZero();
    assertThat(input.outputWhenEnded)
        .as("lines printed before the input ended")
        .isGreaterThan(keys / 2);
  }

  @Test
  void unknownSelector_exitsWith2_andTheRegistryMessage() {
    CommandRun run = CommandRun.of("locate", "--selector", "ketamma", "--servers", SERVERS);
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.outBytes()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "hashring locate: " + messageOf(() -> ServerSelectors.forName("ketamma")) + "\n");
    assertThat(run.err()).contains("(did you mean 'ketama'?)");
  }

  @Test
  void badServerSpec_exitsWith2_namingTheOptionThePositionAndTheSpec() {
    CommandRun run =
        CommandRun.of(
            "locate", "--selector", "ketama", "--servers", "10.0.0.1:11211,10.0.0.2:99999");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "hashring locate: --servers: server 2 of 2, '10.0.0.2:99999': "
                + messageOf(() -> Server.parse("10.0.0.2:99999"))
                + "\n");
  }

  @Test
  void emptyServerInTheList_exitsWith2() {
    CommandRun run =
        CommandRun.of("locate", "--selector", "ketama", "--servers", "10.0.0.1:11211,,10.0.0.3:1");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "hashring locate: --servers: server 2 of 3 is empty (two commas in a row, or one at"
                + " an end): '10.0.0.1:11211,,10.0.0.3:1'\n");
  }

  @Test
  void badOptionValue_exitsWith2_withTheSelectorsMessage() {
    CommandRun run =
        CommandRun.of(
            "locate",
            "--selector",
            "ketama",
            "--option",
            "compat=libmemcache",
            "--servers",
            SERVERS);
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "hashring locate: "
                + messageOf(
                    () ->
                        ServerSelectors.forName("ketama")
                            .ring(parse(SERVERS), Map.of("compat", "libmemcache")))
                + "\n");
    assertThat(run.err()).contains("did you mean 'libmemcached'");
  }

  @Test
  void optionWithoutEquals_orGivenTwice_exitsWith2() {
    CommandRun noEquals =
        CommandRun.of("locate", "--selector", "ketama", "--option", "compat", "--servers", SERVERS);
    assertThat(noEquals.status()).isEqualTo(2);
    assertThat(noEquals.err())
        .isEqualTo(
            "hashring locate: --option must be key=value, such as compat=libmemcached or"
                + " hash=md5: 'compat'\n");

    CommandRun twice =
        CommandRun.of(
            "locate",
            "--selector",
            "ketama",
            "--option",
            "hash=md5",
            "--option",
            "hash=crc",
            "--servers",
            SERVERS);
    assertThat(twice.status()).isEqualTo(2);
    assertThat(twice.err())
        .isEqualTo(
            "hashring locate: --option hash is given twice, as 'md5' and 'crc': give each option"
                + " once\n");
  }

  @Test
  void missingKeyFile_exitsWith2() {
    CommandRun run =
        CommandRun.of(
            "locate", "--selector", "ketama", "--servers", SERVERS, "--keys", "no/such/keys.txt");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("hashring locate: --keys: no such file: no/such/keys.txt\n");
  }

  @Test
  void keyTheSelectorRefuses_exitsWith2_namingTheLine_afterTheLinesBefore() {
    // Dalli refuses the empty key, as Dalli itself does.
    CommandRun run =
        CommandRun.withInput(
            "a\n\nb\n".getBytes(UTF_8),
            "locate",
            "--selector",
            "ketama",
            "--option",
            "compat=dalli",
            "--servers",
            SERVERS);
    Ring ring = ServerSelectors.forName("ketama").ring(parse(SERVERS), Map.of("compat", "dalli"));
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.out()).isEqualTo("a\t" + ring.primary("a").address() + "\n");
    assertThat(run.err())
        .isEqualTo("hashring locate: line 2: " + messageOf(() -> ring.primary(new byte[0])) + "\n");
  }

  @Test
  void missingRequiredOption_exitsWith2_andPointsToHelp() {
    CommandRun run = CommandRun.of("locate", "--selector", "ketama");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "hashring locate: Missing required option: '--servers=SPEC,SPEC,...'\n"
                + "Run 'hashring locate --help' for its options.\n");
  }

  private static List<Server> parse(String specs) {
    return ServerListText.parse("--servers", specs);
  }

  static String messageOf(Runnable failing) {
    try {
      failing.run();
    } catch (RuntimeException expected) {
      return expected.getMessage();
    }
    throw new AssertionError("expected an exception");
  }

  /** Keys {@code key:0}, {@code key:1}, ... generated as they are read. */
  private static final class GeneratedKeys extends InputStream {
    private final int keys;
    private final CountingOutput output;
    private int next;
    private byte[] pending = new byte[0];
    private int at;
    long outputWhenEnded = -1;

    GeneratedKeys(int keys, CountingOutput output) {
      this.keys = keys;
      this.output = output;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (at == pending.length) {
        if (next == keys) {
          if (outputWhenEnded < 0) {
            outputWhenEnded = output.lines;
          }
          return -1;
        }
        StringBuilder chunk = new StringBuilder();
        for (int i = 0; i < 1000 && next < keys; i++) {
          chunk.append("key:").append(next++).append('\n');
        }
        pending = chunk.toString().getBytes(UTF_8);
        at = 0;
      }
      int count = Math.min(length, pending.length - at);
      System.arraycopy(pending, at, buffer, offset, count);
      at += count;
      return count;
    }

    @Override
    public int available() {
      return pending.length - at;
    }
  }

  /** Checks each output line against the ring as it arrives, keeping only counts. */
  private static final class CountingOutput extends java.io.OutputStream {
    private final Ring ring;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    long lines;
    long mismatches;

    CountingOutput(Ring ring) {
      this.ring = ring;
    }

    @Override
    public void write(int b) {
      if (b != '\n') {
        line.write(b);
        return;
      }
      String text = line.toString(UTF_8);
      line.reset();
      String expected = "key:" + lines;
      expected = expected + "\t" + ring.primary(expected).address();
      if (!text.equals(expected)) {
        mismatches++;
      }
      lines++;
    }
  }
}
