package dev.hashring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hashring tck} on provider jars compiled by the test: a correct selector, and the selector
 * this project started from, whose failover sequence goes round the ring forever.
 */
class TckCommandTest {

  /**
   * A rendezvous selector with an FNV-1a key hash: correct, with the traits rendezvous hashing has
   * when weights are equal (it does not claim WEIGHTED).
   */
  private static final String ACME_SELECTOR =
      """
      package acme;

      import dev.hashring.Ring;
      import dev.hashring.Server;
      import dev.hashring.ServerSelector;
      import dev.hashring.spi.Options;
      import dev.hashring.spi.ServerLists;
      import java.util.List;
      import java.util.Map;

      public final class AcmeSelector implements ServerSelector {
        public AcmeSelector() {}

        @Override
        public String name() {
          return "acme";
        }

        @Override
        public Ring ring(List<Server> servers, Map<String, String> options) {
          List<Server> list = ServerLists.requireValid(servers);
          Options.of("acme", options).requireNoOthers();
          return new AcmeRing(list);
        }
      }
      """;

  private static final String ACME_RING =
      """
      package acme;

      import dev.hashring.Ring;
      import dev.hashring.Server;
      import dev.hashring.Trait;
      import java.nio.charset.StandardCharsets;
      import java.util.ArrayList;
      import java.util.Comparator;
      import java.util.Iterator;
      import java.util.List;
      import java.util.Objects;
      import java.util.Set;

      final class AcmeRing implements Ring {
        private final List<Server> servers;
        private final long[] seeds;

        AcmeRing(List<Server> servers) {
          this.servers = servers;
          this.seeds = new long[servers.size()];
          for (int i = 0; i < seeds.length; i++) {
            seeds[i] = fnv(servers.get(i).address().getBytes(StandardCharsets.UTF_8));
          }
        }

        static long fnv(byte[] bytes) {
          long hash = 0xcbf29ce484222325L;
          for (byte b : bytes) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
          }
          return hash;
        }

        static long mix(long z) {
          z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
          z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
          return z ^ (z >>> 31);
        }

        @Override
        public Server primary(byte[] key) {
          long hash = fnv(Objects.requireNonNull(key, "key"));
          int best = 0;
          for (int i = 1; i < seeds.length; i++) {
            if (mix(hash ^ seeds[i]) > mix(hash ^ seeds[best])) {
              best = i;
            }
          }
          return servers.get(best);
        }

        @Override
        public Iterator<Server> failover(byte[] key) {
          long hash = fnv(Objects.requireNonNull(key, "key"));
          List<Integer> order = new ArrayList<>();
          for (int i = 0; i < seeds.length; i++) {
            order.add(i);
          }
          order.sort(Comparator.comparingLong((Integer i) -> mix(hash ^ seeds[i])).reversed());
          List<Server> sequence = new ArrayList<>();
          order.forEach(i -> sequence.add(servers.get(i)));
          return List.copyOf(sequence).iterator();
        }

        @Override
        public List<Server> servers() {
          return servers;
        }

        @Override
        public Set<Trait> traits() {
          return Set.of(Trait.MINIMAL_DISRUPTION, Trait.FAILOVER_IS_REMOVAL);
        }
      }
      """;

  /**
   * The original ring's failover: after the last server it starts again from the first, forever,
   * like the Python generator this project started from.
   */
  private static final String ENDLESS_SELECTOR =
      """
      package endless;

      import dev.hashring.Ring;
      import dev.hashring.Server;
      import dev.hashring.ServerSelector;
      import dev.hashring.Trait;
      import dev.hashring.spi.Options;
      import dev.hashring.spi.ServerLists;
      import java.util.Arrays;
      import java.util.Iterator;
      import java.util.List;
      import java.util.Map;
      import java.util.Objects;
      import java.util.Set;

      public final class EndlessSelector implements ServerSelector {
        public EndlessSelector() {}

        @Override
        public String name() {
          return "endless";
        }

        @Override
        public Ring ring(List<Server> servers, Map<String, String> options) {
          List<Server> list = ServerLists.requireValid(servers);
          Options.of("endless", options).requireNoOthers();
          return new Ring() {
            @Override
            public Server primary(byte[] key) {
              return list.get(Math.floorMod(Arrays.hashCode(Objects.requireNonNull(key)), list.size()));
            }

            @Override
            public Iterator<Server> failover(byte[] key) {
              int start = Math.floorMod(Arrays.hashCode(Objects.requireNonNull(key)), list.size());
              return new Iterator<Server>() {
                private int next = start;

                @Override
                public boolean hasNext() {
                  return true;
                }

                @Override
                public Server next() {
                  return list.get(next++ % list.size());
                }
              };
            }

            @Override
            public List<Server> servers() {
              return list;
            }

            @Override
            public Set<Trait> traits() {
              return Set.of();
            }
          };
        }
      }
      """;

