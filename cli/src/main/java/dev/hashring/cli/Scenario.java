package dev.hashring.cli;

import dev.hashring.Server;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A change of servers to simulate: the list before, the servers removed from it and added to it,
 * and the list after (the remaining servers in their order, then the added ones).
 *
 * @param before the servers before the change
 * @param removed the servers of {@code before} that are gone after it
 * @param added the servers that are new after it
 */
record Scenario(List<Server> before, List<Server> removed, List<Server> added) {

  /** Copies the lists and checks that removed servers were there and added ones were not. */
  Scenario {
    before = List.copyOf(before);
    removed = List.copyOf(removed);
    added = List.copyOf(added);
    Set<String> addresses = new HashSet<>();
    before.forEach(server -> addresses.add(server.address()));
    for (Server server : removed) {
      if (!addresses.contains(server.address())) {
        throw new IllegalArgumentException("removed server " + server + " is not in the list");
      }
    }
    for (Server server : added) {
      if (addresses.contains(server.address())) {
        throw new IllegalArgumentException("added server " + server + " is already in the list");
      }
    }
  }

  /** The servers after the change: those not removed, in their order, then the added ones. */
  List<Server> after() {
    Set<String> gone = addresses(removed);
    List<Server> after = new ArrayList<>();
    for (Server server : before) {
      if (!gone.contains(server.address())) {
        after.add(server);
      }
    }
    after.addAll(added);
    return after;
  }

  /** The addresses of the servers there both before and after the change. */
  Set<String> kept() {
    Set<String> kept = addresses(before);
    kept.removeAll(addresses(removed));
    return kept;
  }

  /**
   * The largest share of keys that can stay on their server when every server gets its fair share
   * by weight before and after: the sum, over kept servers, of the smaller of its two shares. For
   * adding 5 servers to 8 of equal weight it is 8/13; for removing r of n, (n - r)/n.
   */
  double idealStay() {
    double weightBefore = totalWeight(before);
    double weightAfter = totalWeight(after());
    Set<String> gone = addresses(removed);
    double stay = 0;
    for (Server server : before) {
      if (!gone.contains(server.address())) {
        stay += Math.min(server.weight() / weightBefore, server.weight() / weightAfter);
      }
    }
    return stay;
  }

  /** The ideal as a fraction when every weight is 1 ({@code "8/13"}), else empty. */
  String idealFraction() {
    boolean equal =
        before.stream().allMatch(server -> server.weight() == 1)
            && added.stream().allMatch(server -> server.weight() == 1);
    if (!equal) {
      return "";
    }
    int kept = before.size() - removed.size();
    int after = kept + added.size();
    return kept + "/" + Math.max(before.size(), after);
  }

  private static double totalWeight(List<Server> servers) {
    double total = 0;
    for (Server server : servers) {
      total += server.weight();
    }
    return total;
  }

  private static Set<String> addresses(List<Server> servers) {
    Set<String> addresses = new LinkedHashSet<>();
    servers.forEach(server -> addresses.add(server.address()));
    return addresses;
  }
}
