package dev.hashring.tck;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hashring.Ring;
import dev.hashring.Server;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Rules 1.1, 1.2, 1.3, 1.6 and 1.9: what every ring answers, and what it refuses. */
final class BasicRingRules {

  static final int[] SIZES = {1, 2, 3, 10, 50};

  private BasicRingRules() {}

  /** Rule 1.1. */
  static void sameKeySameServer(SelectorUnderTest s) {
    List<String> keys = SampleKeys.realistic(11, 2_000);
    byte[][] bytes = SampleKeys.utf8(keys);
    for (int size : SIZES) {
      List<Server> servers = SampleServers.of(size, 0);
      Ring ring = s.ring(servers);
      Ring fresh = s.ring(equalCopy(servers));
      s.using(servers);
      for (int k = 0; k < bytes.length; k++) {
        byte[] key = bytes[k];
        Server first = s.primary(ring, key);
        Server again = s.primary(ring, key);
        if (!Objects.equals(first, again)) {
          throw s.violation()
              .key(key)
              .expected("primary(key) to answer the same on every call")
              .actual("it answered " + first + ", then " + again)
              .build();
        }
        Server other = s.primary(fresh, key);
        if (!Objects.equals(first, other)) {
          throw s.violation()
              .key(key)
              .expected("a ring built from an equal server list to answer the same: " + first)
              .actual("it answered " + other)
              .hint("the answer may not depend on object identity")
              .build();
        }
        if (k >= 500) {
          continue;
        }
        List<Server> sequence = s.failover(ring, key, size);
        List<Server> repeated = s.failover(ring, key, size);
        List<Server> freshSequence = s.failover(fresh, key, size);
        if (!sequence.equals(repeated) || !sequence.equals(freshSequence)) {
          throw s.violation()
              .key(key)
              .expected("failover(key) to give the same sequence every time and on an equal ring")
              .actual(
                  "first "
                      + Describe.list(sequence)
                      + "; then "
                      + Describe.list(repeated)
                      + "; on an equal ring "
                      + Describe.list(freshSequence))
              .build();
        }
      }
    }
  }

  /** New {@code Server} objects, equal to the given ones, in a new list. */
  static List<Server> equalCopy(List<Server> servers) {
    List<Server> copy = new ArrayList<>();
    for (Server server : servers) {
      copy.add(Server.parse(server.toString()));
    }
    return copy;
  }

  /** Rule 1.2. */
  static void answersAreServers(SelectorUnderTest s) {
    byte[][] keys = SampleKeys.utf8(SampleKeys.realistic(12, 10_000));
    for (int size : SIZES) {
      List<Server> servers = SampleServers.of(size, 1);
      Set<Server> members = new HashSet<>(servers);
      Ring ring = s.ring(servers);
      int strays = 0;
      byte[] firstKey = null;
      Server firstStray = null;
      for (byte[] key : keys) {
        Server answer = s.primary(ring, key);
        if (!members.contains(answer)) {
          if (strays++ == 0) {
            firstKey = key;
            firstStray = answer;
          }
        }
      }
      if (strays > 0) {
        throw s.violation()
            .key(firstKey)
            .expected("primary(key) to answer one of servers() for every key")
            .actual(
                "it answered "
                    + firstStray
                    + (firstStray == null ? "" : ", which is not one of them,")
                    + " for this key and "
                    + Describe.count(strays - 1L)
                    + " more of "
                    + Describe.count(keys.length)
                    + " keys")
            .build();
      }
      for (int k = 0; k < 1_000; k++) {
        byte[] key = keys[k];
        for (Server server : s.failover(ring, key, size)) {
          if (!members.contains(server)) {
            throw s.violation()
                .key(key)
                .expected("every element of failover(key) to be one of servers()")
                .actual("it yielded " + server)
                .build();
          }
        }
      }
    }
  }