  private static Path goodJar;
  private static Path endlessJar;

  @BeforeAll
  static void buildJars(@TempDir Path directory) throws IOException {
    goodJar =
        ProviderJar.build(
            directory,
            "acme-ring",
            Map.of("acme.AcmeSelector", ACME_SELECTOR, "acme.AcmeRing", ACME_RING),
            List.of("acme.AcmeSelector"));
    endlessJar =
        ProviderJar.build(
            directory,
            "endless-ring",
            Map.of("endless.EndlessSelector", ENDLESS_SELECTOR),
            List.of("endless.EndlessSelector"));
  }

  @Test
  void aCorrectProvider_passes_withExitStatus0() {
    CommandRun run = CommandRun.of("tck", "--jar", goodJar.toString());
    assertThat(run.status()).as("%s", run).isZero();
    assertThat(run.out())
        .startsWith(
            "ServerSelector 'acme' (acme.AcmeSelector, "
                + goodJar
                + ") with default options: passed\n")
        .contains("  passed   1.4 failover lists every server exactly once, then ends\n")
        .contains("  passed   2.2 adding a server moves keys only to it, about its share of them\n")
        .contains("  skipped  2.1 a server's share of keys follows its weight\n")
        .endsWith(
            "PASSED: 1 provider, 14 rule checks: 13 passed, 0 failed, 1 skipped (trait not"
                + " claimed)\n");
  }

  @Test
  void aFailoverThatNeverEnds_failsRule14_withExitStatus1_insteadOfHanging() {
    CommandRun run = CommandRun.of("tck", "--jar", endlessJar.toString(), "--time-limit", "20");
    assertThat(run.status()).as("%s", run).isEqualTo(1);
    assertThat(run.out())
        .startsWith("ServerSelector 'endless' (endless.EndlessSelector, " + endlessJar + ")")
        .contains("  FAILED   1.4 failover lists every server exactly once, then ends\n")
        .contains("Rule 1.4 violated: failover lists every server exactly once, then ends")
        .contains("FAILED: 1 provider");
  }

  @Test
  void aSelectorNotInTheJar_isAProblem_withExitStatus1() {
    CommandRun run = CommandRun.of("tck", "--jar", goodJar.toString(), "--selector", "acm");
    assertThat(run.status()).as("%s", run).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "no ServerSelector named 'acm' in ["
                + goodJar
                + "]; available: acme (did you mean 'acme'?)")
        .endsWith("FAILED: no provider was checked; 1 problem loading providers\n");
  }

  @Test
  void anOptionTheSelectorRefuses_failsTheRules() {
    CommandRun run =
        CommandRun.of("tck", "--jar", goodJar.toString(), "--option", "compat=libmemcached");
    assertThat(run.status()).as("%s", run).isEqualTo(1);
    assertThat(run.out()).contains("unknown option 'compat' for selector acme");
  }

  @Test
  void aJarThatDoesNotExist_exitsWith2() {
    CommandRun run = CommandRun.of("tck", "--jar", "no/such.jar");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("hashring tck: jar file does not exist or is not a file: no/such.jar (");
  }

  @Test
  void aTimeLimitBelowOneSecond_exitsWith2() {
    CommandRun run = CommandRun.of("tck", "--jar", goodJar.toString(), "--time-limit", "0");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("hashring tck: --time-limit must be at least 1 second: 0\n");
  }
}
