package dev.hashring.tck;

import dev.hashring.Server;
import java.util.List;

/**
 * What a rule is doing right now: the provider under test, the servers of the ring in use, and the
 * call in progress. Failure messages read it, and so does the {@link Watchdog} when a call does not
 * return. Written by the thread that runs the rule, read by others.
 */
final class Trace {

  private volatile String subject;
  private volatile List<Server> servers;
  private volatile String call;
  private volatile Object key;
  private volatile String more;

  /**
   * @param subject the provider and its settings, for example {@code "selector 'ketama'
   *     (dev.hashring.ketama.Ketama) with default options"}
   */
  Trace(String subject) {
    this.subject = subject;
  }

  String subject() {
    return subject;
  }

  /** Replaces the description of the provider, once it is known. */
  void subject(String subject) {
    this.subject = subject;
  }

  /** Records the servers of the ring the rule is about to use. */
  void servers(List<Server> servers) {
    this.servers = servers;
  }

  /**
   * The servers of the ring in use.
   *
   * @return the list, or {@code null} when the rule uses no ring
   */
  List<Server> servers() {
    return servers;
  }

  /**
   * Records the call about to be made.
   *
   * @param call the method and what it is called on, for example {@code "failover"}
   * @param key the key passed, or {@code null} when the call takes none
   */
  void call(String call, Object key) {
    call(call, key, null);
  }

  /**
   * Records the call about to be made, with more arguments after the key.
   *
   * @param more the other arguments as text, for example {@code "3, 7"}
   */
  void call(String call, Object key, String more) {
    this.key = key;
    this.more = more;
    this.call = call;
  }

  /**
   * The call in progress or last made.
   *
   * @return for example {@code failover("user:1")}, or {@code "no call yet"}
   */
  String call() {
    String name = call;
    Object argument = key;
    String rest = more;
    if (name == null) {
      return "no call yet";
    }
    if (argument == null) {
      return name;
    }
    return name + "(" + Describe.key(argument) + (rest == null ? "" : ", " + rest) + ")";
  }
}
