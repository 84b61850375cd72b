package dev.hashring.cli;

/**
 * What one configuration did with a change of servers, in process: how many keys stayed, how many
 * moved between servers that were there both times, how the keys were spread before and after, and
 * how fast lookups were. Or, when the selector refused the servers or options, why.
 *
 * @param configuration the selector and options
 * @param refusal the selector's message when it refused to build a ring, else {@code null}
 * @param keys the number of keys
 * @param stayed keys whose server is the same after the change
 * @param movedAmongKept keys that moved from one kept server to another kept server
 * @param before keys per server before, in list order
 * @param after keys per server after, in list order
 * @param lookupsPerSecond lookups per second on the ring after the change; 0 when not measured
 */
record ChangeResult(
    Configuration configuration,
    String refusal,
    long keys,
    long stayed,
    long movedAmongKept,
    long[] before,
    long[] after,
    double lookupsPerSecond) {

  /** A configuration whose selector refused the servers or options. */
  static ChangeResult refused(Configuration configuration, String message) {
    return new ChangeResult(configuration, message, 0, 0, 0, new long[0], new long[0], 0);
  }

  boolean isRefused() {
    return refusal != null;
  }

  double stayedShare() {
    return keys == 0 ? 0 : stayed / (double) keys;
  }

  double movedAmongKeptShare() {
    return keys == 0 ? 0 : movedAmongKept / (double) keys;
  }
}
