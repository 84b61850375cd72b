package dev.hashring.tck;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.Trait;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/** Rules 1.4, 1.5 and 2.4: the failover sequence, the first available server, and removal. */
final class FailoverRules {

  private FailoverRules() {}

  /** Rule 1.4. */
  static void listsEveryServerOnce(SelectorUnderTest s) {
    byte[][] keys = SampleKeys.utf8(SampleKeys.realistic(14, 1_000));
    for (int size : BasicRingRules.SIZES) {
      List<Server> servers = SampleServers.of(size, 5);
      Set<Server> members = new HashSet<>(servers);
      Ring ring = s.ring(servers);
      for (byte[] key : keys) {
        Server primary = s.primary(ring, key);
        Iterator<Server> sequence = s.failoverIterator(ring, key);
        List<Server> read = new ArrayList<>();
        while (read.size() <= size && sequence.hasNext()) {
          read.add(sequence.next());
        }
        String problem = permutationProblem(read, servers, members, primary);
        if (problem != null) {
          throw s.violation()
              .key(key)
              .expected(
                  "primary(key) = "
                      + primary
                      + " first, then each other server of the "
                      + size
                      + " once, then the end of the sequence")
              .actual(problem)
              .build();
        }
        s.trace.call("failover", key);
        try {
          Server extra = sequence.next();
          throw s.violation()
              .key(key)
              .expected("next() to throw NoSuchElementException after hasNext() returned false")
              .actual("next() returned " + extra)
              .build();
        } catch (NoSuchElementException expected) {
          // The sequence has ended.
        }
      }
    }
  }

  /**
   * What is wrong with a failover sequence that was read up to {@code servers.size() + 1} elements.
   *
   * @return the problem, or {@code null} when it lists every server once, primary first
   */
  static String permutationProblem(
      List<Server> read, List<Server> servers, Set<Server> members, Server primary) {
    if (read.isEmpty()) {
      return "the sequence was empty";
    }
    if (!Objects.equals(read.get(0), primary)) {
      return "it started with " + read.get(0) + ": " + Describe.list(read);
    }
    Map<Server, Integer> seen = new HashMap<>();
    for (int i = 0; i < read.size(); i++) {
      Server server = read.get(i);
      if (!members.contains(server)) {
        return "element "
            + (i + 1)
            + " is "
            + server
            + ", not one of servers(): "
            + Describe.list(read);
      }
      Integer earlier = seen.putIfAbsent(server, i);
      if (earlier != null) {
        return server
            + " came twice, as elements "
            + (earlier + 1)
            + " and "
            + (i + 1)
            + ": "
            + Describe.list(read)
            + (read.size() > servers.size() ? readNoFurther(servers.size()) : "");
      }
    }
    if (read.size() > servers.size()) {
      return "it went on after "
          + servers.size()
          + " servers: "
          + Describe.list(read)
          + readNoFurther(servers.size());
    }
    if (read.size() < servers.size()) {
      List<Server> missing = new ArrayList<>(servers);
      missing.removeAll(read);
      return "it ended after "
          + read.size()
          + " of "
          + servers.size()
          + " servers: "
          + Describe.list(read)
          + "; missing: "
          + Describe.list(missing);
    }
    return null;
  }

  private static String readNoFurther(int count) {
    return " (the TCK reads no further than servers().size() + 1 = " + (count + 1) + " elements)";
  }

  /** Rule 1.5. */
  static void firstAvailable(SelectorUnderTest s) {
    List<String> keys = SampleKeys.realistic(15, 500);
    Random random = new Random(15);
    for (int size : new int[] {1, 3, 10}) {
      List<Server> servers = SampleServers.of(size, 6);
      Ring ring = s.ring(servers);
      for (String text : keys) {
        byte[] bytes = text.getBytes(UTF_8);
        List<Server> sequence = s.failover(ring, bytes, size);
        List<Set<Server>> accepted = new ArrayList<>();
        accepted.add(Set.of());
        for (Server server : servers) {
          accepted.add(Set.of(server));
        }
        for (int i = 0; i < 2; i++) {
          Set<Server> half = new HashSet<>();
          for (Server server : servers) {
            if (random.nextBoolean()) {
              half.add(server);
            }
          }
          accepted.add(half);
        }
        for (Set<Server> up : accepted) {
          // Of the servers firstAvailable may ask: the first servers().size() of the sequence.
          Optional<Server> expected =
              sequence.stream().limit(size).filter(up::contains).findFirst();
          for (Object key : new Object[] {bytes, text}) {
            Asked asked = new Asked(s, key, up, size);
            Optional<Server> found = s.firstAvailable(ring, key, asked);
            if (!found.equals(expected)) {
              throw s.violation()
                  .key(key)
                  .expected(
                      "the first server of the failover sequence "
                          + Describe.list(sequence)
                          + " that is up ("
                          + (up.isEmpty() ? "none is" : Describe.list(up))
                          + "): "
                          + expected.map(Server::toString).orElse("empty"))
                  .actual(
                      "firstAvailable returned "
                          + found.map(Server::toString).orElse("empty")
                          + " after asking about "
                          + Describe.list(asked.order))
                  .build();
            }
          }
        }
      }
    }
  }

