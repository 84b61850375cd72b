package dev.hashring.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hashring.Server;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerListsTest {

  @Test
  void requireValid_returnsAnImmutableCopy() {
    List<Server> servers = new ArrayList<>(List.of(Server.of("a", 1), Server.of("b", 1)));
    List<Server> copy = ServerLists.requireValid(servers);
    servers.clear();
    assertThat(copy).containsExactly(Server.of("a", 1), Server.of("b", 1));
    assertThatThrownBy(() -> copy.add(Server.of("c", 1)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void requireValid_rejectsEmptyNullAndDuplicates() {
    assertThatThrownBy(() -> ServerLists.requireValid(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("servers must not be empty");
    assertThatThrownBy(() -> ServerLists.requireValid(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("servers");
    assertThatThrownBy(() -> ServerLists.requireValid(Arrays.asList(Server.of("a", 1), null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("servers[1] is null");
    assertThatThrownBy(
            () ->
                ServerLists.requireValid(
                    List.of(Server.of("a", 1), Server.of("b", 1), Server.of("a", 1, 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "duplicate server a:1 at positions 0 and 2: each memcached server may be listed once");
    assertThatThrownBy(
            () ->
                ServerLists.requireValid(
                    List.of(Server.of("a", 1).withName("x"), Server.of("b", 1).withName("x"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "duplicate server name 'x' at positions 0 and 1: each server name may be used once");
  }
}
