package dev.hashring;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RingDefaultsTest {

  private static final List<Server> SERVERS =
      List.of(Server.of("10.0.0.1", 11211), Server.of("10.0.0.2", 11211), Server.of("10.0.0.3", 1));

  /** A faulty ring whose failover sequence cycles forever, as the original Python ring's did. */
  private static final class CyclingRing implements Ring {
    final List<byte[]> keysSeen = new ArrayList<>();

    @Override
    public Server primary(byte[] key) {
      keysSeen.add(key);
      return SERVERS.get(1);
    }

    @Override
    public Iterator<Server> failover(byte[] key) {
      keysSeen.add(key);
      return new Iterator<>() {
        int next = 1;

        @Override
        public boolean hasNext() {
          return true;
        }

        @Override
        public Server next() {
          return SERVERS.get(next++ % SERVERS.size());
        }
      };
    }

    @Override
    public List<Server> servers() {
      return SERVERS;
    }

    @Override
    public Set<Trait> traits() {
      return Set.of();
    }
  }

  @Test
  void firstAvailable_returnsTheFirstAcceptedServerOfTheSequence() {
    Ring ring = new CyclingRing();
    assertThat(ring.firstAvailable("k", server -> server.port() == 1)).contains(SERVERS.get(2));
    assertThat(ring.firstAvailable("k", server -> true)).contains(SERVERS.get(1));
  }

  @Test
  void firstAvailable_whenEveryServerIsDown_asksEachAtMostOnceAndReturnsEmpty() {
    AtomicInteger asked = new AtomicInteger();
    Ring ring = new CyclingRing();
    assertThat(
            ring.firstAvailable(
                "k",
                server -> {
                  asked.incrementAndGet();
                  return false;
                }))
        .isEmpty();
    assertThat(asked).hasValue(SERVERS.size());
  }

  @Test
  void stringOverloads_passTheUtf8Bytes() {
    CyclingRing ring = new CyclingRing();
    ring.primary("ключ");
    ring.failover("ключ");
    ring.firstAvailable("ключ", server -> true);
    assertThat(ring.keysSeen)
        .allSatisfy(key -> assertThat(key).isEqualTo("ключ".getBytes(UTF_8)))
        .hasSize(3);
  }

  @Test
  void nullArguments_areRejectedWithTheirName() {
    Ring ring = new CyclingRing();
    assertThatThrownBy(() -> ring.primary((String) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("key");
    assertThatThrownBy(() -> ring.failover((String) null)).hasMessage("key");
    assertThatThrownBy(() -> ring.firstAvailable((String) null, s -> true)).hasMessage("key");
    assertThatThrownBy(() -> ring.firstAvailable("k", null)).hasMessage("available");
  }
}