  /** A predicate that accepts some servers and fails the rule when asked twice about one. */
  private static final class Asked implements Predicate<Server> {

    private final SelectorUnderTest s;
    private final Object key;
    private final Set<Server> up;
    private final int count;
    final List<Server> order = new ArrayList<>();

    Asked(SelectorUnderTest s, Object key, Set<Server> up, int count) {
      this.s = s;
      this.key = key;
      this.up = up;
      this.count = count;
    }

    @Override
    public boolean test(Server server) {
      if (order.contains(server) || order.size() >= count) {
        order.add(server);
        throw s.violation()
            .key(key)
            .expected(
                "firstAvailable to ask about each of the "
                    + count
                    + " servers at most once (servers that are up: "
                    + (up.isEmpty() ? "none" : Describe.list(up))
                    + ")")
            .actual(
                "it asked about "
                    + server
                    + " again, as question "
                    + order.size()
                    + ": "
                    + Describe.list(order))
            .hint("with every server down, a caller that loops over the sequence never returns")
            .build();
      }
      order.add(server);
      return up.contains(server);
    }
  }

  /** Rule 2.4. */
  static void failoverIsRemoval(SelectorUnderTest s) {
    List<String> reasons = new ArrayList<>();
    int checked = 0;
    byte[][] keys = SampleKeys.utf8(SampleKeys.realistic(24, 2_000));
    List<Server> weighted = SampleServers.withWeights(new int[] {1, 2, 1, 3, 1}, 7);
    Object[][] cases = {
      {SampleServers.of(5, 7), 4}, {SampleServers.of(10, 7), 2}, {weighted, 4},
    };
    boolean claimsWeighted = false;
    for (Object[] c : cases) {
      @SuppressWarnings("unchecked")
      List<Server> servers = (List<Server>) c[0];
      if (servers == weighted && !claimsWeighted) {
        continue;
      }
      Ring ring = s.ring(servers);
      Set<Trait> traits = s.traits(ring);
      claimsWeighted |= traits.contains(Trait.WEIGHTED);
      if (!traits.contains(Trait.FAILOVER_IS_REMOVAL)) {
        reasons.add(s.claimText(servers, traits));
        continue;
      }
      checked++;
      checkRemovals(s, servers, ring, keys, (Integer) c[1]);
    }
    if (checked == 0) {
      Assumptions.abort("ring does not claim FAILOVER_IS_REMOVAL: " + String.join("; ", reasons));
    }
  }

  /**
   * Checks elements 2 to {@code depth + 1} of each key's failover sequence against the primary of
   * the ring without the servers before it, removed one after another, each ring built with the
   * options {@link SelectorUnderTest#optionsAfter} gives for that removal. Rings are built once per
   * set of removed servers and options.
   */
  private static void checkRemovals(
      SelectorUnderTest s, List<Server> servers, Ring ring, byte[][] keys, int depth) {
    int n = servers.size();
    Map<List<Object>, Ring> without = new HashMap<>();
    Map<Server, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(servers.get(i), i);
    }
    for (byte[] key : keys) {
      s.using(servers);
      List<Server> sequence = s.failover(ring, key, n);
      Server first = sequence.isEmpty() ? null : sequence.get(0);
      if (permutationProblem(sequence, servers, index.keySet(), first) != null) {
        throw s.violation()
            .key(key)
            .expected("a failover sequence that lists every server once (rule 1.4)")
            .actual(Describe.list(sequence))
            .build();
      }
      int removed = 0;
      List<Server> previous = servers;
      Map<String, String> options = s.options;
      for (int k = 1; k <= Math.min(depth, n - 1); k++) {
        removed |= 1 << index.get(sequence.get(k - 1));
        int mask = removed;
        List<Server> remaining = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          if ((mask & (1 << i)) == 0) {
            remaining.add(servers.get(i));
          }
        }
        options = s.optionsAfter(previous, remaining, options);
        previous = remaining;
        List<Object> built = List.of(mask, options);
        Ring smaller = without.get(built);
        if (smaller == null) {
          smaller = s.ring(remaining, options);
          without.put(built, smaller);
        }
        s.using(remaining);
        Server promoted = s.primary(smaller, key);
        if (!Objects.equals(promoted, sequence.get(k))) {
          throw s.violation()
              .servers(servers)
              .key(key)
              .expected(
                  "element "
                      + (k + 1)
                      + " of failover(key) "
                      + Describe.list(sequence)
                      + " to be the primary once "
                      + Describe.list(sequence.subList(0, k))
                      + (k == 1 ? " is" : " are")
                      + " removed")
              .actual(
                  "without "
                      + (k == 1 ? "it" : "them")
                      + " the ring of "
                      + remaining.size()
                      + " servers"
                      + (options.equals(s.options)
                          ? ""
                          : " (built with " + Describe.options(options) + ")")
                      + " answers "
                      + promoted
                      + ", but failover(key) yields "
                      + sequence.get(k))
              .build();
        }
      }
    }
  }
}