  /** Rule 1.3. */
  static void serversAreFixed(SelectorUnderTest s) {
    List<String> keys = SampleKeys.realistic(13, 1_000);
    for (int size : new int[] {3, 10}) {
      List<Server> servers = SampleServers.of(size, 2);
      List<Server> given = new ArrayList<>(servers);
      Ring ring = s.ringFrom(given);
      s.trace.call("servers()", null);
      List<Server> listed = ring.servers();
      if (!servers.equals(listed)) {
        throw s.violation()
            .expected("servers() to equal the list given, in order: " + Describe.list(servers))
            .actual("servers() returned " + (listed == null ? "null" : Describe.list(listed)))
            .build();
      }
      Map<String, Server> before = placements(s, ring, keys);
      Server outsider = SampleServers.extra(3, 1);
      tryToChange("servers().add(" + outsider + ")", () -> listed.add(outsider));
      tryToChange("servers().set(0, " + outsider + ")", () -> listed.set(0, outsider));
      tryToChange("servers().remove(0)", () -> listed.remove(0));
      tryToChange("servers().clear()", listed::clear);
      unchanged(
          s, ring, servers, keys, before, "after trying servers().add, set, remove and clear");
      given.set(0, outsider);
      given.add(SampleServers.extra(4, 1));
      given.remove(1);
      unchanged(s, ring, servers, keys, before, "after changing the list the ring was built from");
    }
  }

  private static void tryToChange(String what, Runnable change) {
    try {
      change.run();
    } catch (RuntimeException refused) {
      // Refusing is the usual way to stay unchanged.
    }
  }

  private static void unchanged(
      SelectorUnderTest s,
      Ring ring,
      List<Server> servers,
      List<String> keys,
      Map<String, Server> before,
      String when) {
    s.trace.call("servers()", null);
    List<Server> now = ring.servers();
    if (!servers.equals(now)) {
      throw s.violation()
          .expected("servers() to stay " + Describe.list(servers) + " " + when)
          .actual("it became " + (now == null ? "null" : Describe.list(now)))
          .build();
    }
    for (Map.Entry<String, Server> placement : placements(s, ring, keys).entrySet()) {
      Server earlier = before.get(placement.getKey());
      if (!Objects.equals(earlier, placement.getValue())) {
        throw s.violation()
            .key(placement.getKey())
            .expected("primary(key) to stay " + earlier + " " + when)
            .actual("it became " + placement.getValue())
            .build();
      }
    }
  }

  private static Map<String, Server> placements(SelectorUnderTest s, Ring ring, List<String> keys) {
    Map<String, Server> placements = new LinkedHashMap<>();
    for (String key : keys) {
      placements.put(key, s.primary(ring, key.getBytes(UTF_8)));
    }
    return placements;
  }

  /** Rule 1.6. */
  static void stringKeysAreUtf8(SelectorUnderTest s) {
    List<String> keys = new ArrayList<>(SampleKeys.awkward());
    keys.addAll(SampleKeys.randomUnicode(16, 500));
    keys.addAll(SampleKeys.realistic(16, 500));
    for (int size : new int[] {3, 10}) {
      List<Server> servers = SampleServers.of(size, 3);
      Ring ring = s.ring(servers);
      Set<Server> everyOther = new HashSet<>();
      for (int i = 0; i < servers.size(); i += 2) {
        everyOther.add(servers.get(i));
      }
      Predicate<Server> available = everyOther::contains;
      for (String key : keys) {
        byte[] bytes = key.getBytes(UTF_8);
        if (key.isEmpty() && refusesEmptyKey(s, ring)) {
          continue;
        }
        agree(s, key, "primary", s.primary(ring, bytes), s.primary(ring, key));
        agree(s, key, "failover", s.failover(ring, bytes, size), s.failover(ring, key, size));
        Optional<Server> fromBytes = s.firstAvailable(ring, bytes, available);
        Optional<Server> fromString = s.firstAvailable(ring, key, available);
        agree(s, key, "firstAvailable", fromBytes, fromString);
      }
    }
  }

  /**
   * Whether the ring refuses the empty key, as a compat profile may when its client does
   * (xmemcached and Dalli do). Both overloads must then refuse it with an {@link
   * IllegalArgumentException}.
   */
  private static boolean refusesEmptyKey(SelectorUnderTest s, Ring ring) {
    try {
      s.primary(ring, new byte[0]);
      return false;
    } catch (IllegalArgumentException refusedBytes) {
      try {
        Server answer = s.primary(ring, "");
        throw s.violation()
            .key("")
            .expected(
                "primary(\"\") to refuse the empty key as primary(new byte[0]) does: "
                    + refusedBytes.getMessage())
            .actual("primary(\"\") answered " + answer)
            .build();
      } catch (IllegalArgumentException refusedString) {
        return true;
      }
    }
  }

  private static void agree(
      SelectorUnderTest s, String key, String method, Object fromBytes, Object fromString) {
    if (!Objects.equals(fromBytes, fromString)) {
      throw s.violation()
          .key(key)
          .expected(
              method
                  + "(String) to answer as "
                  + method
                  + "(key.getBytes(UTF_8)) does: "
                  + fromBytes)
          .actual(method + "(String) answered " + fromString)
          .build();
    }
  }

