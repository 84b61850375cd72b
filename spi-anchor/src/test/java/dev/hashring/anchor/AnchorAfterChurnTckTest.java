package dev.hashring.anchor;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelector;
import dev.hashring.tck.ServerSelectorTck;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The TCK on rings whose history has seen other servers come and go: every list the rules build is
 * given a history ({@link Histories#churned}) in which removed buckets lie between the live ones,
 * and every change the rules make is appended to it.
 */
class AnchorAfterChurnTckTest extends ServerSelectorTck {

  /** The anchor selector, given a churned history for any list that comes without one. */
  private static final class Churned implements ServerSelector {

    private final AnchorSelector anchor = new AnchorSelector();

    @Override
    public String name() {
      return anchor.name();
    }

    @Override
    public Ring ring(List<Server> servers, Map<String, String> options) {
      if (servers == null
          || options == null
          || options.containsKey("history")
          || servers.stream().anyMatch(Objects::isNull)) {
        return anchor.ring(servers, options);
      }
      Map<String, String> churned = new HashMap<>(options);
      churned.put("history", Histories.churned(servers, servers.size()));
      return anchor.ring(servers, churned);
    }
  }

  @Override
  protected ServerSelector selector() {
    return new Churned();
  }

  @Override
  protected List<Map<String, String>> optionMaps() {
    return List.of(Map.of(), Map.of("hash", "fnv1a_64"));
  }

  @Override
  protected Map<String, String> optionsAfter(
      List<Server> before, List<Server> after, Map<String, String> options) {
    Map<String, String> history = new HashMap<>(options);
    history.putIfAbsent("history", Histories.churned(before, before.size()));
    return Histories.after(before, after, history);
  }
}
