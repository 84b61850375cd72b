package dev.hashring.tck;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelector;
import dev.hashring.Trait;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One selector with one option map, checked against one rule. Every call into the provider goes
 * through here and is recorded in the {@link Trace} first, so that a failure or a call that never
 * returns is reported with the call, the key and the servers involved.
 */
final class SelectorUnderTest {

  /** The hook {@link ServerSelectorTck#optionsAfter}: the options for a ring after a change. */
  interface Transition {
    Map<String, String> optionsAfter(
        List<Server> before, List<Server> after, Map<String, String> options);
  }

  final Rule rule;
  final ServerSelector selector;
  final Map<String, String> options;
  final Trace trace;
  private final Transition transition;

  SelectorUnderTest(
      Rule rule,
      ServerSelector selector,
      Map<String, String> options,
      Trace trace,
      Transition transition) {
    this.rule = rule;
    this.selector = selector;
    this.options = Map.copyOf(options);
    this.trace = trace;
    this.transition = transition;
    trace.call("name()", null);
    trace.subject(
        "selector '"
            + selector.name()
            + "' ("
            + selector.getClass().getName()
            + ") with "
            + Describe.options(options));
  }

  /** Starts a violation of this rule. */
  Violation.Builder violation() {
    return Violation.of(rule, trace);
  }

  /** Builds a ring from a new list holding {@code servers}, with a copy of the options. */
  Ring ring(List<Server> servers) {
    return ringFrom(new ArrayList<>(servers), options);
  }

  /**
   * Builds a ring from a new list holding {@code servers}, with a copy of {@code ringOptions}: the
   * ring after a change, with the options {@link #optionsAfter} gave for it.
   */
  Ring ring(List<Server> servers, Map<String, String> ringOptions) {
    return ringFrom(new ArrayList<>(servers), ringOptions);
  }

  /** Builds a ring from exactly the list given, with a copy of the options. */
  Ring ringFrom(List<Server> given) {
    return ringFrom(given, options);
  }

  private Ring ringFrom(List<Server> given, Map<String, String> ringOptions) {
    trace.servers(List.copyOf(given));
    trace.call(
        "ring("
            + given.size()
            + (given.size() == 1 ? " server, " : " servers, ")
            + Describe.options(ringOptions)
            + ")",
        null);
    Ring ring = selector.ring(given, new HashMap<>(ringOptions));
    if (ring == null) {
      throw violation()
          .expected("ring(...) to return a ring for a valid server list")
          .actual("it returned null")
          .build();
    }
    return ring;
  }

  /**
   * The options for the ring of {@code after}, given that the ring of {@code before} was built with
   * {@code beforeOptions}, as the subclass's {@link ServerSelectorTck#optionsAfter} says (by
   * default {@code beforeOptions} unchanged). Rules 2.2 to 2.4 only.
   */
  Map<String, String> optionsAfter(
      List<Server> before, List<Server> after, Map<String, String> beforeOptions) {
    trace.call(
        "optionsAfter("
            + before.size()
            + " servers, "
            + after.size()
            + " servers, "
            + Describe.options(beforeOptions)
            + ")",
        null);
    Map<String, String> next =
        transition.optionsAfter(List.copyOf(before), List.copyOf(after), Map.copyOf(beforeOptions));
    if (next == null) {
      throw violation()
          .servers(after)
          .expected("optionsAfter(before, after, options) to return the options for after")
          .actual("it returned null")
          .build();
    }
    return Map.copyOf(next);
  }

  /**
   * Builds a ring of servers with unequal weights, or returns {@code null} when the selector
   * refuses weights with an {@code IllegalArgumentException}, as a compat profile of a client
   * without weights does. A selector whose equal-weight ring claims {@code WEIGHTED} may not refuse
   * them.
   *
   * @param reasons receives the refusal, for the skip reason
   */
  Ring ringUnlessWeightsRefused(List<Server> servers, List<String> reasons) {
    try {
      return ring(servers);
    } catch (IllegalArgumentException refused) {
      List<Server> equal = new ArrayList<>();
      for (Server server : servers) {
        equal.add(server.withWeight(1));
      }
      Set<Trait> traits = traits(ring(equal));
      if (traits.contains(Trait.WEIGHTED)) {
        throw violation()
            .servers(servers)
            .expected(
                "a selector whose rings claim WEIGHTED to accept servers of "
                    + Describe.weights(servers))
            .actual("ring(...) threw " + Describe.thrown(refused))
            .build(refused);
      }
      reasons.add(
          "ring("
              + servers.size()
              + " servers of "
              + Describe.weights(servers)
              + ", "
              + Describe.options(options)
              + ") refuses weights: "
              + refused.getMessage());
      return null;
    }
  }

  /** Makes {@code servers} the ring in use for messages, without building anything. */
  void using(List<Server> servers) {
    trace.servers(servers);
  }

  Server primary(Ring ring, byte[] key) {
    trace.call("primary", key);
    return ring.primary(key);
  }

  Server primary(Ring ring, String key) {
    trace.call("primary", key);
    return ring.primary(key);
  }

  /**
   * Reads a failover sequence, never more than {@code count + 1} elements, without judging it.
   *
   * @param key a {@code byte[]} or a {@code String}
   * @param count the number of servers of the ring
   */
  List<Server> failover(Ring ring, Object key, int count) {
    Iterator<Server> sequence = failoverIterator(ring, key);
    List<Server> read = new ArrayList<>();
    while (read.size() <= count && sequence.hasNext()) {
      read.add(sequence.next());
    }
    return read;
  }

  /** Calls {@code failover}, which must not return {@code null}. */
  Iterator<Server> failoverIterator(Ring ring, Object key) {
    trace.call("failover", key);
    Iterator<Server> sequence =
        key instanceof String ? ring.failover((String) key) : ring.failover((byte[]) key);
    if (sequence == null) {
      throw violation()
          .key(key)
          .expected("failover(key) to return an iterator")
          .actual("it returned null")
          .build();
    }
    return sequence;
  }

  /** Calls {@code firstAvailable}, which must not return {@code null}. */
  Optional<Server> firstAvailable(Ring ring, Object key, Predicate<? super Server> available) {
    trace.call("firstAvailable", key);
    Optional<Server> found =
        key instanceof String
            ? ring.firstAvailable((String) key, available)
            : ring.firstAvailable((byte[]) key, available);
    if (found == null) {
      throw violation()
          .key(key)
          .expected("firstAvailable(key, available) to return an Optional")
          .actual("it returned null")
          .build();
    }
    return found;
  }

  /** The traits the ring claims; {@code null} is a violation. */
  Set<Trait> traits(Ring ring) {
    trace.call("traits()", null);
    Set<Trait> traits = ring.traits();
    if (traits == null) {
      throw violation().expected("traits() to return a set").actual("it returned null").build();
    }
    return traits;
  }

  /**
   * What a ring claims, for skip reasons: {@code "ring of 10 servers (...) with ...: traits []"}.
   */
  String claimText(List<Server> servers, Set<Trait> traits) {
    return "a ring of "
        + servers.size()
        + " servers with "
        + Describe.weights(servers)
        + " and "
        + Describe.options(options)
        + " claims only "
        + traits;
  }
}