  /** Rule 1.9. */
  static void badInputIsRejected(SelectorUnderTest s) {
    List<Server> servers = SampleServers.of(3, 4);
    Server first = servers.get(0);
    Map<String, String> unknown = new HashMap<>(s.options);
    unknown.put("tck-unknown-option", "1");
    List<Server> holdingNull = new ArrayList<>(servers);
    holdingNull.add(1, null);
    List<Server> twice = new ArrayList<>(servers);
    twice.add(first.withWeight(2));
    Server named = servers.get(1).withName("shard-a");
    List<Server> sameName = List.of(first.withName("shard-a"), named, servers.get(2));

    expect(s, "ring(null, options)", NullPointerException.class, null, () -> build(s, null));
    expect(
        s,
        "ring(a list holding null, options)",
        NullPointerException.class,
        null,
        () -> build(s, holdingNull));
    expect(
        s,
        "ring(servers, null)",
        NullPointerException.class,
        null,
        () -> s.selector.ring(new ArrayList<>(servers), null));
    expect(
        s,
        "ring(an empty list, options)",
        IllegalArgumentException.class,
        null,
        () -> build(s, new ArrayList<>()));
    expect(
        s,
        "ring(a list with " + first.address() + " twice, the second time of weight 2, options)",
        IllegalArgumentException.class,
        first.address(),
        () -> build(s, twice));
    expect(
        s,
        "ring(a list with two servers named 'shard-a', options)",
        IllegalArgumentException.class,
        "shard-a",
        () -> build(s, sameName));
    expect(
        s,
        "ring(servers, options with 'tck-unknown-option=1')",
        IllegalArgumentException.class,
        "tck-unknown-option",
        () -> s.selector.ring(new ArrayList<>(servers), unknown));

    Ring ring = s.ring(servers);
    byte[] nullBytes = null;
    String nullString = null;
    expect(
        s,
        "primary((byte[]) null)",
        NullPointerException.class,
        null,
        () -> ring.primary(nullBytes));
    expect(
        s,
        "primary((String) null)",
        NullPointerException.class,
        null,
        () -> ring.primary(nullString));
    expect(
        s,
        "failover((byte[]) null)",
        NullPointerException.class,
        null,
        () -> ring.failover(nullBytes));
    expect(
        s,
        "failover((String) null)",
        NullPointerException.class,
        null,
        () -> ring.failover(nullString));
    expect(
        s,
        "firstAvailable((byte[]) null, available)",
        NullPointerException.class,
        null,
        () -> ring.firstAvailable(nullBytes, server -> true));
    expect(
        s,
        "firstAvailable((String) null, available)",
        NullPointerException.class,
        null,
        () -> ring.firstAvailable(nullString, server -> true));
    expect(
        s,
        "firstAvailable(key, null)",
        NullPointerException.class,
        null,
        () -> ring.firstAvailable("user:1", null));
    expect(
        s,
        "firstAvailable(key bytes, null)",
        NullPointerException.class,
        null,
        () -> ring.firstAvailable("user:1".getBytes(UTF_8), null));
  }

  private static Ring build(SelectorUnderTest s, List<Server> servers) {
    return s.selector.ring(servers, new HashMap<>(s.options));
  }

  /** A call that must throw {@code expected}, whose message names {@code mention} if given. */
  private static void expect(
      SelectorUnderTest s,
      String call,
      Class<? extends RuntimeException> expected,
      String mention,
      java.util.concurrent.Callable<?> action) {
    s.trace.call(call, null);
    String wanted =
        expected.getSimpleName()
            + (mention == null ? "" : " with a message that names '" + mention + "'");
    Object returned;
    try {
      returned = action.call();
    } catch (Exception thrown) {
      if (!expected.isInstance(thrown)) {
        throw s.violation()
            .expected(call + " to throw " + wanted)
            .actual("it threw " + Describe.thrown(thrown))
            .build(thrown);
      }
      if (mention != null
          && (thrown.getMessage() == null || !thrown.getMessage().contains(mention))) {
        throw s.violation()
            .expected(call + " to throw " + wanted)
            .actual("its message is: " + thrown.getMessage())
            .hint("a message must name what is wrong, so the user can find it")
            .build(thrown);
      }
      return;
    }
    throw s.violation()
        .expected(call + " to throw " + wanted)
        .actual("it returned " + returned)
        .build();
  }
}
