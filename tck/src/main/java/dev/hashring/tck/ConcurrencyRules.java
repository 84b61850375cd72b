package dev.hashring.tck;

import dev.hashring.Ring;
import dev.hashring.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Rule 1.8: many threads on one ring see what one thread sees. */
final class ConcurrencyRules {

  private ConcurrencyRules() {}

  /** Rule 1.8. */
  static void threadsSeeTheSameAnswers(SelectorUnderTest s) throws InterruptedException {
    List<String> keys = SampleKeys.realistic(18, 2_000);
    byte[][] bytes = SampleKeys.utf8(keys);
    List<Server> servers = SampleServers.of(10, 11);
    Ring ring = s.ring(servers);
    int n = keys.size();
    s.trace.call("primary and failover, from " + ThreadedAgreement.threads() + " threads", null);
    Optional<ThreadedAgreement.Disagreement> found =
        ThreadedAgreement.check(
            2 * n,
            task -> {
              Object key = task < n ? bytes[task] : keys.get(task - n);
              List<Server> answer = new ArrayList<>();
              answer.add(
                  key instanceof String ? ring.primary((String) key) : ring.primary((byte[]) key));
              answer.addAll(read(ring, key, servers.size()));
              return answer;
            });
    if (found.isEmpty()) {
      return;
    }
    ThreadedAgreement.Disagreement d = found.get();
    Object key = d.task() < n ? bytes[d.task()] : keys.get(d.task() - n);
    String kind = d.task() < n ? "byte[]" : "String";
    if (d.error() != null) {
      throw s.violation()
          .key(key)
          .expected("lookups from " + ThreadedAgreement.threads() + " threads at once to succeed")
          .actual(
              "primary or failover of this "
                  + kind
                  + " key threw "
                  + Describe.thrown(d.error())
                  + " in thread '"
                  + d.thread()
                  + "', "
                  + d.when())
          .build(d.error());
    }
    throw s.violation()
        .key(key)
        .expected(
            "primary, then failover, as one thread saw them: "
                + Describe.list((List<?>) d.expected()))
        .actual(
            "thread '"
                + d.thread()
                + "' saw "
                + Describe.list((List<?>) d.actual())
                + " for this "
                + kind
                + " key, "
                + d.when())
        .build();
  }

  /** Reads a failover sequence without the trace, which belongs to the rule's own thread. */
  private static List<Server> read(Ring ring, Object key, int count) {
    java.util.Iterator<Server> sequence =
        key instanceof String ? ring.failover((String) key) : ring.failover((byte[]) key);
    List<Server> read = new ArrayList<>();
    while (read.size() <= count && sequence.hasNext()) {
      read.add(sequence.next());
    }
    return read;
  }
}
