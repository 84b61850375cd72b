package dev.hashring.anchor;

import dev.hashring.Server;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value of option {@code history}: the servers added and removed, in order, as events {@code
 * +host:port[:weight][ name]} and {@code -host:port} separated by commas. Replaying it gives every
 * bucket its server (see {@link #layout(List)}); {@link AnchorSelector} documents the format.
 */
final class History {

  /** The most events a history may hold: parsing keeps one small object per event. */
  static final int MAX_EVENTS = 1 << 16;

  /** The most buckets in use at any point: the ring keeps 16 bytes per bucket. */
  static final int MAX_BUCKETS = 1 << 20;

  /** The most buckets the events may add in all: building costs time per bucket added. */
  static final long MAX_ADDED_BUCKETS = 1L << 22;

  private static final String OPTION = "option 'history' of selector anchor";

  /**
   * One event.
   *
   * @param number its position in the history, from 1
   * @param added {@code +} (added) or {@code -} (removed)
   * @param server the server added, or the address of the server removed (weight 1, no name)
   */
  record Event(int number, boolean added, Server server) {}

  private final List<Event> events;

  private History(List<Event> events) {
    this.events = events;
  }

  /** The default: the servers added one after another, in list order. */
  static History inListOrder(List<Server> servers) {
    List<Event> events = new ArrayList<>();
    for (Server server : servers) {
      events.add(new Event(events.size() + 1, true, server));
    }
    return new History(events);
  }

  /**
   * Reads the option's value.
   *
   * @throws IllegalArgumentException if it is empty, has more than {@link #MAX_EVENTS} events, or
   *     an event is not {@code +} and a server spec, or {@code -} and an address
   */
  static History parse(String text) {
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == ',') {
        count++;
      }
    }
    if (count > MAX_EVENTS) {
      throw new IllegalArgumentException(
          OPTION
              + " may hold at most "
              + MAX_EVENTS
              + " events: "
              + count
              + " (a history that long is better started afresh from the servers in use)");
    }
    if (text.isBlank()) {
      throw new IllegalArgumentException(
          OPTION
              + " must list events +host:port[:weight][ name] (added) and -host:port (removed),"
              + " separated by commas: '"
              + text
              + "'");
    }
    String[] parts = text.split(",", -1);
    List<Event> events = new ArrayList<>(parts.length);
    for (int i = 0; i < parts.length; i++) {
      events.add(event(i + 1, parts[i].strip()));
    }
    return new History(events);
  }

  /** The start of a message about an event: {@code "event 3 of option 'history' of ..."}. */
  private static String which(int number) {
    return "event " + number + " of " + OPTION;
  }

  private static Event event(int number, String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException(
          which(number) + " is empty: two commas in a row, or a comma at the start or the end");
    }
    char sign = text.charAt(0);
    if (sign != '+' && sign != '-') {
      throw new IllegalArgumentException(
          which(number)
              + " must be +host:port[:weight][ name] (added) or -host:port (removed): '"
              + text
              + "'");
    }
    Server server;
    try {
      server = Server.parse(text.substring(1));
    } catch (IllegalArgumentException bad) {
      throw new IllegalArgumentException(which(number) + ": " + bad.getMessage(), bad);
    }
    if (sign == '-' && (server.weight() != 1 || server.name().isPresent())) {
      throw new IllegalArgumentException(
          which(number)
              + " must name only the address of the server it removes: '"
              + text
              + "' (write -"
              + server.address()
              + ")");
    }
    return new Event(number, sign == '+', server);
  }

  /** How many events. */
  int size() {
    return events.size();
  }

  /** A live server during the replay: as added, by which event, and its buckets in order. */
  private record Live(Server server, int addedBy, int[] buckets) {}

  /**
   * Replays the history and gives every bucket its server.
   *
   * @param servers the server list given to {@code ring(...)}, already checked by {@code
   *     ServerLists}
   * @return the buckets, and which of {@code servers} owns each live one
   * @throws IllegalArgumentException if an event adds a server that is in or removes one that is
   *     not, if the buckets exceed {@link #MAX_BUCKETS} or {@link #MAX_ADDED_BUCKETS}, or if the
   *     servers the history leaves in are not exactly {@code servers}
   */
  BucketLayout layout(List<Server> servers) {
    BucketSet set = new BucketSet();
    Map<String, Live> live = new LinkedHashMap<>();
    Map<String, Integer> removedBy = new HashMap<>();
    long added = 0;
    for (Event event : events) {
      Server server = event.server();
      String address = server.address();
      if (event.added()) {
        Live earlier = live.get(address);
        if (earlier != null) {
          throw new IllegalArgumentException(
              which(event.number())
                  + " adds "
                  + server
                  + ", which event "
                  + earlier.addedBy()
                  + " added and no event removed since (to change its weight or name, remove it"
                  + " first: -"
                  + address
                  + ",+"
                  + server
                  + ")");
        }
        int weight = server.weight();
        added += weight;
        if (added > MAX_ADDED_BUCKETS) {
          throw new IllegalArgumentException(
              which(event.number())
                  + " adds "
                  + server
                  + ": the history may add at most "
                  + MAX_ADDED_BUCKETS
                  + " buckets in all, one per unit of weight, and would add "
                  + added
                  + " (a history that long is better started afresh from the servers in use)");
        }
        int opened = Math.max(0, weight - (set.capacity() - set.live()));
        if ((long) set.capacity() + opened > MAX_BUCKETS) {
          throw new IllegalArgumentException(
              which(event.number())
                  + " adds "
                  + server
                  + ": at most "
                  + MAX_BUCKETS
                  + " buckets may be in use, live or removed, one per unit of weight, and this"
                  + " would make "
                  + ((long) set.capacity() + opened));
        }
        int[] buckets = new int[weight];
        for (int i = 0; i < weight; i++) {
          buckets[i] = set.add();
        }
        live.put(address, new Live(server, event.number(), buckets));
        removedBy.remove(address);
      } else {
        Live leaving = live.remove(address);
        if (leaving == null) {
          Integer removed = removedBy.get(address);
          throw new IllegalArgumentException(
              which(event.number())
                  + " removes "
                  + address
                  + (removed == null
                      ? ", which no event before it adds"
                      : ", which event " + removed + " removed already"));
        }
        // The last bucket first, so that adding the server again takes them back in order.
        for (int i = leaving.buckets().length - 1; i >= 0; i--) {
          set.remove(leaving.buckets()[i]);
        }
        removedBy.put(address, event.number());
      }
    }
    requireAgreement(servers, live, removedBy);
    return layoutOf(servers, live, set);
  }

  private static void requireAgreement(
      List<Server> servers, Map<String, Live> live, Map<String, Integer> removedBy) {
    List<String> differences = new ArrayList<>();
    for (Server server : servers) {
      String address = server.address();
      Live in = live.get(address);
      Integer removed = removedBy.get(address);
      if (in == null && removed == null) {
        differences.add(
            server + " is in the list, but no event adds it (append +" + server + " to add it)");
      } else if (in == null) {
        differences.add(
            server
                + " is in the list, but event "
                + removed
                + " removed it (append +"
                + server
                + " to add it back)");
      } else if (!in.server().equals(server)) {
        differences.add(
            "the list has "
                + server
                + " where the history has "
                + in.server()
                + ", added by event "
                + in.addedBy()
                + " (to change weight or name, append -"
                + address
                + ",+"
                + server
                + ")");
      }
    }
    Map<String, Server> listed = new HashMap<>();
    servers.forEach(server -> listed.put(server.address(), server));
    for (Live in : live.values()) {
      if (!listed.containsKey(in.server().address())) {
        differences.add(
            "the history leaves "
                + in.server()
                + " in, added by event "
                + in.addedBy()
                + ", but the list does not have it (append -"
                + in.server().address()
                + " to remove it)");
      }
    }
    if (!differences.isEmpty()) {
      throw new IllegalArgumentException(
          "the server list and "
              + OPTION
              + " disagree: "
              + differences.get(0)
              + (differences.size() == 1
                  ? ""
                  : "; and "
                      + (differences.size() - 1)
                      + " more difference"
                      + (differences.size() == 2 ? "" : "s")));
    }
  }

  private static BucketLayout layoutOf(
      List<Server> servers, Map<String, Live> live, BucketSet set) {
    BucketTable table = set.freeze();
    int[] owners = new int[table.capacity()];
    Arrays.fill(owners, -1);
    int[] first = new int[servers.size() + 1];
    int[] buckets = new int[set.live()];
    int at = 0;
    for (int i = 0; i < servers.size(); i++) {
      first[i] = at;
      for (int bucket : live.get(servers.get(i).address()).buckets()) {
        owners[bucket] = i;
        buckets[at++] = bucket;
      }
    }
    first[servers.size()] = at;
    return new BucketLayout(table, owners, first, buckets);
  }
}
