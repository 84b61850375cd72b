package dev.hashring.anchor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.dynatrace.hash4j.consistent.ConsistentBucketHasher;
import com.dynatrace.hash4j.consistent.ConsistentHashing;
import com.dynatrace.hash4j.hashing.Hashing;
import com.dynatrace.hash4j.random.PseudoRandomGeneratorProvider;
import dev.hashring.Ring;
import dev.hashring.Server;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Where keys go, and where they move when the history grows. */
class AnchorPlacementTest {

  private final AnchorSelector selector = new AnchorSelector();

  private Ring ring(List<Server> servers, String history) {
    return selector.ring(servers, Map.of("history", history));
  }

  /** The servers a history leaves in, in the order they were (last) added. */
  private static List<Server> liveServers(String history) {
    Map<String, Server> live = new LinkedHashMap<>();
    for (String event : history.split(",")) {
      Server server = Server.parse(event.strip().substring(1));
      if (event.strip().startsWith("+")) {
        live.put(server.address(), server);
      } else {
        live.remove(server.address());
      }
    }
    return new ArrayList<>(live.values());
  }

  /** A long random history: additions of weights 1 to 4, removals, re-additions. */
  private static String randomHistory(long seed, int events) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Server> pool = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      pool.add(Server.of("10.1.0." + (i + 1), 11211, 1 + random.nextInt(4)));
    }
    List<Server> live = new ArrayList<>();
    List<String> out = new ArrayList<>();
    while (out.size() < events || live.isEmpty()) {
      boolean add = live.size() < 2 || live.size() < pool.size() && random.nextInt(5) < 3;
      if (add) {
        List<Server> absent = new ArrayList<>(pool);
        absent.removeAll(live);
        Server server = absent.get(random.nextInt(absent.size()));
        live.add(server);
        out.add("+" + server);
      } else {
        Server server = live.remove(random.nextInt(live.size()));
        out.add("-" + server.address());
      }
    }
    return String.join(",", out);
  }

  @Test
  void primary_isHash4jsJumpBackAnchorDrivenThroughTheHistory() {
    List<String> histories = new ArrayList<>();
    histories.add(Histories.churned(Histories.servers(10), 10));
    histories.add(Histories.churned(Histories.weighted(12, 5, 1), 12));
    for (int seed = 0; seed < 6; seed++) {
      histories.add(randomHistory(seed, 20 + 60 * seed));
    }
    List<String> keys = Histories.keys(5_000, 7);
    for (String history : histories) {
      List<Server> servers = liveServers(history);
      Collections.shuffle(servers, new java.util.Random(history.length()));
      Ring ring = ring(servers, history);
      Hash4jModel model = new Hash4jModel(history);
      for (String key : keys) {
        Server expected = model.primary(key);
        assertThat(ring.primary(key)).as("%s with history %s", key, history).isEqualTo(expected);
        assertThat(ring.primary(key.getBytes(UTF_8))).isEqualTo(expected);
        assertThat(ring.failover(key).next()).isEqualTo(expected);
      }
    }
  }

  @Test
  void withoutRemovals_placesEveryKeyAsJumpDoes() {
    // jump (compat=native): JumpBackHash over the total weight, XXH3 of the key, each server owning
    // weight consecutive buckets in list order; computed here with hash4j's JumpBackHash.
    ConsistentBucketHasher jumpBack =
        ConsistentHashing.jumpBackHash(PseudoRandomGeneratorProvider.splitMix64_V1());
    for (List<Server> servers :
        List.of(Histories.servers(1), Histories.servers(7), Histories.weighted(30, 50, 2))) {
      int total = servers.stream().mapToInt(Server::weight).sum();
      Ring byDefault = selector.ring(servers);
      Ring written = ring(servers, Histories.inListOrder(servers));
      for (String key : Histories.keys(3_000, 8)) {
        int bucket =
            jumpBack.getBucket(Hashing.xxh3_64().hashBytesToLong(key.getBytes(UTF_8)), total);
        int owner = 0;
        for (int sum = servers.get(0).weight(); sum <= bucket; sum += servers.get(owner).weight()) {
          owner++;
        }
        assertThat(byDefault.primary(key)).as(key).isEqualTo(servers.get(owner));
        assertThat(written.primary(key)).as(key).isEqualTo(servers.get(owner));
      }
    }
  }

  @Test
  void removingAnyServer_movesOnlyItsKeys_spreadOverTheOthersByWeight() {
    List<Server> servers = Histories.weighted(10, 4, 3);
    String history = Histories.churned(servers, 3);
    Ring before = ring(servers, history);
    List<String> keys = Histories.keys(40_000, 9);
    int totalWeight = servers.stream().mapToInt(Server::weight).sum();
    for (Server leaving : servers) {
      List<Server> after = new ArrayList<>(servers);
      after.remove(leaving);
      Ring ringAfter = ring(after, history + ",-" + leaving.address());
      Map<Server, Integer> received = new HashMap<>();
      int held = 0;
      for (String key : keys) {
        Server was = before.primary(key);
        Server now = ringAfter.primary(key);
        if (!was.equals(leaving)) {
          assertThat(now).as("key %s of %s after removing %s", key, was, leaving).isEqualTo(was);
          continue;
        }
        held++;
        received.merge(now, 1, Integer::sum);
      }
      double share = held / (double) keys.size() / (leaving.weight() / (double) totalWeight);
      System.out.printf(
          "removing %s: it held %d keys (%.2f times its share), given to %s%n",
          leaving, held, share, received);
      assertThat(share).as("share of %s", leaving).isBetween(0.8, 1.25);
      int rest = totalWeight - leaving.weight();
      for (Server other : after) {
        double expected = held * other.weight() / (double) rest;
        double got = received.getOrDefault(other, 0);
        // Sampling noise: sd about sqrt(expected); 5 sd plus slack for small counts.
        assertThat(Math.abs(got - expected))
            .as("keys of %s given to %s: %s, expected about %.0f", leaving, other, got, expected)
            .isLessThan(5 * Math.sqrt(expected) + 5);
      }
    }
  }

  @Test
  void removalThenAddition_restoresEveryKey() {
    List<Server> servers = Histories.weighted(8, 3, 4);
    String history = Histories.churned(servers, 4);
    Ring before = ring(servers, history);
    for (Server server : servers) {
      Ring again = ring(servers, history + ",-" + server.address() + ",+" + server);
      for (String key : Histories.keys(5_000, 10)) {
        assertThat(again.primary(key)).as(key).isEqualTo(before.primary(key));
      }
    }
  }

  @Test
  void addingAgainLater_movesKeysOnlyToIt() {
    List<Server> servers = Histories.servers(6);
    Server b = servers.get(1);
    Server e = servers.get(4);
    List<Server> without = new ArrayList<>(servers);
    without.remove(b);
    without.remove(e);
    String history = Histories.inListOrder(servers) + ",-" + b.address() + ",-" + e.address();
    Ring before = ring(without, history);
    // b comes back while e's buckets were freed last: b takes e's buckets, and keys move only to b.
    List<Server> withB = new ArrayList<>(servers);
    withB.remove(e);
    Ring after = ring(withB, history + ",+" + b);
    int moved = 0;
    List<String> keys = Histories.keys(30_000, 11);
    for (String key : keys) {
      Server was = before.primary(key);
      Server now = after.primary(key);
      if (!was.equals(now)) {
        assertThat(now).as(key).isEqualTo(b);
        moved++;
      }
    }
    assertThat(moved / (double) keys.size()).isBetween(0.8 / 5, 1.25 / 5);
  }

  @Test
  void weightChangeAsRemovalAndAddition_movesKeysOnlyToOrFromThatServer() {
    List<Server> servers = Histories.weighted(7, 4, 5);
    String history = Histories.churned(servers, 5);
    Ring before = ring(servers, history);
    List<String> keys = Histories.keys(20_000, 12);
    for (int target : new int[] {1, 3, 9}) {
      Server changing = servers.get(2);
      Server changed = changing.withWeight(target);
      List<Server> after = new ArrayList<>(servers);
      after.set(2, changed);
      Ring ringAfter = ring(after, history + ",-" + changing.address() + ",+" + changed);
      int moved = 0;
      for (String key : keys) {
        Server was = before.primary(key);
        Server now = ringAfter.primary(key);
        if (was.address().equals(now.address())) {
          continue;
        }
        moved++;
        if (target > changing.weight()) {
          assertThat(now).as("growing %s: %s", changing, key).isEqualTo(changed);
        } else {
          assertThat(was).as("shrinking %s: %s", changing, key).isEqualTo(changing);
        }
      }
      System.out.printf(
          "%s -> weight %d: %d of %d keys moved%n", changing, target, moved, keys.size());
      assertThat(moved > 0).isEqualTo(target != changing.weight());
    }
  }

  @Test
  void failover_isThePrimaryOnceTheServersBeforeItAreRemoved_inThatOrder() {
    List<Server> servers = Histories.weighted(8, 4, 6);
    String history = Histories.churned(servers, 6);
    Ring ring = ring(servers, history);
    Map<String, Ring> rings = new HashMap<>();
    for (String key : Histories.keys(400, 13)) {
      List<Server> left = new ArrayList<>(servers);
      StringBuilder grown = new StringBuilder(history);
      Iterator<Server> sequence = ring.failover(key);
      while (sequence.hasNext()) {
        Server next = sequence.next();
        Ring current =
            rings.computeIfAbsent(grown.toString(), text -> ring(new ArrayList<>(left), text));
        assertThat(next)
            .as("%s after removing up to %s", key, grown)
            .isEqualTo(current.primary(key));
        left.remove(next);
        grown.append(",-").append(next.address());
      }
      assertThat(left).isEmpty();
    }
  }

  @Test
  void listOrder_doesNotMatter_whenTheHistoryIsGiven() {
    List<Server> servers = Histories.weighted(9, 3, 7);
    String history = Histories.churned(servers, 7);
    Ring ring = ring(servers, history);
    List<Server> reversed = new ArrayList<>(servers);
    Collections.reverse(reversed);
    Ring other = ring(reversed, history);
    assertThat(other.servers()).isEqualTo(reversed);
    for (String key : Histories.keys(5_000, 14)) {
      assertThat(other.primary(key)).isEqualTo(ring.primary(key));
      List<Server> a = new ArrayList<>();
      ring.failover(key).forEachRemaining(a::add);
      List<Server> b = new ArrayList<>();
      other.failover(key).forEachRemaining(b::add);
      assertThat(b).isEqualTo(a);
    }
  }

  @Test
  void withoutTheOption_removingAServerButTheLast_movesOtherKeys_asJumpDoes() {
    List<Server> servers = Histories.servers(5);
    Ring ring = selector.ring(servers);
    List<Server> lastGone = servers.subList(0, 4);
    List<Server> secondGone = new ArrayList<>(servers);
    secondGone.remove(1);
    Ring withoutLast = selector.ring(lastGone);
    Ring withoutSecond = selector.ring(secondGone);
    int strayed = 0;
    for (String key : Histories.keys(10_000, 15)) {
      Server was = ring.primary(key);
      if (!was.equals(servers.get(4))) {
        assertThat(withoutLast.primary(key)).isEqualTo(was);
      }
      if (!was.equals(servers.get(1)) && !withoutSecond.primary(key).equals(was)) {
        strayed++;
      }
    }
    // The default history renumbers the buckets after the second server.
    assertThat(strayed).isGreaterThan(1_000);
  }
}
