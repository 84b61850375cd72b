package dev.hashring.tck;

import dev.hashring.Server;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * A broken rule, with a message that says which rule, what was expected, what happened, and what to
 * check:
 *
 * <pre>
 * Rule 1.4 violated: failover lists every server exactly once, then ends
 *   subject:  selector 'python-ring' (org.example.PythonRing) with default options
 *   ring:     3 servers: 10.0.12.7:11211, cache-1.example.net:11211, 10.0.3.9:22122
 *   key:      "user:81723"
 *   expected: each of the 3 servers once, then the end of the sequence
 *   actual:   10.0.12.7:11211, 10.0.3.9:22122, cache-1.example.net:11211, 10.0.12.7:11211 (...)
 *   check:    a ring walk must skip servers it has already yielded (...)
 * </pre>
 */
final class Violation extends AssertionFailedError {

  private static final long serialVersionUID = 1L;

  private Violation(String message, Throwable cause) {
    super(message, cause);
  }

  /** Starts the message of a violation of {@code rule} by the subject of {@code trace}. */
  static Builder of(Rule rule, Trace trace) {
    return new Builder(rule, trace);
  }

  /** Collects the parts of the message. */
  static final class Builder {

    private final Rule rule;
    private final Trace trace;
    private List<Server> servers;
    private String key;
    private String expected;
    private String actual;
    private String hint;

    private Builder(Rule rule, Trace trace) {
      this.rule = rule;
      this.trace = trace;
      this.servers = trace.servers();
    }

    /** The servers of the ring concerned, when it is not the one the trace records. */
    Builder servers(List<Server> servers) {
      this.servers = servers;
      return this;
    }

    /** The key concerned: a {@code byte[]} or a {@code String}. */
    Builder key(Object key) {
      this.key = Describe.key(key);
      return this;
    }

    Builder expected(String expected) {
      this.expected = expected;
      return this;
    }

    Builder actual(String actual) {
      this.actual = actual;
      return this;
    }

    /** Advice for this particular failure, given before the rule's own. */
    Builder hint(String hint) {
      this.hint = hint;
      return this;
    }

    Violation build() {
      return build(null);
    }

    Violation build(Throwable cause) {
      StringBuilder text = new StringBuilder("Rule ");
      text.append(rule.number()).append(" violated: ").append(rule.title());
      line(text, "subject", trace.subject());
      if (servers != null) {
        line(text, "ring", Describe.servers(servers));
      }
      if (key != null) {
        line(text, "key", key);
      }
      line(text, "expected", expected);
      line(text, "actual", actual);
      line(text, "check", hint == null ? rule.hint() : hint + "; " + rule.hint());
      return new Violation(text.toString(), cause);
    }

    private static void line(StringBuilder text, String label, String value) {
      if (value == null) {
        return;
      }
      String head = String.format(java.util.Locale.ROOT, "%-10s", label + ":");
      text.append("\n  ").append(head);
      text.append(value.replace("\n", "\n" + " ".repeat(2 + head.length())));
    }
  }
}
