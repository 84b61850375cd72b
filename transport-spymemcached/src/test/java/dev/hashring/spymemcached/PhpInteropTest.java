package dev.hashring.spymemcached;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hashring.Server;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import net.spy.memcached.MemcachedClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One cache cluster shared with PHP: php-memcached (the Debian packages {@code php-cli} and {@code
 * php-memcached}, libmemcached underneath) with {@code OPT_LIBKETAMA_COMPATIBLE} and weighted
 * servers, and our client with {@code selector=ketama, compat=libmemcached-weighted}, on real
 * memcached servers. Each reads every key the other wrote, with the same value.
 *
 * <p>Values: php-memcached stores a PHP string as its bytes with flags 0, and spymemcached's
 * default {@code SerializingTranscoder} stores a {@code String} as its UTF-8 bytes with flags 0 and
 * reads flags 0 as a UTF-8 string, so strings round-trip as they are (below the compression
 * thresholds: 2000 bytes for PHP, 16384 for spymemcached). Keys are ASCII: php-memcached refuses
 * others.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PhpInteropTest {

  private static final int KEYS = 300;
  private static final String ALPHABET =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:_-./#";

  @TempDir Path directory;
  private List<MemcachedProcess> processes;
  private List<Server> servers;
  private MemcachedClient client;
  private HashRingConnectionFactory factory;

  @BeforeEach
  void start() {
    processes = MemcachedProcess.start(4);
    int[] weights = {1, 4, 2, 3};
    servers = new ArrayList<>();
    for (int i = 0; i < processes.size(); i++) {
      servers.add(processes.get(i).server().withWeight(weights[i]));
    }
    factory =
        HashRingConnectionFactory.builder()
            .selector("ketama")
            .option("compat", "libmemcached-weighted")
            .servers(servers)
            .connectionFactoryBuilder(Clients.settings())
            .build();
    client = Clients.start(factory);
  }

  @AfterEach
  void stop() {
    Clients.stop(client);
    if (processes != null) {
      processes.forEach(MemcachedProcess::close);
    }
  }

  private static List<String> keys(String prefix, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < KEYS; i++) {
      StringBuilder key = new StringBuilder(prefix).append(i).append(':');
      for (int c = random.nextInt(1, 40); c > 0; c--) {
        key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      keys.add(key.toString());
    }
    return keys;
  }

  @Test
  void keysWrittenByPhp_areReadByOurClient_fromTheServerOurRingNames() throws Exception {
    List<String> keys = keys("php:", 1);
    php("write", keys);

    Map<String, Object> read =
        client.asyncGetBulk(keys).get(Clients.WAIT_SECONDS, TimeUnit.SECONDS);

    List<String> wrong = new ArrayList<>();
    for (String key : keys) {
      String expected = "php:" + key + " ✓ ünïcödé";
      if (!expected.equals(read.get(key))) {
        wrong.add(key + " read " + read.get(key));
      }
      InetSocketAddress ours =
          (InetSocketAddress) client.getNodeLocator().getPrimary(key).getSocketAddress();
      MemcachedProcess holder = processOnPort(ours.getPort());
      MemcachedProcess.Item item = holder.get(key).orElse(null);
      if (item == null || item.flags != 0 || !item.text().equals(expected)) {
        wrong.add(key + ": not as PHP wrote it on " + holder + ", our ring's server");
      }
    }
    assertThat(wrong)
        .as("keys PHP wrote that our client did not read back (of %d)", KEYS)
        .isEmpty();
  }

  @Test
  void keysWrittenByOurClient_areReadByPhp() throws Exception {
    List<String> keys = keys("java:", 2);
    for (String key : keys) {
      assertThat(Clients.set(client, key, "java:" + key + " ✓ ünïcödé")).as(key).isTrue();
    }
    for (String key : keys.subList(0, 10)) {
      InetSocketAddress ours =
          (InetSocketAddress) client.getNodeLocator().getPrimary(key).getSocketAddress();
      assertThat(processOnPort(ours.getPort()).get(key))
          .hasValueSatisfying(item -> assertThat(item.flags).as("flags of %s", key).isZero());
    }

    Map<String, String> read = parse(php("read", keys));

    List<String> wrong = new ArrayList<>();
    for (String key : keys) {
      String expected = "=java:" + key + " ✓ ünïcödé";
      if (!expected.equals(read.get(key))) {
        wrong.add(key + " read " + read.get(key));
      }
    }
    assertThat(wrong)
        .as("keys our client wrote that PHP did not read back (of %d)", KEYS)
        .isEmpty();
  }

  private MemcachedProcess processOnPort(int port) {
    return processes.stream().filter(p -> p.port() == port).findFirst().orElseThrow();
  }

  private static Map<String, String> parse(String output) {
    Map<String, String> read = new LinkedHashMap<>();
    for (String line : output.split("\n")) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        read.put(line.substring(0, tab), line.substring(tab + 1));
      }
    }
    return read;
  }

  /** Runs the PHP side; returns its standard output. */
  private String php(String mode, List<String> keys) throws IOException, InterruptedException {
    Path keysFile = Files.write(directory.resolve(mode + "-keys.txt"), keys, UTF_8);
    String serverList =
        servers.stream()
            .map(server -> server.host() + ":" + server.port() + ":" + server.weight())
            .collect(Collectors.joining(","));
    Path output = directory.resolve(mode + "-out.txt");
    Path errors = directory.resolve(mode + "-err.txt");
    List<String> command =
        List.of(php(), script().toString(), mode, serverList, keysFile.toString());
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(output.toFile())
            .redirectError(errors.toFile())
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("php did not finish within 60 s: " + command);
    }
    if (process.exitValue() != 0) {
      throw new AssertionError(
          "php exited with "
              + process.exitValue()
              + ": "
              + Files.readString(errors, UTF_8)
              + Files.readString(output, UTF_8)
              + (process.exitValue() == 3
                  ? " (install the Debian packages php-cli and php-memcached)"
                  : ""));
    }
    return Files.readString(output, UTF_8);
  }

  private static String php() {
    for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(directory.isEmpty() ? "." : directory, "php");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new AssertionError(
        "php is not installed (no 'php' on the PATH): this test runs php-memcached; install the"
            + " Debian packages php-cli and php-memcached");
  }

  private static Path script() {
    try {
      return Path.of(PhpInteropTest.class.getResource("cluster.php").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
